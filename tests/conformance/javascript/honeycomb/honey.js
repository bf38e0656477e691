const Libhoney = require("libhoney");

const hny = new Libhoney({
  writeKey: process.env.HONEYCOMB_API_KEY,
  dataset: "checkout",
});

function checkoutEvent(order, durationMs) {
  const ev = hny.newEvent();
  ev.addField("duration_ms", durationMs);
  ev.addField("customer.email", order.email); // expect: pii-to-third-party user.contact.email
  ev.add({ "customer.phone": order.phone, items: order.items.length }); // expect: pii-to-third-party user.contact.phone_number
  ev.send();
}

function addressEvent(address) {
  hny.sendNow({ "shipping.address": address, kind: "address-check" }); // expect: pii-to-third-party user.contact.address
}

module.exports = { hny, checkoutEvent, addressEvent };
