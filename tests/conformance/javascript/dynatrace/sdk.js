// Dynatrace OneAgent SDK for Node.js.
const Sdk = require("@dynatrace/oneagent-sdk");

const dynatrace = Sdk.createInstance();

function tagCustomer(customer) {
  dynatrace.addCustomRequestAttribute("customer.segment", customer.segment);
  dynatrace.addCustomRequestAttribute("customer.email", customer.email); // expect: pii-to-third-party user.contact.email
}

module.exports = { dynatrace, tagCustomer };
