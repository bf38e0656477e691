const logger = require('./logger');

const BLOCKED = ['mailinator.com', 'example.invalid'];

function describeAddress(email) {
  logger.debug(`length ${email.length}`);
  logger.debug(`has plus: ${email.includes('+')}`);
  logger.debug(`at sign at ${email.indexOf('@')}`);
  logger.debug(`blocked: ${BLOCKED.some((d) => email.endsWith(d))}`);
  logger.debug(`type: ${typeof email}`);
  return email.startsWith('admin');
}

module.exports = { describeAddress };
