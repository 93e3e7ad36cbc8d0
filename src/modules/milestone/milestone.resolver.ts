import { Args, ID, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { In } from 'typeorm';
import { Ctx } from '../../common/context/ctx.decorator';
import type { RequestContext } from '../../common/context/request-context';
import { Transaction } from '../../common/context/transaction.interceptor';
import { byIdLoader } from '../../common/dataloaders/request-loaders';
import { DateScalar } from '../../common/scalars/date.scalar';
import { FunctionArea } from '../project/entities/function-area.entity';
import { Territory } from '../project/entities/territory.entity';
import { Task } from '../schedule/entities/task.entity';
import { BaselineService } from '../schedule/baseline.service';
import { varianceDays } from '../schedule/engine/rollups';
import { MilestonePhase } from '../schedule/schedule.enums';
import { ScheduleService } from '../schedule/schedule.service';
import { TaskService } from '../schedule/task.service';
import { AddMilestoneInput, UpdateMilestoneInput } from './dto/milestone.inputs';
import { Milestone } from '../plan/entities/milestone.entity';
import { MilestoneService } from './milestone.service';

@Resolver(() => Milestone)
export class MilestoneResolver {
  constructor(
    private readonly milestones: MilestoneService,
    private readonly tasks: TaskService,
    private readonly baselines: BaselineService,
    private readonly schedules: ScheduleService,
  ) {}

  @Transaction()
  @Mutation(() => Milestone)
  addMilestone(@Ctx() ctx: RequestContext, @Args('input') input: AddMilestoneInput): Promise<Milestone> {
    return this.milestones.add(ctx, input);
  }

  @Transaction()
  @Mutation(() => Milestone)
  updateMilestone(@Ctx() ctx: RequestContext, @Args('input') input: UpdateMilestoneInput): Promise<Milestone> {
    return this.milestones.update(ctx, input);
  }

  @Transaction()
  @Mutation(() => Boolean, { description: 'With its own tasks and undecided criteria; refused while anything about it is on record' })
  removeMilestone(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.milestones.remove(ctx, id);
  }

  @ResolveField('functionArea', () => FunctionArea, { nullable: true })
  async functionArea(@Ctx() ctx: RequestContext, @Parent() milestone: Milestone): Promise<FunctionArea | null> {
    if (!milestone.functionAreaId) return null;
    const loader = byIdLoader(ctx, 'functionAreas', (ids) => ctx.manager.findBy(FunctionArea, { id: In([...ids]) }), (a) => a.id);
    return (await loader.load(milestone.functionAreaId)) ?? null;
  }

  @ResolveField('territory', () => Territory, { nullable: true })
  async territory(@Ctx() ctx: RequestContext, @Parent() milestone: Milestone): Promise<Territory | null> {
    if (!milestone.territoryId) return null;
    const loader = byIdLoader(ctx, 'territories', (ids) => ctx.manager.findBy(Territory, { id: In([...ids]) }), (t) => t.id);
    return (await loader.load(milestone.territoryId)) ?? null;
  }

  @ResolveField('hypercareDays', () => Int, { description: "Working days of hypercare after go-live: the duration of the milestone's hypercare task" })
  hypercareDays(@Ctx() ctx: RequestContext, @Parent() milestone: Milestone): Promise<number> {
    return this.milestones.phaseDays(ctx, milestone, MilestonePhase.HYPERCARE);
  }

  @ResolveField('plannedStart', () => DateScalar, { nullable: true })
  async plannedStart(@Ctx() ctx: RequestContext, @Parent() milestone: Milestone): Promise<string | null> {
    return (await this.milestones.plannedWindow(ctx, milestone))?.start ?? null;
  }

  @ResolveField('plannedGoLive', () => DateScalar, { nullable: true })
  async plannedGoLive(@Ctx() ctx: RequestContext, @Parent() milestone: Milestone): Promise<string | null> {
    return (await this.milestones.plannedWindow(ctx, milestone))?.goLive ?? null;
  }

  @ResolveField('baselineGoLive', () => DateScalar, { nullable: true, description: 'Go-live in the latest baseline' })
  baselineGoLive(@Ctx() ctx: RequestContext, @Parent() milestone: Milestone): Promise<string | null> {
    return this.baselines.milestoneGoLive(ctx, milestone);
  }

  @ResolveField('varianceDays', () => Int, {
    nullable: true,
    description: "Planned go-live minus the latest baseline's, in working days of the milestone's calendar (positive = later)",
  })
  async varianceDays(@Ctx() ctx: RequestContext, @Parent() milestone: Milestone): Promise<number | null> {
    const [baseline, planned, schedule] = await Promise.all([
      this.baselines.milestoneGoLive(ctx, milestone),
      this.milestones.plannedWindow(ctx, milestone),
      this.schedules.forProject(ctx, milestone.projectId),
    ]);
    if (!baseline || !planned) return null;
    return varianceDays(schedule.milestoneCalendars.get(milestone.id) ?? schedule.projectCalendar, baseline, planned.goLive);
  }

  @ResolveField('tasks', () => [Task])
  async tasks_(@Ctx() ctx: RequestContext, @Parent() milestone: Milestone): Promise<Task[]> {
    return (await this.tasks.byMilestone(ctx, milestone.id)).map((task) => this.schedules.withDates(ctx, task));
  }
}
