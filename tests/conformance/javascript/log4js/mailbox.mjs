import log4js from 'log4js';

const log = log4js.getLogger('mailbox');

export function ingest(message) {
  log.debug(`reply to ${message.replyToEmail}`); // expect: pii-to-log user.contact.email
  log.trace('headers', message.headers.length);
}

export function attach(message) {
  const inbox = log4js.getLogger('inbox');
  inbox.fatal('unparseable mail from', message.senderEmail); // expect: pii-to-log user.contact.email
}
