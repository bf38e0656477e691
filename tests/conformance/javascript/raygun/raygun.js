const raygun = require("raygun");

const raygunClient = new raygun.Client().init({ apiKey: process.env.RAYGUN_API_KEY });

function invoiceFailed(err, customer) {
  raygunClient.setUser(customer.email); // expect: pii-to-third-party user.contact.email
  raygunClient.send(err, { billingAddress: customer.billingAddress }); // expect: pii-to-third-party user.contact.address
}

function providerDown(name) {
  raygunClient.send(new Error(`${name} unavailable`), { provider: name }, () => {}, null, ["outage"]);
}

module.exports = { invoiceFailed, providerDown };
