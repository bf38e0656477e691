const { Analytics } = require("@segment/analytics-node");

const analytics = new Analytics({ writeKey: process.env.SEGMENT_WRITE_KEY });

function identifyCustomer(customer) {
  analytics.identify({ userId: customer.id, traits: { email: customer.email, firstName: customer.firstName } }); // expect: pii-to-third-party user.contact.email user.name.first
}

function trackSignup(customer, phone) {
  analytics.track({ userId: customer.id, event: "Signed Up", properties: { phone, referrer: customer.referrer } }); // expect: pii-to-third-party user.contact.phone_number
}

module.exports = { analytics, identifyCustomer, trackSignup };
