import { Field, ObjectType } from '@nestjs/graphql';
import { User } from '../entities/user.entity';

@ObjectType('AuthPayload')
export class AuthPayload {
  @Field()
  token: string;

  @Field(() => User)
  user: User;
}
