export class CreateUserDto {
  email!: string;
  password!: string;
  phoneNumber?: string;
  displayName!: string;
}
