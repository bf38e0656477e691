const Bugsnag = require("@bugsnag/js");

Bugsnag.start({ apiKey: process.env.BUGSNAG_API_KEY });

function paymentFailed(err, account) {
  Bugsnag.notify(err, (event) => {
    event.setUser(account.id, account.email, account.name); // expect: pii-to-third-party user.contact.email
    event.addMetadata("billing", { iban: account.iban }); // expect: pii-to-third-party user.financial.bank_account
  });
}

module.exports = { Bugsnag, paymentFailed };
