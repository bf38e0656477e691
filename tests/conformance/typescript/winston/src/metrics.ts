// Negative file: counts and timings.
import { createLogger, transports } from 'winston';

const logger = createLogger({ transports: [new transports.Console()] });

export function flush(batch: { id: string; size: number }[], tookMs: number): void {
  logger.info(`flushed ${batch.length} batches in ${tookMs}ms`);
  batch.forEach((b) => logger.debug('batch', { id: b.id, size: b.size }));
}
