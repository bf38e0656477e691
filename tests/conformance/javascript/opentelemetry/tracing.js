const { trace, propagation, context } = require("@opentelemetry/api");

const tracer = trace.getTracer("accounts", "1.4.0");

function tagUser(user) {
  const span = trace.getActiveSpan();
  if (!span) return;
  span.setAttribute("enduser.email", user.email); // expect: pii-to-third-party user.contact.email
  span.setAttributes({ "enduser.phone": user.phone, "enduser.scope": "member" }); // expect: pii-to-third-party user.contact.phone_number
}

function withEmailBaggage(email, fn) {
  const bag = propagation.createBaggage({ "user.email": { value: email } }); // expect: pii-to-third-party user.contact.email
  return context.with(propagation.setBaggage(context.active(), bag), fn);
}

module.exports = { tracer, tagUser, withEmailBaggage };
