import { Field, InputType } from '@nestjs/graphql';
import { IsEmail, IsEnum, MaxLength, MinLength } from 'class-validator';
import { IsNotBlank } from '../../../common/validation/is-not-blank';
import { INPUT_LIMITS } from '../../../common/validation/input-limits';
import { Organization } from '../../auth/auth.enums';

@InputType()
export class CreateUserInput {
  @Field()
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(320)
  email: string;

  @Field()
  @IsNotBlank('fullName')
  @MaxLength(INPUT_LIMITS.maxNameLength)
  fullName: string;

  @Field(() => Organization)
  @IsEnum(Organization)
  organization: Organization;

  @Field()
  @MinLength(INPUT_LIMITS.minPasswordLength, { message: `password must be at least ${INPUT_LIMITS.minPasswordLength} characters long` })
  @MaxLength(INPUT_LIMITS.maxPasswordLength)
  password: string;
}
