import express, { Request, Response, NextFunction } from 'express';
import axios from 'axios';
import { createClient } from 'redis';
import { logger } from './log';

// The users service, as docker-compose names it; the default is for a
// developer's machine.
const USERS_URL = process.env.USERS_URL ?? 'http://localhost:5000';

const app = express();
app.use(express.json());

function requireAuth(req: Request, res: Response, next: NextFunction) {
  if (!req.headers.authorization) {
    res.status(401).end();
    return;
  }
  next();
}

// Sign-up form of the browser: the account is created by the users service.
app.post('/signup', async (req: Request, res: Response) => {
  const { email, fullName, phone, referrer } = req.body;
  const created = await axios.post(`${USERS_URL}/users`, { email, fullName, phone, referrer });
  res.status(201).json({ id: created.data.id });
});

// Profile page: the users service answers with the stored contact details.
app.get('/profile/:id', requireAuth, async (req: Request, res: Response) => {
  const resp = await axios.get(`${USERS_URL}/users/${req.params.id}`);
  logger.info(`profile viewed, contact ${resp.data.phone}`);
  res.json({ id: req.params.id });
});

// Invoices published by the billing service on Redis.
const subscriber = createClient({ url: process.env.REDIS_URL });
subscriber.subscribe('invoices', (message: string) => {
  const invoice = JSON.parse(message);
  console.log(`invoice ready for ${invoice.email}`);
});

app.listen(8080);
