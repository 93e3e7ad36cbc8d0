import { Field, InputType } from '@nestjs/graphql';
import { IsEmail, IsEnum, IsNotEmpty, MaxLength, MinLength } from 'class-validator';
import { Organization } from '../people.enums';

@InputType()
export class CreateUserInput {
  @Field()
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(320)
  email: string;

  @Field()
  @IsNotEmpty({ message: 'fullName must not be empty' })
  @MaxLength(200)
  fullName: string;

  @Field(() => Organization)
  @IsEnum(Organization)
  organization: Organization;

  @Field()
  @MinLength(8, { message: 'password must be at least 8 characters long' })
  @MaxLength(200)
  password: string;
}
