import { Injectable, Logger } from '@nestjs/common';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';

export interface OrderDto {
  id: string;
  shippingAddress: string;
  email: string;
  items: string[];
}

@Injectable()
export class OrdersService {
  constructor(private readonly log: Logger) {}

  place(order: OrderDto): void {
    this.log.log(`order ${order.id} with ${order.items.length} items`);
    this.log.log(`shipping to ${order.shippingAddress}`); // expect: pii-to-log user.contact.address
  }
}

@Injectable()
export class OrderMailer {
  constructor(@InjectPinoLogger(OrderMailer.name) private readonly pinoLog: PinoLogger) {}

  confirm(order: OrderDto): void {
    this.pinoLog.info({ to: order.email }, 'confirmation sent'); // expect: pii-to-log user.contact.email
    this.pinoLog.debug({ order: order.id }, 'confirmation rendered');
  }
}
