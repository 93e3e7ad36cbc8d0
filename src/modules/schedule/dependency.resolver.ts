import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../common/context/ctx.decorator';
import type { RequestContext } from '../../common/context/request-context';
import { Transaction } from '../../common/context/transaction.interceptor';
import { DependencyService } from './dependency.service';
import { AddDependencyInput, UpdateDependencyInput } from './dto/task.inputs';
import { Dependency } from './entities/dependency.entity';
import { Task } from './entities/task.entity';
import { ScheduleService } from './schedule.service';
import { TaskService } from './task.service';

@Resolver(() => Dependency)
export class DependencyResolver {
  constructor(
    private readonly links: DependencyService,
    private readonly tasks: TaskService,
    private readonly schedules: ScheduleService,
  ) {}

  @Transaction()
  @Mutation(() => Dependency)
  addDependency(@Ctx() ctx: RequestContext, @Args('input') input: AddDependencyInput): Promise<Dependency> {
    return this.links.add(ctx, input);
  }

  @Transaction()
  @Mutation(() => Dependency, { description: "Changes a link's type or lag; the tasks it joins stay" })
  updateDependency(@Ctx() ctx: RequestContext, @Args('input') input: UpdateDependencyInput): Promise<Dependency> {
    return this.links.update(ctx, input);
  }

  @Transaction()
  @Mutation(() => Boolean)
  removeDependency(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.links.remove(ctx, id);
  }

  @ResolveField('predecessor', () => Task)
  async predecessor(@Ctx() ctx: RequestContext, @Parent() link: Dependency): Promise<Task> {
    return this.schedules.withDates(ctx, (await this.tasks.loader(ctx).load(link.predecessorId))!);
  }

  @ResolveField('successor', () => Task)
  async successor(@Ctx() ctx: RequestContext, @Parent() link: Dependency): Promise<Task> {
    return this.schedules.withDates(ctx, (await this.tasks.loader(ctx).load(link.successorId))!);
  }
}
