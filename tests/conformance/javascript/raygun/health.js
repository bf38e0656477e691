// Negative file: provider outages.
const { providerDown } = require("./raygun");

function smtpDown() {
  providerDown("smtp");
}

module.exports = { smtpDown };
