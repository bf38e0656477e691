// Negative file: flag exposures for a service account.
const { flagSeen } = require("./posthog");

function exposure(flag) {
  flagSeen(flag);
}

module.exports = { exposure };
