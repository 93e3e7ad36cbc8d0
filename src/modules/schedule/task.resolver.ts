import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../common/context/ctx.decorator';
import type { RequestContext } from '../../common/context/request-context';
import { Transaction } from '../../common/context/transaction.interceptor';
import { User } from '../auth/entities/user.entity';
import { UserService } from '../people/user.service';
import { DependencyService } from './dependency.service';
import { AddTaskInput, UpdateTaskInput } from './dto/task.inputs';
import { Dependency } from './entities/dependency.entity';
import { Task } from './entities/task.entity';
import { ScheduleService } from './schedule.service';
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
  async addTask(@Ctx() ctx: RequestContext, @Args('input') input: AddTaskInput): Promise<Task> {
    return this.schedules.withDates(ctx, await this.tasks.add(ctx, input));
  }

  @Transaction()
  @Mutation(() => Task)
  async updateTask(@Ctx() ctx: RequestContext, @Args('input') input: UpdateTaskInput): Promise<Task> {
    return this.schedules.withDates(ctx, await this.tasks.update(ctx, input));
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

  @ResolveField('predecessors', () => [Dependency])
  predecessors(@Ctx() ctx: RequestContext, @Parent() task: Task): Promise<Dependency[]> {
    return this.links.predecessorsOf(ctx, task.id);
  }

  @ResolveField('successors', () => [Dependency])
  successors(@Ctx() ctx: RequestContext, @Parent() task: Task): Promise<Dependency[]> {
    return this.links.successorsOf(ctx, task.id);
  }
}
