// Negative file: timings.
const log = require('loglevel');

function measure(label, fn) {
  const started = Date.now();
  const result = fn();
  log.info(`${label} took ${Date.now() - started}ms`);
  return result;
}

module.exports = { measure };
