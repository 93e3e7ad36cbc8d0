import { Module } from '@nestjs/common';
import { AdminBootstrap } from './admin-bootstrap';
import { KeyUserResolver, ProjectKeyUsersResolver } from './key-user.resolver';
import { KeyUserService } from './key-user.service';
import { MembershipService } from './membership.service';
import { PeopleResolver } from './people.resolver';
import { UserLookupResolver } from './user-lookup.resolver';
import { UserService } from './user.service';

@Module({
  providers: [UserService, MembershipService, KeyUserService, PeopleResolver, KeyUserResolver, ProjectKeyUsersResolver, AdminBootstrap, UserLookupResolver],
  exports: [UserService, MembershipService, KeyUserService],
})
export class PeopleModule {}
