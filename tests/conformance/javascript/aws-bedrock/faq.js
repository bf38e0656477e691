// Negative file: FAQ answers from a fixed prompt.
const { faq } = require("./assistant");

async function shippingFaq() {
  return faq("shipping");
}

module.exports = { shippingFaq };
