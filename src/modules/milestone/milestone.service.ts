import { Inject, Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { RequestContext } from '../../common/context/request-context';
import { byIdLoader, byParentLoader } from '../../common/dataloaders/request-loaders';
import { findByIdOrFail, isUuid } from '../../common/database/find-by-id';
import { badInput, DomainError, staleVersion } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-codes';
import { todayIso } from '../../common/clock';
import { CriterionService } from '../criterion/criterion.service';
import { MethodologyService } from '../methodology/methodology.service';
import { FunctionArea } from '../project/entities/function-area.entity';
import { Project } from '../project/entities/project.entity';
import { Territory } from '../project/entities/territory.entity';
import { Dependency } from '../schedule/entities/dependency.entity';
import { Task } from '../schedule/entities/task.entity';
import { DependencyType, MilestonePhase } from '../schedule/schedule.enums';
import { ScheduleService } from '../schedule/schedule.service';
import { RecordedProgressService } from '../schedule/recorded-progress.service';
import { TaskService } from '../schedule/task.service';
import { AddMilestoneInput, UpdateMilestoneInput } from './dto/milestone.inputs';
import { Milestone } from '../plan/entities/milestone.entity';
import { MilestoneSplit, MilestoneStatus } from '../plan/milestone.enums';

const DEFAULT_PREPARE_DAYS = 10;
/** Task names hold 200 characters; a milestone's tasks are named "<milestone>: hypercare". */
const MAX_MILESTONE_NAME = 200 - ': hypercare'.length;
const DEFAULT_HYPERCARE_DAYS = 10;

/** Went live: an actual go-live is recorded, or its status is launched or beyond. */
const isLaunched = (m: Pick<Milestone, 'status' | 'actualGoLive'>) =>
  m.actualGoLive !== null || [MilestoneStatus.LAUNCHED, MilestoneStatus.HYPERCARE, MilestoneStatus.ACCEPTED].includes(m.status);

@Injectable()
export class MilestoneService {
  constructor(
    private readonly tasks: TaskService,
    private readonly schedules: ScheduleService,
    private readonly criteria: CriterionService,
    private readonly progress: RecordedProgressService,
    @Inject(MethodologyService) private readonly methodologies: MethodologyService,
  ) {}

  /** Creates the milestone with its prepare → launch (0-day go-live) → hypercare tasks, chained FS. */
  async add(ctx: RequestContext, input: AddMilestoneInput): Promise<Milestone> {
    const project = await findByIdOrFail(ctx, Project, input.projectId, 'Project');
    await this.tasks.lockPlan(ctx, project.id);
    const { functionAreaId, territoryId } = await this.validateSlice(ctx, project.id, input);
    const plan = project.templateKey ? this.methodologies.find(project.templateKey)?.milestonePlan : undefined;
    const prepareDays = input.prepareDays ?? plan?.prepareDays ?? DEFAULT_PREPARE_DAYS;
    const hypercareDays = input.hypercareDays ?? plan?.hypercareDays ?? DEFAULT_HYPERCARE_DAYS;
    const name = input.name.trim();
    if (name.length > MAX_MILESTONE_NAME) {
      throw badInput(`A milestone's name is at most ${MAX_MILESTONE_NAME} characters: its tasks are named after it ("…: hypercare")`, 'name');
    }

    const milestone = await ctx.manager.save(
      ctx.manager.create(Milestone, { projectId: project.id, name, splitBy: input.splitBy, functionAreaId, territoryId }),
    );
    const phase = (milestonePhase: MilestonePhase, suffix: string, durationDays: number) =>
      ctx.manager.create(Task, { projectId: project.id, milestoneId: milestone.id, milestonePhase, name: `${name}: ${suffix}`, durationDays });
    const chain = [
      phase(MilestonePhase.PREPARE, 'prepare', prepareDays),
      phase(MilestonePhase.LAUNCH, 'go-live', 0),
      phase(MilestonePhase.HYPERCARE, 'hypercare', hypercareDays),
    ];
    const saved = await ctx.manager.save(chain);
    const links = saved.slice(1).map((task, i) => ({
      projectId: project.id, predecessorId: saved[i].id, successorId: task.id, type: DependencyType.FS, lagDays: 0,
    }));
    await ctx.manager.insert(Dependency, links);
    await this.schedules.assertSchedulable(ctx, project.id);
    return milestone;
  }

  async update(ctx: RequestContext, input: UpdateMilestoneInput): Promise<Milestone> {
    const found = await findByIdOrFail(ctx, Milestone, input.id, 'Milestone');
    await this.tasks.lockPlan(ctx, found.projectId);
    const milestone = await findByIdOrFail(ctx, Milestone, input.id, 'Milestone', { lock: true });
    if (milestone.version !== input.version) throw staleVersion('Milestone', milestone.id, input.version, milestone.version);

    if (input.name != null) {
      milestone.name = input.name.trim();
      if (milestone.name.length > MAX_MILESTONE_NAME) throw badInput(`A milestone's name is at most ${MAX_MILESTONE_NAME} characters`, 'name');
    }
    // The committed plan, before anything is written: a resized hypercare task is checked against it in memory.
    const plan = input.hypercareDays != null ? await this.schedules.committedPlan(ctx, milestone.projectId) : null;
    // The hypercare task's duration is the milestone's hypercare days (updateTask may have changed it).
    const resized = input.hypercareDays != null ? await this.resizeHypercare(ctx, milestone, input.hypercareDays) : null;
    if (input.actualGoLive !== undefined) {
      // Like a task's actual dates (REPORTING.md): a go-live is recorded once it has happened.
      if (input.actualGoLive && input.actualGoLive > todayIso()) {
        throw badInput(`actualGoLive ${input.actualGoLive} is later than today (${todayIso()}, UTC): record the go-live once it has happened`, 'actualGoLive');
      }
      milestone.actualGoLive = input.actualGoLive;
    }
    if (input.status != null && input.status !== milestone.status) {
      if (milestone.status === MilestoneStatus.ACCEPTED) {
        throw new DomainError(ErrorCode.INVALID_STAGE_TRANSITION,
          `Milestone "${milestone.name}" is accepted; acceptance is final`, { milestoneId: milestone.id, status: milestone.status });
      }
      if (input.status === MilestoneStatus.ACCEPTED) {
        await this.criteria.assertAcceptable(ctx, milestone);
        await this.assertFunctionPrerequisitesAccepted(ctx, milestone);
      }
      milestone.status = input.status;
    }
    const saved = await ctx.manager.save(milestone);
    if (resized && saved.version === input.version) {
      // Only a task changed: the milestone still takes a new version, so a concurrent edit made
      // with the old one is refused.
      await ctx.manager.increment(Milestone, { id: milestone.id }, 'version', 1);
      saved.version += 1;
    }
    // A launch records its tasks' progress (and checks the plan it makes).
    const recorded = (input.actualGoLive || input.status) && isLaunched(saved)
      ? await this.progress.recordGoLive(ctx, saved.projectId, saved.id, saved.actualGoLive)
      : [];
    // Only the hypercare task's duration and recorded progress are the plan's; a name, status or
    // go-live date is not. The committed plan in memory no longer holds once progress was recorded.
    if (resized === 'added' || (resized && recorded.length)) await this.schedules.assertSchedulable(ctx, milestone.projectId);
    else if (resized) await this.schedules.keepAfterCommit(ctx, milestone.projectId, this.schedules.assertSchedulableWith(plan!, { task: resized }));
    return saved;
  }

  /**
   * Removes a milestone planned by mistake with its own prepare, go-live and hypercare tasks (and
   * their links) and its undecided criteria. Other tasks it held stay in the plan, outside any
   * milestone. Refused, listing them, while anything about it is on record: it went live,
   * criteria of it were confirmed, rejected or waived, or training sessions are held for it.
   * Baselines keep their record of it.
   */
  async remove(ctx: RequestContext, id: string): Promise<boolean> {
    const found = await findByIdOrFail(ctx, Milestone, id, 'Milestone');
    await this.tasks.lockPlan(ctx, found.projectId);
    // Locked against new references (a session naming it waits, then fails its foreign key).
    const milestone = await findByIdOrFail(ctx, Milestone, id, 'Milestone', { lock: true });
    if (milestone.actualGoLive || ![MilestoneStatus.PLANNED, MilestoneStatus.PREPARING].includes(milestone.status)) {
      throw new DomainError(ErrorCode.BAD_USER_INPUT,
        `Milestone "${milestone.name}" is ${milestone.status}${milestone.actualGoLive ? ` (went live ${milestone.actualGoLive})` : ''}; a launch is on record and stays`,
        { field: 'id', status: milestone.status });
    }
    const [held] = await ctx.manager.query(
      `SELECT
         ARRAY(SELECT c.id FROM criterion c
                WHERE c.milestone_id = $1 AND (c.waived_at IS NOT NULL OR EXISTS (SELECT 1 FROM confirmation x WHERE x.criterion_id = c.id))
                ORDER BY c.position, c.id) AS criteria,
         ARRAY(SELECT s.id FROM training_session s WHERE s.milestone_id = $1 AND s.cancelled_at IS NULL ORDER BY s.starts_at, s.id) AS sessions`,
      [milestone.id],
    );
    const parts = [
      held.criteria.length && `${held.criteria.length} acceptance ${held.criteria.length === 1 ? 'criterion has' : 'criteria have'} confirmations or a waiver on record`,
      held.sessions.length && `${held.sessions.length} training ${held.sessions.length === 1 ? 'session is' : 'sessions are'} held for it (cancelTraining or rescheduleTraining)`,
    ].filter(Boolean);
    if (parts.length) {
      throw new DomainError(ErrorCode.BAD_USER_INPUT, `Milestone "${milestone.name}" cannot be removed: ${parts.join('; ')}`, {
        field: 'id', criterionIds: held.criteria, trainingSessionIds: held.sessions,
      });
    }
    await ctx.manager.query(
      'UPDATE task SET milestone_id = NULL, version = version + 1 WHERE milestone_id = $1 AND milestone_phase IS NULL',
      [milestone.id],
    );
    await ctx.manager.delete(Milestone, { id: milestone.id });
    await this.schedules.assertSchedulable(ctx, milestone.projectId);
    return true;
  }

  /** Working days of the milestone's phase (prepare or hypercare): its task's duration. */
  async phaseDays(ctx: RequestContext, milestone: Milestone, phase: MilestonePhase): Promise<number> {
    const tasks = await this.tasks.byMilestone(ctx, milestone.id);
    return tasks.find((task) => task.milestonePhase === phase)?.durationDays ?? 0;
  }

  loader(ctx: RequestContext) {
    return byIdLoader(ctx, 'milestones', (ids) => ctx.manager.findBy(Milestone, { id: In([...ids]) }), (m) => m.id);
  }

  byProject(ctx: RequestContext, projectId: string): Promise<Milestone[]> {
    return byParentLoader(ctx, 'milestonesByProject',
      (ids) => ctx.manager.find(Milestone, { where: { projectId: In([...ids]) }, order: { name: 'ASC' } }),
      (m) => m.projectId).load(projectId);
  }

  /** Planned start and go-live from the schedule (go-live: the launch task's finish). */
  async plannedWindow(ctx: RequestContext, milestone: Milestone): Promise<{ start: string; goLive: string } | null> {
    return this.schedules.milestoneWindow(await this.schedules.forProject(ctx, milestone.projectId), milestone.id);
  }

  private async validateSlice(ctx: RequestContext, projectId: string, input: AddMilestoneInput) {
    const needsArea = input.splitBy !== MilestoneSplit.TERRITORY;
    const needsTerritory = input.splitBy !== MilestoneSplit.FUNCTION;
    if (needsArea && !input.functionAreaId) throw badInput(`A milestone split by ${input.splitBy} needs functionAreaId`, 'functionAreaId');
    if (needsTerritory && !input.territoryId) throw badInput(`A milestone split by ${input.splitBy} needs territoryId`, 'territoryId');
    const functionAreaId = input.functionAreaId ?? null;
    const territoryId = input.territoryId ?? null;
    if (functionAreaId && !(isUuid(functionAreaId) && (await ctx.manager.exists(FunctionArea, { where: { id: functionAreaId, projectId } })))) {
      throw badInput(`Function area ${functionAreaId} is not part of this project`, 'functionAreaId');
    }
    if (territoryId && !(isUuid(territoryId) && (await ctx.manager.exists(Territory, { where: { id: territoryId, projectId } })))) {
      throw badInput(`Territory ${territoryId} is not part of this project`, 'territoryId');
    }
    return { functionAreaId, territoryId };
  }

  /**
   * A milestone of one business function that follows another function's milestone (document
   * issuing after order intake: a chain of task links, directly or through other tasks, from
   * that milestone's tasks to this one's) is accepted only after that one.
   */
  private async assertFunctionPrerequisitesAccepted(ctx: RequestContext, milestone: Milestone): Promise<void> {
    if (!milestone.functionAreaId) return;
    const prerequisites: Pick<Milestone, 'id' | 'name' | 'status'>[] = await ctx.manager.query(
      `WITH RECURSIVE upstream(task_id) AS (
         SELECT d.predecessor_id FROM dependency d JOIN task s ON s.id = d.successor_id WHERE s.milestone_id = $1
         UNION
         SELECT d.predecessor_id FROM dependency d JOIN upstream u ON d.successor_id = u.task_id
       )
       SELECT DISTINCT m.id, m.name, m.status
         FROM upstream u JOIN task t ON t.id = u.task_id JOIN milestone m ON m.id = t.milestone_id
        WHERE m.id <> $1 AND m.function_area_id IS NOT NULL AND m.function_area_id <> $2
        ORDER BY m.name`,
      [milestone.id, milestone.functionAreaId],
    );
    const open = prerequisites.filter((m) => m.status !== MilestoneStatus.ACCEPTED);
    if (open.length) {
      throw new DomainError(
        ErrorCode.INVALID_STAGE_TRANSITION,
        `Milestone "${milestone.name}" follows ${open.map((m) => `"${m.name}"`).join(', ')}, which must be accepted first`,
        { blockingMilestones: open.map((m) => m.id) },
      );
    }
  }

  /** Sets the hypercare task's duration (creating the task if it is missing); false when it already had it. */
  /** The hypercare task as resized, 'added' when it had to be made again, null when it already had that duration. */
  private async resizeHypercare(ctx: RequestContext, milestone: Milestone, days: number): Promise<Task | 'added' | null> {
    const hypercare = await ctx.manager.findOne(Task, { where: { milestoneId: milestone.id, milestonePhase: MilestonePhase.HYPERCARE } });
    if (hypercare) {
      if (hypercare.durationDays === days) return null;
      hypercare.durationDays = days;
      return ctx.manager.save(hypercare);
    }
    const launch = await ctx.manager.findOne(Task, { where: { milestoneId: milestone.id, milestonePhase: MilestonePhase.LAUNCH } });
    const task = await ctx.manager.save(ctx.manager.create(Task, {
      projectId: milestone.projectId, milestoneId: milestone.id, milestonePhase: MilestonePhase.HYPERCARE,
      name: `${milestone.name}: hypercare`, durationDays: days,
    }));
    if (launch) {
      await ctx.manager.insert(Dependency, {
        projectId: milestone.projectId, predecessorId: launch.id, successorId: task.id, type: DependencyType.FS, lagDays: 0,
      });
    }
    return 'added';
  }
}
