@Controller('users')
export class UsersController {
  private readonly logger = new Logger(UsersController.name);
  static count = 0;
  cardNumber: string;
  constructor(private readonly users: UsersService, plain: string) {
    this.phone = plain;
  }

  @Get(':id')
  @UseGuards(AuthGuard)
  async find(@Param('id') id: string): Promise<User> {
    const user = await this.users.findOne(id);
    this.logger.log(`found ${user.email}`);
    return user;
  }

  @nest.Post()
  create(@Body() dto: CreateUserDto) {
    this.lastEmail = dto.email;
    return this.save(dto);
  }

  handle = (req: Request) => this.find(req.params.id);

  get label(): string {
    return this.phone;
  }

  static {
    UsersController.count = 1;
  }
}

abstract class Base<T> {
  abstract run(x: T): void;
  helper() {
    class Local {
      m() {
        return this;
      }
    }
    return function () {
      return this;
    };
  }
}
