const express = require('express');
const logger = require('./logger');

const app = express();
app.use(express.json());

app.post('/subscribe', (req, res) => {
  const { email, firstName } = req.body;
  logger.info(`new subscriber ${email}`); // expect: pii-to-log user.contact.email
  logger.log({ level: 'info', message: 'subscriber name', name: firstName }); // expect: pii-to-log user.name.first
  logger.debug('subscribe payload has %d keys', Object.keys(req.body).length);
  const reqLogger = logger.child({ requestId: req.get('x-request-id') });
  reqLogger.info('subscription stored');
  res.status(201).json({ ok: true });
});

app.post('/unsubscribe', (req, res) => {
  const child = logger.child({ email: req.body.email });
  child.warn('unsubscribe requested'); // expect: pii-to-log user.contact.email
  logger.log('info', 'unsubscribe from %s', req.body.phone); // expect: pii-to-log user.contact.phone_number
  res.sendStatus(204);
});

module.exports = app;
