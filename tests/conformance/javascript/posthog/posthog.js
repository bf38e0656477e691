const { PostHog } = require("posthog-node");

const client = new PostHog(process.env.POSTHOG_API_KEY, { host: "https://eu.i.posthog.com" });

function identify(user) {
  client.identify({ distinctId: user.id, properties: { email: user.email, username: user.username } }); // expect: pii-to-third-party user.contact.email user.account.username
}

function purchased(user, city) {
  client.capture({ distinctId: user.id, event: "purchase completed", properties: { city } }); // expect: pii-to-third-party user.contact.address.city
}

function flagSeen(flag) {
  client.capture({ distinctId: "service-account", event: "$feature_flag_called", properties: { $feature_flag: flag } });
}

module.exports = { identify, purchased, flagSeen };
