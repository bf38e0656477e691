// Negative file: flags about users.
import { Logger } from '@nestjs/common';
import { CreateUserDto } from './create-user.dto';

const logger = new Logger('UsersAudit');

export function auditSignup(dto: CreateUserDto, emailVerified: boolean): void {
  logger.log(`email verified: ${emailVerified}`);
  logger.log(`phone given: ${Boolean(dto.phoneNumber)}`);
  logger.debug('signup audited');
}
