import { Args, ID, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { In } from 'typeorm';
import { Ctx } from '../../common/context/ctx.decorator';
import type { RequestContext } from '../../common/context/request-context';
import { Transaction } from '../../common/context/transaction.interceptor';
import { byIdLoader } from '../../common/dataloaders/request-loaders';
import { MaxItems } from '../../common/validation/bounded-args';
import { INPUT_LIMITS } from '../../common/validation/input-limits';
import { Milestone } from '../plan/entities/milestone.entity';
import { User } from '../auth/entities/user.entity';
import { UserService } from '../people/user.service';
import { FunctionArea } from '../project/entities/function-area.entity';
import { Territory } from '../project/entities/territory.entity';
import { RescheduleTrainingInput, ScheduleTrainingInput } from './dto/training.inputs';
import { TrainingAttendance } from './entities/training-attendance.entity';
import { TrainingSession } from './entities/training-session.entity';
import { AttendanceStatus } from './training.enums';
import { TrainingService } from './training.service';

@Resolver(() => TrainingSession)
export class TrainingResolver {
  constructor(
    private readonly training: TrainingService,
    private readonly users: UserService,
  ) {}

  @Transaction()
  @Mutation(() => TrainingSession)
  scheduleTraining(@Ctx() ctx: RequestContext, @Args('input') input: ScheduleTrainingInput): Promise<TrainingSession> {
    return this.training.schedule(ctx, input);
  }

  @Transaction()
  @Mutation(() => TrainingSession)
  rescheduleTraining(@Ctx() ctx: RequestContext, @Args('input') input: RescheduleTrainingInput): Promise<TrainingSession> {
    return this.training.reschedule(ctx, input);
  }

  @Transaction()
  @Mutation(() => TrainingSession, { description: 'The session stays in the feed as CANCELLED and blocks no one' })
  cancelTraining(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int }) version: number,
  ): Promise<TrainingSession> {
    return this.training.cancel(ctx, id, version);
  }

  @Transaction()
  @Mutation(() => TrainingSession)
  inviteToTraining(
    @Ctx() ctx: RequestContext,
    @Args('sessionId', { type: () => ID }) sessionId: string,
    @Args('userIds', { type: () => [ID] }, MaxItems('userIds', INPUT_LIMITS.maxListItems)) userIds: string[],
  ): Promise<TrainingSession> {
    return this.training.invite(ctx, sessionId, userIds);
  }

  @Transaction()
  @Mutation(() => TrainingSession)
  uninviteFromTraining(
    @Ctx() ctx: RequestContext,
    @Args('sessionId', { type: () => ID }) sessionId: string,
    @Args('userId', { type: () => ID }) userId: string,
  ): Promise<TrainingSession> {
    return this.training.uninvite(ctx, sessionId, userId);
  }

  @Transaction()
  @Mutation(() => TrainingAttendance, { description: 'By the session’s trainer or the project manager' })
  recordAttendance(
    @Ctx() ctx: RequestContext,
    @Args('sessionId', { type: () => ID }) sessionId: string,
    @Args('userId', { type: () => ID }) userId: string,
    @Args('status', { type: () => AttendanceStatus }) status: AttendanceStatus,
  ): Promise<TrainingAttendance> {
    return this.training.recordAttendance(ctx, sessionId, userId, status);
  }

  @ResolveField('trainer', () => User)
  trainer(@Ctx() ctx: RequestContext, @Parent() session: TrainingSession): Promise<User> {
    return this.users.getById(ctx, session.trainerId);
  }

  @ResolveField('attendance', () => [TrainingAttendance])
  attendance(@Ctx() ctx: RequestContext, @Parent() session: TrainingSession): Promise<TrainingAttendance[]> {
    return this.training.attendance(ctx, session.id);
  }

  @ResolveField('functionArea', () => FunctionArea, { nullable: true })
  async functionArea(@Ctx() ctx: RequestContext, @Parent() session: TrainingSession): Promise<FunctionArea | null> {
    if (!session.functionAreaId) return null;
    return (await byIdLoader(ctx, 'functionAreas', (ids) => ctx.manager.findBy(FunctionArea, { id: In([...ids]) }), (a) => a.id).load(session.functionAreaId)) ?? null;
  }

  @ResolveField('territory', () => Territory, { nullable: true })
  async territory(@Ctx() ctx: RequestContext, @Parent() session: TrainingSession): Promise<Territory | null> {
    if (!session.territoryId) return null;
    return (await byIdLoader(ctx, 'territories', (ids) => ctx.manager.findBy(Territory, { id: In([...ids]) }), (t) => t.id).load(session.territoryId)) ?? null;
  }

  @ResolveField('milestone', () => Milestone, { nullable: true })
  async milestone(@Ctx() ctx: RequestContext, @Parent() session: TrainingSession): Promise<Milestone | null> {
    if (!session.milestoneId) return null;
    return (await byIdLoader(ctx, 'milestones', (ids) => ctx.manager.findBy(Milestone, { id: In([...ids]) }), (m) => m.id).load(session.milestoneId)) ?? null;
  }
}

@Resolver(() => TrainingAttendance)
export class AttendanceResolver {
  constructor(private readonly users: UserService) {}

  @ResolveField('user', () => User)
  user(@Ctx() ctx: RequestContext, @Parent() attendance: TrainingAttendance): Promise<User> {
    return this.users.getById(ctx, attendance.userId);
  }
}
