const bunyan = require('bunyan');
const express = require('express');
const { Payroll } = require('./payroll');

const log = bunyan.createLogger({
  name: 'hr-portal',
  streams: [{ level: 'info', stream: process.stdout }, { level: 'error', path: '/var/log/hr-portal.log' }],
  serializers: bunyan.stdSerializers,
});

const app = express();
app.use(express.json());

app.put('/employees/:id', (req, res) => {
  const reqLog = log.child({ employee: req.params.id });
  reqLog.info({ salary: req.body.salary }, 'salary change'); // expect: pii-to-log user.financial
  reqLog.info('employee update');
  log.warn('new home address %s', req.body.homeAddress); // expect: pii-to-log user.contact.address
  const payroll = new Payroll(log);
  payroll.update(req.body);
  res.sendStatus(204);
});

app.listen(8080, () => log.info('listening on 8080'));
