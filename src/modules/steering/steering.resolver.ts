import { Args, ID, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../common/context/ctx.decorator';
import type { RequestContext } from '../../common/context/request-context';
import { Transaction } from '../../common/context/transaction.interceptor';
import { User } from '../auth/entities/user.entity';
import { UserService } from '../people/user.service';
import { Project } from '../project/entities/project.entity';
import { DecisionLogService } from './decision-log.service';
import { DecisionLogEntry } from './dto/decision-log-entry.type';
import { AddDecisionInput, RecordMeetingInput } from './dto/steering.inputs';
import { MeetingDecision } from './entities/meeting-decision.entity';
import { SteeringMeeting } from './entities/steering-meeting.entity';
import { DecisionStatus } from './steering.enums';
import { SteeringService } from './steering.service';

@Resolver(() => SteeringMeeting)
export class SteeringMeetingResolver {
  constructor(private readonly steering: SteeringService) {}

  @Transaction()
  @Mutation(() => SteeringMeeting, { description: 'The project manager records a meeting; the steering committee also its steering meetings' })
  recordMeeting(@Ctx() ctx: RequestContext, @Args('input') input: RecordMeetingInput): Promise<SteeringMeeting> {
    return this.steering.recordMeeting(ctx, input);
  }

  @ResolveField('attendees', () => [User], { description: 'By name' })
  attendees(@Ctx() ctx: RequestContext, @Parent() meeting: SteeringMeeting): Promise<User[]> {
    return this.steering.attendees(ctx, meeting.id);
  }

  @ResolveField('decisions', () => [MeetingDecision], { description: 'In the order they were taken' })
  decisions(@Ctx() ctx: RequestContext, @Parent() meeting: SteeringMeeting): Promise<MeetingDecision[]> {
    return this.steering.decisions(ctx, meeting.id);
  }
}

@Resolver(() => MeetingDecision)
export class DecisionResolver {
  constructor(
    private readonly steering: SteeringService,
    private readonly users: UserService,
  ) {}

  @Transaction()
  @Mutation(() => MeetingDecision, { description: 'Whoever may record the meeting adds a decision taken at it' })
  addMeetingDecision(@Ctx() ctx: RequestContext, @Args('input') input: AddDecisionInput): Promise<MeetingDecision> {
    return this.steering.addDecision(ctx, input);
  }

  @Transaction()
  @Mutation(() => MeetingDecision, { description: 'The project manager, the decision’s owner, or for a steering meeting the steering committee' })
  updateDecision(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int }) version: number,
    @Args('status', { type: () => DecisionStatus }) status: DecisionStatus,
  ): Promise<MeetingDecision> {
    return this.steering.updateDecision(ctx, id, version, status);
  }

  @ResolveField('owner', () => User, { nullable: true })
  async owner(@Ctx() ctx: RequestContext, @Parent() decision: MeetingDecision): Promise<User | null> {
    return decision.ownerId ? this.users.findById(ctx, decision.ownerId) : null;
  }

  @ResolveField('meeting', () => SteeringMeeting, { nullable: true })
  meeting(@Ctx() ctx: RequestContext, @Parent() decision: MeetingDecision): Promise<SteeringMeeting> {
    return this.steering.meeting(ctx, decision.meetingId);
  }
}

@Resolver(() => DecisionLogEntry)
export class DecisionLogEntryResolver {
  constructor(private readonly users: UserService) {}

  @ResolveField('decidedBy', () => User, { nullable: true, description: 'Null for a meeting’s decision: the meeting decided' })
  async decidedBy(@Ctx() ctx: RequestContext, @Parent() entry: DecisionLogEntry): Promise<User | null> {
    return entry.decidedById ? this.users.findById(ctx, entry.decidedById) : null;
  }
}

@Resolver(() => Project)
export class ProjectSteeringResolver {
  constructor(
    private readonly steering: SteeringService,
    private readonly log: DecisionLogService,
  ) {}

  @ResolveField('meetings', () => [SteeringMeeting], { description: 'Newest first' })
  meetings(@Ctx() ctx: RequestContext, @Parent() project: Project): Promise<SteeringMeeting[]> {
    return this.steering.meetings(ctx, project.id);
  }

  @ResolveField('decisionLog', () => [DecisionLogEntry], { description: 'Every decision of the project, oldest first; read-only, built from the records that hold them' })
  decisionLog(@Ctx() ctx: RequestContext, @Parent() project: Project): Promise<DecisionLogEntry[]> {
    return this.log.forProject(ctx, project.id);
  }
}
