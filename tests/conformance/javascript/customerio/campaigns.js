// Negative file: anonymous campaign events.
const { campaignSent } = require("./cio");

async function spring() {
  await campaignSent("spring");
}

module.exports = { spring };
