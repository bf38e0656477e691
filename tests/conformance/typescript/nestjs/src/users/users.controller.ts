import { Body, Controller, Logger, Post } from '@nestjs/common';
import { CreateUserDto } from './create-user.dto';
import { UsersService } from './users.service';

@Controller('users')
export class UsersController {
  private readonly logger = new Logger(UsersController.name);

  constructor(private readonly usersService: UsersService) {}

  @Post()
  async create(@Body() dto: CreateUserDto) {
    this.logger.log(`Creating user ${dto.email}`); // expect: pii-to-log user.contact.email
    this.logger.debug(`payload with ${Object.keys(dto).length} fields`);
    const user = await this.usersService.create(dto);
    this.logger.verbose('user created');
    return { id: user.id };
  }
}
