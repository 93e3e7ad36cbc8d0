import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { Brackets, In } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../common/config/app-config';
import type { RequestContext } from '../../common/context/request-context';
import { byParentLoader } from '../../common/dataloaders/request-loaders';
import { advisoryXactLock } from '../../common/database/advisory-lock';
import { findByIdOrFail, isUuid, lockRow } from '../../common/database/find-by-id';
import { badInput, DomainError, notFound, staleVersion } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-codes';
import { AccessService } from '../auth/access.service';
import { CalendarService } from '../calendar/calendar.service';
import { MethodologyService } from '../methodology/methodology.service';
import { Membership } from '../auth/entities/membership.entity';
import { MembershipService } from '../people/membership.service';
import { CreateProjectInput, PROJECT_CODE_PATTERN } from './dto/create-project.input';
import { ProjectConnection, ProjectFilter } from './dto/project-connection.type';
import { FunctionArea } from '../project/entities/function-area.entity';
import { Project } from '../project/entities/project.entity';
import { Territory } from '../project/entities/territory.entity';
import { ScheduleService } from '../schedule/schedule.service';
import { TemplateInstantiator } from './template-instantiator';
import { UpdateProjectInput } from './dto/update-project.input';
import { ProjectStatus } from '../project/project.enums';
import { projectLoader } from '../project/project-rows';
import { SetTolerancesInput } from './dto/set-tolerances.input';
import {
  DEFAULT_TOLERANCES, MAX_COST_TOLERANCE_PERCENT, MAX_TIME_TOLERANCE_DAYS, normaliseBudget, normaliseCurrency, requireToleranceWithin,
} from '../project/tolerances';

const DEFAULT_TIME_TOLERANCE_DAYS = DEFAULT_TOLERANCES.timeToleranceDays;

/** 192 random bits, URL-safe. */
export const newFeedToken = (): string => randomBytes(24).toString('base64url');
const MAX_PAGE_SIZE = 200;

const encodeCursor = (code: string): string => Buffer.from(code, 'utf8').toString('base64url');
/** The project code a cursor stands for; anything that is not one of our cursors is refused. */
const decodeCursor = (cursor: string): string => {
  const code = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!PROJECT_CODE_PATTERN.test(code) || encodeCursor(code) !== cursor) {
    throw badInput('after must be an endCursor or edge cursor returned by projects', 'after');
  }
  return code;
};

