// Negative file: service health.
import pino from 'pino';
import { createHash } from 'node:crypto';

const log = pino();

export function heartbeat(drivers, startedAt) {
  log.info({ online: drivers.length, uptimeMs: Date.now() - startedAt }, 'heartbeat');
  for (const d of drivers) {
    log.debug({ driver: createHash('sha256').update(d.email).digest('hex') }, 'online');
  }
  log.child({ component: 'health' }).info('ok');
}
