const log4js = require('log4js');

log4js.configure({
  appenders: { out: { type: 'stdout' }, app: { type: 'file', filename: 'support.log' } },
  categories: { default: { appenders: ['out', 'app'], level: 'info' } },
});

const logger = log4js.getLogger('tickets');
const slaLog = log4js.getLogger('sla');

function openTicket(ticket) {
  logger.info('ticket opened by %s', ticket.customerEmail); // expect: pii-to-log user.contact.email
  logger.info('ticket %s opened with priority %s', ticket.id, ticket.priority);
  if (ticket.priority === 'urgent') {
    slaLog.warn(`urgent ticket, callback ${ticket.callbackPhone}`); // expect: pii-to-log user.contact.phone_number
  }
  logger.addContext('ticket', ticket.id);
  return ticket.id;
}

function escalate(ticket, agent) {
  slaLog.error('escalating ticket of', ticket.customerName, 'to', agent.name); // expect: pii-to-log user.name
  slaLog.mark('escalation done');
}

module.exports = { openTicket, escalate };
