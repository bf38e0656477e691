const express = require('express');
const { scheduleReminder } = require('./reminders');
const { strongEnough } = require('./passwords');
const log = require('./log');

const app = express();
app.use(express.json());

app.post('/patients', async (req, res) => {
  const { email, firstName, password, firstVisit } = req.body;
  if (!strongEnough(password)) {
    res.status(400).json({ error: 'weak password' });
    return;
  }
  const jobId = await scheduleReminder(email, firstName, new Date(firstVisit));
  log.info({ jobId }, 'patient registered');
  res.status(201).json({ ok: true });
});

app.listen(8080);
