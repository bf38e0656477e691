import pino, { Logger } from 'pino';

export const rootLogger: Logger = pino({ level: 'debug' });
