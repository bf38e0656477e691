// The agent is the first module required (node -r newrelic).
const newrelic = require("newrelic");

function annotateOrder(order, customer) {
  newrelic.addCustomAttribute("order.total", order.total);
  newrelic.addCustomAttribute("customer.email", customer.email); // expect: pii-to-third-party user.contact.email
  newrelic.addCustomAttributes({ "customer.phone": customer.phone, plan: customer.plan }); // expect: pii-to-third-party user.contact.phone_number
}

function orderFailed(err, customer) {
  newrelic.noticeError(err, { shippingAddress: customer.shippingAddress }); // expect: pii-to-third-party user.contact.address
}

module.exports = { annotateOrder, orderFailed };
