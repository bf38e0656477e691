const LaunchDarkly = require("@launchdarkly/node-server-sdk");

const ldClient = LaunchDarkly.init(process.env.LAUNCHDARKLY_SDK_KEY);

function contextFor(user) {
  return { kind: "user", key: user.id, email: user.email, country: user.country };
}

async function newCheckoutEnabled(user) {
  await ldClient.waitForInitialization({ timeout: 5 });
  return ldClient.variation("new-checkout", contextFor(user), false); // expect: pii-to-third-party user.contact.email user.contact.address.country
}

function trackConversion(user, total) {
  ldClient.track("checkout-completed", { kind: "user", key: user.id, email: user.email }, null, total); // expect: pii-to-third-party user.contact.email
}

function maintenance() {
  return ldClient.variation("maintenance-mode", { kind: "service", key: "checkout" }, false);
}

module.exports = { newCheckoutEnabled, trackConversion, maintenance };
