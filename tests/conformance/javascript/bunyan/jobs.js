// Negative file: a nightly job logging counts.
const bunyan = require('bunyan');

const log = new bunyan({ name: 'nightly' });

function run(employees) {
  const started = Date.now();
  log.info({ employees: employees.length }, 'nightly start');
  const failed = employees.filter((e) => !e.active).length;
  log.info({ failed, tookMs: Date.now() - started }, 'nightly done');
}

module.exports = { run };
