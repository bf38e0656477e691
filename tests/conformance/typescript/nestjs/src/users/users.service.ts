import { Injectable, Logger } from '@nestjs/common';
import { CreateUserDto } from './create-user.dto';

@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);
  private readonly users: { id: number; email: string }[] = [];

  async create(dto: CreateUserDto) {
    if (!dto.password || dto.password.length < 10) {
      this.logger.warn(`weak password for ${dto.email}: ${dto.password}`); // expect: pii-to-log user.contact.email user.authorization.password
    }
    const user = { id: this.users.length + 1, email: dto.email };
    this.users.push(user);
    this.logger.log(`phone on file: ${dto.phoneNumber}`); // expect: pii-to-log user.contact.phone_number
    return user;
  }

  remove(id: number, email: string) {
    Logger.warn(`removing user ${email}`, UsersService.name); // expect: pii-to-log user.contact.email
    this.logger.error(`user ${id} removed`);
  }
}
