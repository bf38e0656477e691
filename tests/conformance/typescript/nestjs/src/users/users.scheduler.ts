// Negative file: a scheduled job that logs counts only.
import { Injectable, Logger } from '@nestjs/common';
import { createHash } from 'crypto';

@Injectable()
export class UsersScheduler {
  private readonly logger = new Logger(UsersScheduler.name);

  purgeInactive(users: { email: string; lastSeen: number }[]) {
    const cutoff = Date.now() - 1000 * 60 * 60 * 24 * 365;
    const stale = users.filter((u) => u.lastSeen < cutoff);
    this.logger.log(`purging ${stale.length} of ${users.length} users`);
    for (const u of stale) {
      this.logger.debug(`purged ${createHash('sha256').update(u.email).digest('hex')}`);
    }
  }
}
