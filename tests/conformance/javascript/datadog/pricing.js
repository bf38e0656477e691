// Negative file: span tags hold counts, currencies and fixed labels.
const tracer = require("dd-trace");

function priceCart(items) {
  const span = tracer.scope().active();
  span.setTag("cart.items", items.length);
  span.addTags({ currency: "EUR", "pricing.version": 3 });
  return tracer.trace("pricing.sum", (inner) => {
    inner.setTag("component", "pricing");
    return items.reduce((sum, item) => sum + item.price * item.quantity, 0);
  });
}

module.exports = { priceCart };
