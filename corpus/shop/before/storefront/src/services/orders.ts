import { PrismaClient } from '@prisma/client';
import Redis from 'ioredis';
import { pool } from '../config';
import { LineItem, Order } from '../types';

const prisma = new PrismaClient();
const redis = new Redis(process.env.REDIS_URL ?? 'redis://cache:6379');

const CART_TTL_SECONDS = 86400;

/** The orders placed with a contact address, newest first. */
export async function ordersOf(contact: string) {
  return prisma.order.findMany({ where: { contact }, orderBy: { createdAt: 'desc' } });
}

/** The order row of a checkout, written through Prisma. */
export async function placeOrder(order: Order, email: string) {
  return prisma.order.create({
    data: { id: order.id, totalCents: order.totalCents, contact: email },
  });
}

/** The status of one order (the id is spliced into the statement). */
export async function orderStatus(id: string): Promise<string | undefined> {
  const { rows } = await pool.query(`SELECT status FROM orders WHERE id = ${id}`);
  return rows[0]?.status;
}

/** The cart a browser left, kept for a day. */
export async function cachedCart(id: string): Promise<LineItem[]> {
  const raw = await redis.get(`cart:${id}`);
  return raw ? (JSON.parse(raw) as LineItem[]) : [];
}

export async function saveCart(id: string, items: LineItem[]): Promise<void> {
  await redis.set(`cart:${id}`, JSON.stringify(items), 'EX', CART_TTL_SECONDS);
}
