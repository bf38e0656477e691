// Sentry is initialised before anything else is required (as its docs ask).
const Sentry = require("@sentry/node");

Sentry.init({
  dsn: process.env.SENTRY_DSN,
  tracesSampleRate: 0.2,
  sendDefaultPii: false,
});

function reportPaymentError(err, customer) {
  Sentry.withScope((scope) => {
    scope.setUser({ id: customer.id, email: customer.email }); // expect: pii-to-third-party user.contact.email
    scope.setExtra("billingAddress", customer.billingAddress); // expect: pii-to-third-party user.contact.address
    scope.setTag("plan", customer.plan);
    Sentry.captureException(err);
  });
}

function reportRefundError(err, req) {
  const email = req.body.email;
  Sentry.withScope((scope) => {
    scope.setUser({ email }); // todo: pii-to-third-party user.contact.email (a closure does not see the locals of the function around it)
    Sentry.captureException(err);
  });
}

module.exports = { Sentry, reportPaymentError, reportRefundError };
