const util = require('util');
const Agenda = require('agenda');
const { RateLimiterMemory } = require('rate-limiter-flexible');
const log = require('./log');

const agenda = new Agenda({ db: { address: process.env.MONGO_URL } });
const limiter = new RateLimiterMemory({ points: 5, duration: 60 });

async function scheduleReminder(email, firstName, when) {
  const quota = await limiter.consume(email);
  // the limiter's answer about the address, not the address
  log.debug({ remaining: quota.remainingPoints }, 'reminder quota');
  const job = await agenda.schedule(when, 'send reminder', { email, firstName });
  log.info({ jobId: job.attrs._id }, 'reminder queued');
  log.info(`reminder job ${job.attrs.name} at ${job.attrs.nextRunAt}`);
  const greeting = util.format('Hello %s, see you soon', firstName);
  log.info(greeting); // expect: pii-to-log user.name.first
  const token = Buffer.from(email).toString('base64url');
  log.info({ token }, 'unsubscribe token'); // expect: pii-to-log user.contact.email
  return job.attrs._id;
}

module.exports = { scheduleReminder };
