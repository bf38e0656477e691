import pino from 'pino';

import type { Profile, Settings } from './types';

const logger = pino();

export async function loadProfile(id: string): Promise<void> {
  const res = await fetch(`https://profiles.internal.example/v1/${id}`);
  const profile: Profile = await res.json();
  logger.info({ profile }, 'profile loaded'); // expect: pii-to-log user.contact.email user.demographic.date_of_birth
  const settings = (await (await fetch('/settings')).json()) as Settings;
  logger.info({ settings }, 'settings loaded');
  logger.info(`theme ${settings.theme}`);
}
