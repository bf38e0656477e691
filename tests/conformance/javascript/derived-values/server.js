const express = require('express');
const logger = require('./logger');
const { describeAddress } = require('./checks');

const app = express();
app.use(express.json());

app.post('/signup', (req, res) => {
  const { email, phone } = req.body;
  const admin = describeAddress(email);
  logger.info({ admin, phoneDigits: phone.length }, 'sign-up');
  if (admin) {
    logger.warn(`admin sign-up attempt from ${email}`); // expect: pii-to-log user.contact.email
    return res.status(403).end();
  }
  res.status(201).json({ ok: true });
});

module.exports = app;
