// dd-trace must be initialised before other modules are loaded.
const tracer = require("dd-trace").init({ service: "checkout", logInjection: true });

function tagCustomer(customer) {
  const span = tracer.scope().active();
  if (!span) return;
  span.setTag("customer.id", customer.id);
  span.setTag("customer.email", customer.email); // expect: pii-to-third-party user.contact.email
  span.addTags({ "customer.phone": customer.phone, tier: customer.tier }); // expect: pii-to-third-party user.contact.phone_number
}

module.exports = { tracer, tagCustomer };
