// elastic-apm-node is started before anything else is required.
const apm = require("elastic-apm-node").start({
  serviceName: "orders",
  serverUrl: process.env.ELASTIC_APM_SERVER_URL,
});

function identify(customer) {
  apm.setUserContext({ id: customer.id, username: customer.username, email: customer.email }); // expect: pii-to-third-party user.account.username user.contact.email
  apm.setLabel("customer.tier", customer.tier);
}

module.exports = { apm, identify };
