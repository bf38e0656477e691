// Negative file: the ops digest to a fixed address.
const { sendDigest } = require("./mailjet");

async function digest(signups) {
  await sendDigest(signups);
}

module.exports = { digest };
