// Negative file: an operational flag for a service context.
const { maintenance } = require("./flags");

async function inMaintenance() {
  return maintenance();
}

module.exports = { inMaintenance };
