import winston from 'winston';
import { Pool } from 'pg';

export const logger = winston.createLogger({
  level: process.env.LOG_LEVEL ?? 'info',
  format: winston.format.json(),
  transports: [new winston.transports.Console()],
});

export const pool = new Pool({ connectionString: process.env.DATABASE_URL });

export const settings = {
  currency: 'EUR' as const,
  email_template: 'order-confirmation-v3',
  loyaltyTier: 'bronze',
};
