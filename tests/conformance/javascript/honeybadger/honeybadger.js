const Honeybadger = require("@honeybadger-io/js");

Honeybadger.configure({ apiKey: process.env.HONEYBADGER_API_KEY, environment: "production" });

function withCustomer(customer) {
  Honeybadger.setContext({ user_id: customer.id, user_email: customer.email }); // expect: pii-to-third-party user.contact.email
}

function importFailed(err, row) {
  Honeybadger.notify(err, { context: { phone: row.phone, line: row.line } }); // expect: pii-to-third-party user.contact.phone_number
}

module.exports = { Honeybadger, withCustomer, importFailed };
