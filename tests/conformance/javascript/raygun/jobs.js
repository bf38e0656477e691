const { invoiceFailed } = require("./raygun");
const { smtpDown } = require("./health");

function sendInvoice(customer) {
  try {
    throw new Error("smtp refused");
  } catch (err) {
    invoiceFailed(err, customer);
    smtpDown();
  }
}

module.exports = { sendInvoice };