@Injectable()
export class ProjectService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: AccessService,
    private readonly calendars: CalendarService,
    private readonly methodologies: MethodologyService,
    private readonly memberships: MembershipService,
    private readonly instantiator: TemplateInstantiator,
    private readonly schedules: ScheduleService,
  ) {}

  /**
   * Corrects the project's settings. The schedule is computed on read, so a new start date or
   * calendar re-plans every task at once (and must still schedule). The row is locked as plan
   * edits lock it. The start date moves only while PLANNING; a closed project is final.
   */
  async update(ctx: RequestContext, input: UpdateProjectInput): Promise<Project> {
    await findByIdOrFail(ctx, Project, input.id, 'Project');
    const project = await findByIdOrFail(ctx, Project, input.id, 'Project', { lock: true });
    if (project.version !== input.version) throw staleVersion('Project', project.id, input.version, project.version);
    if (project.status === ProjectStatus.CLOSED) throw badInput(`Project ${project.code} is closed; a closed project is final`, 'id');
    const committedCalendar = project.calendarCode;
    if (input.name != null) project.name = input.name.trim();
    if (input.clientName != null) project.clientName = input.clientName.trim();
    if (input.systemName !== undefined) project.systemName = input.systemName?.trim() || null;
    if (input.startDate != null && input.startDate !== project.startDate) {
      if (project.status !== ProjectStatus.PLANNING) {
        throw badInput(`Project ${project.code} is ${project.status}: its start date is history once a stage has started; move tasks with startNoEarlierThan instead`, 'startDate');
      }
      if (project.statusDate !== null && input.startDate > project.statusDate) {
        throw badInput(`The start date ${input.startDate} is after the project's status date (${project.statusDate}); move the status date first (setStatusDate)`, 'startDate');
      }
      project.startDate = input.startDate;
    }
    if (input.calendarCode != null) project.calendarCode = this.calendars.require(input.calendarCode).code;
    const calendarChanged = project.calendarCode !== committedCalendar;
    // The committed plan, read (or found cached) before this edit writes; a new calendar needs the
    // territories' own calendars, which the plan does not keep: then the plan is loaded again.
    const plan = calendarChanged ? null : await this.schedules.committedPlan(ctx, project.id);
    const saved = await ctx.manager.save(project);
    ctx.forget('loader:projects');
    if (plan) await this.schedules.keepAfterCommit(ctx, project.id, this.schedules.assertSchedulableWith(plan, { project: saved }));
    else await this.schedules.assertSchedulable(ctx, project.id);
    return saved;
  }

  /**
   * The steering committee's PRINCE2 tolerances (the guard admits the committee only). Every value
   * is checked before anything is written; a field left out keeps its value, `budget: null`
   * removes the budget. The project row is locked and, when the caller sends the version it read,
   * a stale one is refused.
   */
  /**
   * The status date progress is read as of (REPORTING.md, MS Project's status date); null reads
   * the plan alone. The contract takes no version: the project row is locked, and the last caller
   * wins. A date before the project's start is refused (nothing can have happened by then); a
   * date after today is allowed, as in MS Project (a forecast as of the end of this week).
   * The database bumps plan_version with it, so cached schedules are not reused.
   */
  async setStatusDate(ctx: RequestContext, projectId: string, statusDate: string | null): Promise<Project> {
    await findByIdOrFail(ctx, Project, projectId, 'Project');
    const project = await findByIdOrFail(ctx, Project, projectId, 'Project', { lock: true });
    if (project.status === ProjectStatus.CLOSED) throw badInput(`Project ${project.code} is closed; a closed project is final`, 'projectId');
    if (statusDate !== null && statusDate < project.startDate) {
      throw badInput(`The status date ${statusDate} is before the project's start (${project.startDate}); choose a date from the start on`, 'statusDate');
    }
    project.statusDate = statusDate;
    const saved = await ctx.manager.save(project);
    ctx.forget('loader:projects');
    this.schedules.invalidate(ctx, project.id);
    return saved;
  }

  async setTolerances(ctx: RequestContext, input: SetTolerancesInput): Promise<Project> {
    await findByIdOrFail(ctx, Project, input.projectId, 'Project');
    const project = await findByIdOrFail(ctx, Project, input.projectId, 'Project', { lock: true });
    if (input.version != null && project.version !== input.version) throw staleVersion('Project', project.id, input.version, project.version);
    if (project.status === ProjectStatus.CLOSED) throw badInput(`Project ${project.code} is closed; its tolerances are part of its record`, 'projectId');
    const changes: Partial<Project> = {};
    if (input.timeToleranceDays != null) changes.timeToleranceDays = requireToleranceWithin(input.timeToleranceDays, MAX_TIME_TOLERANCE_DAYS, 'timeToleranceDays', 'working days');
    if (input.costTolerancePercent != null) changes.costTolerancePercent = requireToleranceWithin(input.costTolerancePercent, MAX_COST_TOLERANCE_PERCENT, 'costTolerancePercent', 'percent');
    if (input.budget !== undefined) changes.budget = input.budget === null ? null : normaliseBudget(input.budget);
    if (input.currency != null) changes.currency = normaliseCurrency(input.currency);
    Object.assign(project, changes);
    const saved = await ctx.manager.save(project);
    ctx.forget('loader:projects');
    return saved;
  }

  async create(ctx: RequestContext, input: CreateProjectInput): Promise<Project> {
    const user = this.access.requireUser(ctx);
    const template = this.methodologies.require(input.templateKey);
    const calendarCode = input.calendarCode ?? template.calendarCode ?? this.config.defaultCalendarCode;
    this.calendars.require(calendarCode);
    const code = input.code.trim();
    // Codes are unique regardless of case, which the database's unique index is not: creations
    // of one code in any case wait for each other (until the transaction ends) before checking.
    await advisoryXactLock(ctx.manager, `project-code:${code.toLowerCase()}`);
    const taken = await ctx.manager
      .createQueryBuilder(Project, 'p')
      .where('lower(p.code) = lower(:code)', { code })
      .getExists();
    if (taken) throw new DomainError(ErrorCode.DUPLICATE, `Project code ${code} is already taken`, { field: 'code' });

    const project = await ctx.manager.save(
      ctx.manager.create(Project, {
        code,
        name: input.name.trim(),
        clientName: input.clientName.trim(),
        systemName: input.systemName?.trim() || null,
        startDate: input.startDate,
        templateKey: template.key,
        calendarCode,
        timeToleranceDays: input.timeToleranceDays ?? DEFAULT_TIME_TOLERANCE_DAYS,
        calendarFeedToken: newFeedToken(),
      }),
    );
    await this.memberships.addCreator(ctx, project.id, user.id);
    await this.instantiator.instantiate(ctx, project.id, template);
    ctx.forget(`roles:${project.id}`);
    return project;
  }

  /** Refuses with NOT_FOUND both a missing project and one the user is not a member of. */
  async getReadable(ctx: RequestContext, id: string): Promise<Project> {
    if (!isUuid(id)) throw notFound('Project', id);
    const project = await this.loader(ctx).load(id);
    if (!project) throw notFound('Project', id);
    await this.access.assertCan(ctx, id, 'read');
    return project;
  }

  /** The project a change is made to (the guard checked the caller's right to make it). */
  getForChange(ctx: RequestContext, id: string): Promise<Project> {
    return findByIdOrFail(ctx, Project, id, 'Project');
  }

  loader(ctx: RequestContext) {
    return projectLoader(ctx);
  }

  async list(ctx: RequestContext, filter: ProjectFilter | null | undefined, first: number, after?: string | null): Promise<ProjectConnection> {
    const user = this.access.requireUser(ctx);
    if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
      throw badInput(`first must be between 0 and ${MAX_PAGE_SIZE}`, 'first');
    }
    const query = ctx.manager.createQueryBuilder(Project, 'p');
    if (!user.isAdmin) {
      query.where((qb) => {
        const members = qb.subQuery().select('1').from(Membership, 'm')
          .where('m.project_id = p.id').andWhere('m.user_id = :userId').getQuery();
        return `EXISTS ${members}`;
      }).setParameter('userId', user.id);
    }
    if (filter?.status) query.andWhere('p.status = :status', { status: filter.status });
    const search = filter?.search?.trim();
    if (search) {
      const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query.andWhere(new Brackets((qb) =>
        qb.where('p.code ILIKE :pattern', { pattern })
          .orWhere('p.name ILIKE :pattern', { pattern })
          .orWhere('p.client_name ILIKE :pattern', { pattern })));
    }
    const totalCount = await query.getCount();
    if (after) query.andWhere('p.code > :after', { after: decodeCursor(after) });
    const rows = await query.orderBy('p.code', 'ASC').take(first + 1).getMany();
    const page = rows.slice(0, first);
    const edges = page.map((node) => ({ cursor: encodeCursor(node.code), node }));
    return {
      edges,
      totalCount,
      pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
    };
  }

  async addFunctionArea(ctx: RequestContext, projectId: string, name: string): Promise<FunctionArea> {
    await this.getForChange(ctx, projectId);
    const trimmed = this.requireName(name);
    if (await ctx.manager.exists(FunctionArea, { where: { projectId, name: trimmed } })) {
      throw new DomainError(ErrorCode.DUPLICATE, `The project already has a function area "${trimmed}"`, { field: 'name' });
    }
    return ctx.manager.save(ctx.manager.create(FunctionArea, { projectId, name: trimmed }));
  }

  async addTerritory(ctx: RequestContext, projectId: string, name: string, calendarCode?: string | null): Promise<Territory> {
    await this.getForChange(ctx, projectId);
    const trimmed = this.requireName(name);
    if (calendarCode) this.calendars.require(calendarCode);
    if (await ctx.manager.exists(Territory, { where: { projectId, name: trimmed } })) {
      throw new DomainError(ErrorCode.DUPLICATE, `The project already has a territory "${trimmed}"`, { field: 'name' });
    }
    return ctx.manager.save(ctx.manager.create(Territory, { projectId, name: trimmed, calendarCode: calendarCode ?? null }));
  }

  /** Refused while milestones, key-user assignments or training sessions name it (the refusal lists them). */
  async removeFunctionArea(ctx: RequestContext, id: string): Promise<boolean> {
    const area = await this.lockForRemoval(ctx, FunctionArea, id, 'Function area');
    await this.assertUnused(ctx, 'function_area_id', area.id, `Function area "${area.name}"`);
    await ctx.manager.delete(FunctionArea, { id: area.id });
    return true;
  }

  /** Refused while milestones, key-user assignments or training sessions name it (the refusal lists them). */
  async removeTerritory(ctx: RequestContext, id: string): Promise<boolean> {
    const territory = await this.lockForRemoval(ctx, Territory, id, 'Territory');
    await this.assertUnused(ctx, 'territory_id', territory.id, `Territory "${territory.name}"`);
    await ctx.manager.delete(Territory, { id: territory.id });
    return true;
  }

  /**
   * The row locked against new references: a row inserted that names it takes a key-share lock
   * on it, which waits for this one, so nothing can start using it between the check and the delete.
   */
  private async lockForRemoval<T extends FunctionArea | Territory>(ctx: RequestContext, entity: new () => T, id: string, what: string): Promise<T> {
    const found = await findByIdOrFail<T>(ctx, entity, id, what);
    await lockRow(ctx, Project, found.projectId, 'exclusive');
    this.schedules.invalidate(ctx, found.projectId);
    return findByIdOrFail<T>(ctx, entity, id, what, { lock: true });
  }

  private async assertUnused(ctx: RequestContext, column: 'function_area_id' | 'territory_id', id: string, label: string): Promise<void> {
    // Cancelled sessions are not in use: they only lose the reference.
    const [used] = await ctx.manager.query(
      `SELECT
         ARRAY(SELECT m.id FROM milestone m WHERE m.${column} = $1 ORDER BY m.name, m.id) AS milestones,
         ARRAY(SELECT m.name FROM milestone m WHERE m.${column} = $1 ORDER BY m.name, m.id) AS milestone_names,
         ARRAY(SELECT k.id FROM key_user_assignment k WHERE k.${column} = $1 ORDER BY k.id) AS assignments,
         ARRAY(SELECT s.id FROM training_session s WHERE s.${column} = $1 AND s.cancelled_at IS NULL ORDER BY s.starts_at, s.id) AS sessions`,
      [id],
    );
    const parts = [
      used.milestones.length && `milestones ${used.milestone_names.map((n: string) => `"${n}"`).join(', ')} (removeMilestone)`,
      used.assignments.length && `${used.assignments.length} key-user ${used.assignments.length === 1 ? 'assignment' : 'assignments'} (removeKeyUser)`,
      used.sessions.length && `${used.sessions.length} training ${used.sessions.length === 1 ? 'session' : 'sessions'} (cancelTraining)`,
    ].filter(Boolean);
    if (parts.length) {
      throw new DomainError(ErrorCode.BAD_USER_INPUT, `${label} is still used by ${parts.join('; ')}; remove or change those first`, {
        field: 'id', milestoneIds: used.milestones, keyUserAssignmentIds: used.assignments, trainingSessionIds: used.sessions,
      });
    }
  }

  functionAreas(ctx: RequestContext, projectId: string): Promise<FunctionArea[]> {
    return byParentLoader(ctx, 'functionAreasByProject',
      (ids) => ctx.manager.find(FunctionArea, { where: { projectId: In([...ids]) }, order: { name: 'ASC' } }),
      (row) => row.projectId).load(projectId);
  }

  territories(ctx: RequestContext, projectId: string): Promise<Territory[]> {
    return byParentLoader(ctx, 'territoriesByProject',
      (ids) => ctx.manager.find(Territory, { where: { projectId: In([...ids]) }, order: { name: 'ASC' } }),
      (row) => row.projectId).load(projectId);
  }

  private requireName(name: string): string {
    const trimmed = name.trim();
    if (!trimmed) throw badInput('name must not be empty', 'name');
    if (trimmed.length > 200) throw badInput('name must be at most 200 characters', 'name');
    return trimmed;
  }
}
