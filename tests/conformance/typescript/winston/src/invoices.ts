import * as winston from 'winston';
import { buildLogger } from './logging';

interface Customer {
  id: string;
  email: string;
  billingAddress: string;
  vatNumber: string;
}

const log: winston.Logger = winston.createLogger({ transports: [new winston.transports.Console()] });

export class InvoiceService {
  private readonly logger: winston.Logger;

  constructor(logger?: winston.Logger) {
    this.logger = logger ?? buildLogger('invoices');
  }

  issue(customer: Customer, amountCents: number): void {
    this.logger.info('issuing invoice', { customer: customer.id, amountCents });
    this.logger.info(`invoice address: ${customer.billingAddress}`); // expect: pii-to-log user.contact.address
    const scoped = this.logger.child({ email: customer.email });
    scoped.warn('invoice overdue'); // expect: pii-to-log user.contact.email
  }
}

export function remind(customer: Customer): void {
  log.log({ level: 'info', message: `reminder sent to ${customer.email}` }); // expect: pii-to-log user.contact.email
  log.info('reminder sent');
}
