// Negative file: labels are counts and currency codes.
const { apm } = require("./apm");

function priceItems(items) {
  apm.setLabel("items", items.length);
  apm.addLabels({ currency: "EUR", pricing: "v3" });
  const span = apm.startSpan("price");
  const total = items.reduce((sum, item) => sum + item.price, 0);
  if (span) span.end();
  return total;
}

module.exports = { priceItems };
