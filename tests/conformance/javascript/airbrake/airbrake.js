const { Notifier } = require("@airbrake/node");

const airbrake = new Notifier({
  projectId: Number(process.env.AIRBRAKE_PROJECT_ID),
  projectKey: process.env.AIRBRAKE_PROJECT_KEY,
  environment: "production",
});

function signupFailed(err, form) {
  airbrake.notify({ error: err, params: { email: form.email, plan: form.plan } }); // expect: pii-to-third-party user.contact.email
}

module.exports = { airbrake, signupFailed };
