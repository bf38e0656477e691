const Statsig = require("statsig-node");

const ready = Statsig.initialize(process.env.STATSIG_SERVER_SECRET);

async function seesNewPricing(user) {
  await ready;
  return Statsig.checkGateSync({ userID: user.id, email: user.email }, "new_pricing"); // expect: pii-to-third-party user.contact.email
}

function purchased(user, total, city) {
  Statsig.logEvent({ userID: user.id }, "purchase", total, { city }); // expect: pii-to-third-party user.contact.address.city
}

async function regionGate(region) {
  await ready;
  return Statsig.checkGateSync({ userID: "checkout-service", custom: { region } }, "region_enabled");
}

module.exports = { seesNewPricing, purchased, regionGate };
