// Negative file: queue statistics.
const log4js = require('log4js');

const logger = log4js.getLogger('stats');

function queueStats(queue) {
  logger.info('open tickets: %d', queue.open.length);
  logger.info('oldest ticket age: %d min', Math.round((Date.now() - queue.oldest) / 60000));
  logger.debug('queue is empty: %s', queue.open.length === 0);
}

module.exports = { queueStats };
