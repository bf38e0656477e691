// Negative file: facts about the subscriber, not the subscriber.
const crypto = require('crypto');
const winston = require('winston');

const logger = winston.createLogger({ transports: [new winston.transports.Console()] });

function logFlags(subscriber) {
  logger.info('has email', { hasEmail: Boolean(subscriber.email) });
  logger.info('email verified', { verified: subscriber.emailVerified });
  logger.debug('subscriber key', { key: crypto.createHmac('sha256', 'k').update(subscriber.email).digest('hex') });
}

module.exports = { logFlags };
