import winston from 'winston';

const audit = winston.createLogger({
  transports: [new winston.transports.File({ filename: 'audit.log' })],
});

export function recordConsent(user, ipAddress) {
  audit.info('consent recorded', { email: user.email, ip: ipAddress }); // expect: pii-to-log user.contact.email user.device.ip_address
  audit.info('consent version', { version: 3 });
}

export class BounceHandler {
  constructor() {
    this.log = winston.loggers.get('bounces');
  }

  handle(bounce) {
    this.log.error(`bounce for ${bounce.recipientEmail}`); // expect: pii-to-log user.contact.email
    this.log.info('bounce type', { type: bounce.type });
  }
}

export function legacyConsent(user) {
  winston.info(`legacy consent for ${user.email}`); // expect: pii-to-log user.contact.email
  winston.log('warn', 'legacy consent without phone %s', user.phone); // expect: pii-to-log user.contact.phone_number
}
