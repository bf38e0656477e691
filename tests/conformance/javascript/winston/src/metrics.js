// Negative file: counts, durations and digests.
const crypto = require('crypto');
const logger = require('./logger');

function reportCampaign(campaign, recipients, startedAt) {
  logger.info(`campaign ${campaign.id} sent to ${recipients.length} recipients`);
  logger.info('campaign finished', { durationMs: Date.now() - startedAt });
  for (const r of recipients) {
    const digest = crypto.createHash('sha256').update(r.email).digest('hex');
    logger.debug('delivered', { recipient: digest });
  }
}

module.exports = { reportCampaign };
