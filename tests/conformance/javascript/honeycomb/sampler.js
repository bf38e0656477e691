// Negative file: sampling events record sizes and fixed names.
const { hny } = require("./honey");

function sample(items) {
  const builder = hny.newBuilder({ service: "checkout" });
  const ev = builder.newEvent();
  ev.addField("cart.items", items);
  ev.add({ sampler: "dynamic", rate: 10 });
  ev.send();
}

module.exports = { sample };
