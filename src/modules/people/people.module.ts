import { Module } from '@nestjs/common';
import { AdminBootstrap } from './admin-bootstrap';
import { MembershipService } from './membership.service';
import { PeopleResolver } from './people.resolver';
import { UserService } from './user.service';

@Module({
  providers: [UserService, MembershipService, PeopleResolver, AdminBootstrap],
  exports: [UserService, MembershipService],
})
export class PeopleModule {}
