import { createLogger, format, transports, Logger } from 'winston';

export function buildLogger(service: string): Logger {
  return createLogger({
    level: 'info',
    format: format.combine(format.timestamp(), format.json()),
    defaultMeta: { service },
    transports: [new transports.Console()],
  });
}
