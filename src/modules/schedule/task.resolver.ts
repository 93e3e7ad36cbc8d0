import { Args, ID, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../common/context/ctx.decorator';
import type { RequestContext } from '../../common/context/request-context';
import { Transaction } from '../../common/context/transaction.interceptor';
import { DateScalar } from '../../common/scalars/date.scalar';
import { User } from '../people/entities/user.entity';
import { UserService } from '../people/user.service';
import { DependencyService } from './dependency.service';
import { AddTaskInput, UpdateTaskInput } from './dto/task.inputs';
import { Dependency } from './entities/dependency.entity';
import { Task } from './entities/task.entity';
import { ScheduleService, TaskDates } from './schedule.service';
import { TaskService } from './task.service';

@Resolver(() => Task)
export class TaskResolver {
  constructor(
    private readonly tasks: TaskService,
    private readonly links: DependencyService,
    private readonly schedules: ScheduleService,
    private readonly users: UserService,
  ) {}

  @Transaction()
  @Mutation(() => Task)
  addTask(@Ctx() ctx: RequestContext, @Args('input') input: AddTaskInput): Promise<Task> {
    return this.tasks.add(ctx, input);
  }

  @Transaction()
  @Mutation(() => Task)
  updateTask(@Ctx() ctx: RequestContext, @Args('input') input: UpdateTaskInput): Promise<Task> {
    return this.tasks.update(ctx, input);
  }

  @Transaction()
  @Mutation(() => Boolean, { description: 'Takes the task out of the plan with its links; baselines keep their record of it' })
  removeTask(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.tasks.remove(ctx, id);
  }

  @ResolveField('owner', () => User, { nullable: true })
  async owner(@Ctx() ctx: RequestContext, @Parent() task: Task): Promise<User | null> {
    return task.ownerId ? this.users.findById(ctx, task.ownerId) : null;
  }

  @ResolveField('start', () => DateScalar)
  async start(@Ctx() ctx: RequestContext, @Parent() task: Task): Promise<string> {
    return (await this.datesOf(ctx, task)).start;
  }

  @ResolveField('finish', () => DateScalar)
  async finish(@Ctx() ctx: RequestContext, @Parent() task: Task): Promise<string> {
    return (await this.datesOf(ctx, task)).finish;
  }

  @ResolveField('lateStart', () => DateScalar)
  async lateStart(@Ctx() ctx: RequestContext, @Parent() task: Task): Promise<string> {
    return (await this.datesOf(ctx, task)).lateStart;
  }

  @ResolveField('lateFinish', () => DateScalar)
  async lateFinish(@Ctx() ctx: RequestContext, @Parent() task: Task): Promise<string> {
    return (await this.datesOf(ctx, task)).lateFinish;
  }

  @ResolveField('totalFloatDays', () => Int)
  async totalFloatDays(@Ctx() ctx: RequestContext, @Parent() task: Task): Promise<number> {
    return (await this.datesOf(ctx, task)).totalFloatDays;
  }

  @ResolveField('critical', () => Boolean)
  async critical(@Ctx() ctx: RequestContext, @Parent() task: Task): Promise<boolean> {
    return (await this.datesOf(ctx, task)).critical;
  }

  @ResolveField('predecessors', () => [Dependency])
  predecessors(@Ctx() ctx: RequestContext, @Parent() task: Task): Promise<Dependency[]> {
    return this.links.predecessorsOf(ctx, task.id);
  }

  @ResolveField('successors', () => [Dependency])
  successors(@Ctx() ctx: RequestContext, @Parent() task: Task): Promise<Dependency[]> {
    return this.links.successorsOf(ctx, task.id);
  }

  private async datesOf(ctx: RequestContext, task: Task): Promise<TaskDates> {
    const schedule = await this.schedules.forProject(ctx, task.projectId);
    return schedule.dates.get(task.id)!;
  }
}
