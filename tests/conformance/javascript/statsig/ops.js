// Negative file: a gate for the service itself.
const { regionGate } = require("./statsig");

async function regionEnabled() {
  return regionGate("eu-west-1");
}

module.exports = { regionEnabled };
