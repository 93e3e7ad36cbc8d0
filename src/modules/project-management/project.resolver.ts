import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../common/context/ctx.decorator';
import type { RequestContext } from '../../common/context/request-context';
import { Transaction } from '../../common/context/transaction.interceptor';
import { DateScalar } from '../../common/scalars/date.scalar';
import { MaxChars, ValidateAs } from '../../common/validation/bounded-args';
import { INPUT_LIMITS } from '../../common/validation/input-limits';
import { CalendarService } from '../calendar/calendar.service';
import { WorkCalendarType } from '../calendar/dto/work-calendar.type';
import { Membership } from '../auth/entities/membership.entity';
import { MembershipService } from '../people/membership.service';
import { CreateProjectInput } from './dto/create-project.input';
import { UpdateProjectInput } from './dto/update-project.input';
import { SetTolerancesInput } from './dto/set-tolerances.input';
import { ProjectConnection, ProjectFilter } from './dto/project-connection.type';
import { FunctionArea } from '../project/entities/function-area.entity';
import { Project } from '../project/entities/project.entity';
import { Territory } from '../project/entities/territory.entity';
import { ProjectService } from './project.service';

@Resolver(() => Project)
export class ProjectResolver {
  constructor(
    private readonly projectService: ProjectService,
    private readonly memberships: MembershipService,
    private readonly calendars: CalendarService,
  ) {}

  @Query(() => Project, { nullable: true })
  project(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<Project> {
    return this.projectService.getReadable(ctx, id);
  }

  @Query(() => ProjectConnection)
  projects(
    @Ctx() ctx: RequestContext,
    @Args('filter', { type: () => ProjectFilter, nullable: true }, ValidateAs(ProjectFilter)) filter: ProjectFilter | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number | null,
    @Args('after', { type: () => String, nullable: true }, MaxChars('after', INPUT_LIMITS.maxNameLength)) after: string | null,
  ): Promise<ProjectConnection> {
    return this.projectService.list(ctx, filter, first ?? 50, after);
  }

  @Transaction()
  @Mutation(() => Project)
  createProject(@Ctx() ctx: RequestContext, @Args('input') input: CreateProjectInput): Promise<Project> {
    return this.projectService.create(ctx, input);
  }

  @Transaction()
  @Mutation(() => Project, { description: 'Name, client, system, start date (while PLANNING) and calendar; the plan is re-planned on read' })
  updateProject(@Ctx() ctx: RequestContext, @Args('input') input: UpdateProjectInput): Promise<Project> {
    return this.projectService.update(ctx, input);
  }

  @Transaction()
  @Mutation(() => Project, { description: 'The steering committee sets the PRINCE2 tolerances: time, budget with currency, cost' })
  setTolerances(@Ctx() ctx: RequestContext, @Args('input') input: SetTolerancesInput): Promise<Project> {
    return this.projectService.setTolerances(ctx, input);
  }

  @Transaction()
  @Mutation(() => Project, { description: 'Progress is read as of this date (REPORTING.md); null: back to the plan alone' })
  setStatusDate(
    @Ctx() ctx: RequestContext,
    @Args('projectId', { type: () => ID }) projectId: string,
    @Args('statusDate', { type: () => DateScalar, nullable: true }) statusDate: string | null,
  ): Promise<Project> {
    return this.projectService.setStatusDate(ctx, projectId, statusDate ?? null);
  }

  @Transaction()
  @Mutation(() => Boolean, { description: 'Refused while milestones, key-user assignments or training sessions use it' })
  removeFunctionArea(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.projectService.removeFunctionArea(ctx, id);
  }

  @Transaction()
  @Mutation(() => Boolean, { description: 'Refused while milestones, key-user assignments or training sessions use it' })
  removeTerritory(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.projectService.removeTerritory(ctx, id);
  }

  @Transaction()
  @Mutation(() => FunctionArea)
  addFunctionArea(
    @Ctx() ctx: RequestContext,
    @Args('projectId', { type: () => ID }) projectId: string,
    @Args('name') name: string,
  ): Promise<FunctionArea> {
    return this.projectService.addFunctionArea(ctx, projectId, name);
  }

  @Transaction()
  @Mutation(() => Territory)
  addTerritory(
    @Ctx() ctx: RequestContext,
    @Args('projectId', { type: () => ID }) projectId: string,
    @Args('name') name: string,
    @Args('calendarCode', { type: () => String, nullable: true }, MaxChars('calendarCode', INPUT_LIMITS.maxNameLength)) calendarCode: string | null,
  ): Promise<Territory> {
    return this.projectService.addTerritory(ctx, projectId, name, calendarCode);
  }

  @ResolveField('calendar', () => WorkCalendarType)
  calendar(@Parent() project: Project): WorkCalendarType {
    return this.calendars.describe(project.calendarCode);
  }

  @ResolveField('functionAreas', () => [FunctionArea])
  functionAreas(@Ctx() ctx: RequestContext, @Parent() project: Project): Promise<FunctionArea[]> {
    return this.projectService.functionAreas(ctx, project.id);
  }

  @ResolveField('territories', () => [Territory])
  territories(@Ctx() ctx: RequestContext, @Parent() project: Project): Promise<Territory[]> {
    return this.projectService.territories(ctx, project.id);
  }

  @ResolveField('members', () => [Membership])
  members(@Ctx() ctx: RequestContext, @Parent() project: Project): Promise<Membership[]> {
    return this.memberships.byProject(ctx, project.id);
  }
}

@Resolver(() => Territory)
export class TerritoryResolver {
  constructor(
    private readonly projects: ProjectService,
    private readonly calendars: CalendarService,
  ) {}

  /** A territory without its own calendar works to the project's. */
  @ResolveField('calendar', () => WorkCalendarType)
  async calendar(@Ctx() ctx: RequestContext, @Parent() territory: Territory): Promise<WorkCalendarType> {
    const code = territory.calendarCode ?? (await this.projects.loader(ctx).load(territory.projectId))!.calendarCode;
    return this.calendars.describe(code);
  }
}
