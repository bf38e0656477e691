const Mixpanel = require("mixpanel");

const mixpanel = Mixpanel.init(process.env.MIXPANEL_TOKEN, { host: "api-eu.mixpanel.com" });

function profile(user) {
  mixpanel.people.set(user.id, { $email: user.email, $name: user.fullName, plan: user.plan }); // expect: pii-to-third-party user.contact.email user.name
}

function trackCheckout(user, city) {
  mixpanel.track("Checkout", { distinct_id: user.id, city }); // expect: pii-to-third-party user.contact.address.city
}

module.exports = { mixpanel, profile, trackCheckout };
