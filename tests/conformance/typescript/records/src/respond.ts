import type { Response } from 'express';
import winston from 'winston';

import { Preferences, Profile } from './types';

const logger = winston.createLogger({ level: 'info' });

export function sendProfile(res: Response, profile: Profile): void {
  logger.info('profile sent', { theme: profile.theme });
  res.json(profile); // expect: pii-to-response user.contact.email user.contact.phone_number
}

export function sendPreferences(res: Response, prefs: Preferences): void {
  logger.info('preferences', prefs);
  res.json(prefs);
}
