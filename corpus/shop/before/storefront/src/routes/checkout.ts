import { Router, Request, Response } from 'express';
import { logger, settings } from '../config';
import { hashEmail, maskCard, newOrderId } from '../util/privacy';
import {
  enrolLoyalty,
  findCustomer,
  notifyAccounts,
  recordCheckout,
  saveOrder,
} from '../services/customers';
import { CheckoutRequest, LineItem, Order } from '../types';

const router = Router();

function totalOf(items: LineItem[]): number {
  let total = 0;
  for (const item of items) {
    total += item.quantity * item.unitPriceCents;
  }
  return total;
}

router.post('/checkout', async (req: Request, res: Response) => {
  const { email, fullName, phone, shippingAddress, cardNumber, items } =
    req.body as CheckoutRequest;
  if (!cardNumber || cardNumber.length < 12) {
    res.status(400).json({ error: 'invalid card' });
    return;
  }
  if (!shippingAddress.includes(' ')) {
    throw new Error(`cannot ship to "${shippingAddress}"`);
  }
  const order: Order = { id: newOrderId(), totalCents: totalOf(items), currency: settings.currency };

  logger.info(`charging card ${maskCard(cardNumber)} for order ${order.id}`);
  logger.info(`returning customer ${hashEmail(email)}`);
  logger.debug(`confirmation uses template ${settings.email_template}`);
  console.log(`new order for ${fullName}`);

  await saveOrder(order, email);
  recordCheckout(order.id, email);
  const enrolled = await enrolLoyalty(phone);
  await notifyAccounts(order.id, email);

  res.cookie('storefront_contact', email, { httpOnly: true, sameSite: 'lax' });
  res.status(201).json({ orderId: order.id, totalCents: order.totalCents, loyalty: enrolled });
});

router.get('/customers/:id', async (req: Request, res: Response) => {
  const customer = await findCustomer(req.params.id);
  if (!customer) {
    res.status(404).json({ error: 'no such customer' });
    return;
  }
  res.json({ id: customer.id, email: customer.email, since: customer.createdAt });
});

export default router;
