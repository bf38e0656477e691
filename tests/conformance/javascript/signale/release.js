// Negative file: release steps.
const signale = require('signale');

function release(version, packages) {
  signale.start(`releasing ${version}`);
  signale.info(`${packages.length} packages`);
  signale.success(`released ${version}`);
}

module.exports = { release };
