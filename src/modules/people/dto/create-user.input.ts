import { Field, InputType } from '@nestjs/graphql';
import { IsEmail, IsEnum, MaxLength, MinLength } from 'class-validator';
import { IsNotBlank } from '../../../common/validation/is-not-blank';
import { Organization } from '../people.enums';

@InputType()
export class CreateUserInput {
  @Field()
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(320)
  email: string;

  @Field()
  @IsNotBlank('fullName')
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
