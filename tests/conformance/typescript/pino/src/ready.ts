// Negative file: readiness probe.
import { rootLogger } from './logger';

export function ready(checks: Record<string, boolean>): boolean {
  const failed = Object.entries(checks).filter(([, ok]) => !ok).map(([name]) => name);
  rootLogger.info({ failed: failed.length }, 'readiness');
  return failed.length === 0;
}
