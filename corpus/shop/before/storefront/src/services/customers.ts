import axios from 'axios';
import { logger, pool, settings } from '../config';
import { Customer, Order } from '../types';

export async function findCustomer(id: string): Promise<Customer | undefined> {
  const { rows } = await pool.query<Customer>(
    'SELECT id, email, full_name AS "fullName", created_at AS "createdAt" FROM customers WHERE id = $1',
    [id],
  );
  return rows[0];
}

export async function saveOrder(order: Order, contact: string): Promise<void> {
  await pool.query('INSERT INTO orders (id, total_cents, contact) VALUES ($1, $2, $3)', [
    order.id,
    order.totalCents,
    contact,
  ]);
}

/** The audit trail of checkouts. */
export function recordCheckout(orderId: string, contact: string): void {
  logger.info(`order ${orderId} placed by ${contact}`);
}

/** Enrol the buyer in the partner's loyalty programme (an external company). */
export async function enrolLoyalty(contactNumber: string): Promise<boolean> {
  const reply = await fetch('https://api.example-partner.com/v1/members', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phone: contactNumber, tier: settings.loyaltyTier }),
  });
  if (!reply.ok) {
    logger.warn(`loyalty enrolment failed with status ${reply.status}`);
  }
  return reply.ok;
}

/** Tell the accounts service (ours, inside the cluster) about the order. */
export async function notifyAccounts(orderId: string, contact: string): Promise<void> {
  await axios.post('http://accounts:8000/internal/orders', { orderId, contact });
}
