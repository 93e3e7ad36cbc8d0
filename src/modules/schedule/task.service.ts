import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { RequestContext } from '../../common/context/request-context';
import { byIdLoader, byParentLoader } from '../../common/dataloaders/request-loaders';
import { findByIdOrFail, isUuid, lockRow } from '../../common/database/find-by-id';
import { badInput, DomainError, staleVersion } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-codes';
import { AccessService } from '../auth/access.service';
import { Milestone } from '../plan/entities/milestone.entity';
import { MembershipService } from '../people/membership.service';
import { Project } from '../project/entities/project.entity';
import { Stage } from '../plan/entities/stage.entity';
import { AddTaskInput, UpdateTaskInput } from './dto/task.inputs';
import { Task } from './entities/task.entity';
import { checkTaskProgress } from './progress-rules';
import { MilestonePhase } from './schedule.enums';
import { ScheduleService } from './schedule.service';

@Injectable()
export class TaskService {
  constructor(
    private readonly schedules: ScheduleService,
    private readonly access: AccessService,
    private readonly memberships: MembershipService,
  ) {}

  /**
   * Plan edits of one project are serialised on the project's row: two links added at once
   * could otherwise each pass the cycle check and together close a cycle.
   */
  async lockPlan(ctx: RequestContext, projectId: string): Promise<void> {
    await lockRow(ctx, Project, projectId, 'exclusive');
    this.schedules.invalidate(ctx, projectId);
  }

  async add(ctx: RequestContext, input: AddTaskInput): Promise<Task> {
    await findByIdOrFail(ctx, Project, input.projectId, 'Project');
    await this.lockPlan(ctx, input.projectId);
    if (input.stageId) await this.requireInProject(ctx, Stage, input.stageId, input.projectId, 'Stage', 'stageId');
    if (input.milestoneId) await this.requireInProject(ctx, Milestone, input.milestoneId, input.projectId, 'Milestone', 'milestoneId');
    const plan = await this.schedules.committedPlan(ctx, input.projectId);
    const task = await ctx.manager.save(
      ctx.manager.create(Task, {
        projectId: input.projectId,
        stageId: input.stageId ?? null,
        milestoneId: input.milestoneId ?? null,
        name: input.name.trim(),
        durationDays: input.durationDays,
        startNoEarlierThan: input.startNoEarlierThan ?? null,
      }),
    );
    await this.schedules.keepAfterCommit(ctx, input.projectId, this.schedules.assertSchedulableWith(plan, { task }));
    return task;
  }

  async update(ctx: RequestContext, input: UpdateTaskInput): Promise<Task> {
    // The owner's membership cannot change until this edit ends (person locks come before row locks).
    if (input.ownerId) await this.memberships.holdPeople(ctx, [input.ownerId]);
    const task = await this.getForChange(ctx, input.id);
    if (task.version !== input.version) throw staleVersion('Task', task.id, input.version, task.version);
    const moves = input.stageId !== undefined || input.milestoneId !== undefined || input.ownerId !== undefined;
    // Consultants report progress; where a task sits in the plan and who does it are the plan's.
    if (moves) await this.access.assertCan(ctx, task.projectId, 'editPlan', { what: 'Task', id: task.id });
    if (input.name != null) task.name = input.name.trim();
    if (input.durationDays != null) {
      if (task.milestonePhase === MilestonePhase.LAUNCH && input.durationDays !== 0) {
        throw badInput(`"${task.name}" is its milestone's go-live marker and takes 0 days; change the prepare or hypercare task instead`, 'durationDays');
      }
      task.durationDays = input.durationDays;
    }
    this.recordProgress(task, input);
    if (input.startNoEarlierThan !== undefined) task.startNoEarlierThan = input.startNoEarlierThan;
    if (input.stageId !== undefined) {
      if (input.stageId !== null) await this.requireInProject(ctx, Stage, input.stageId, task.projectId, 'Stage', 'stageId');
      task.stageId = input.stageId;
    }
    if (input.milestoneId !== undefined && input.milestoneId !== task.milestoneId) {
      if (task.milestonePhase) {
        throw badInput(`"${task.name}" is its milestone's own ${task.milestonePhase.toLowerCase()} task; it stays with its milestone`, 'milestoneId');
      }
      if (input.milestoneId !== null) await this.requireInProject(ctx, Milestone, input.milestoneId, task.projectId, 'Milestone', 'milestoneId');
      task.milestoneId = input.milestoneId;
    }
    if (input.ownerId !== undefined) {
      if (input.ownerId !== null) await this.memberships.assertMembers(ctx, task.projectId, [input.ownerId], 'ownerId', 'A task’s owner');
      task.ownerId = input.ownerId;
    }
    const plan = await this.schedules.committedPlan(ctx, task.projectId);
    const saved = await ctx.manager.save(task);
    await this.schedules.keepAfterCommit(ctx, task.projectId, this.schedules.assertSchedulableWith(plan, { task: saved }));
    return saved;
  }

  /**
   * Merges the input's progress into the task and checks the whole against REPORTING.md
   * (progress-rules.ts): a refusal names the field and changes nothing. Progress is not a plan
   * move: whoever may edit the task (consultants too) records it.
   */
  private recordProgress(task: Task, input: UpdateTaskInput): void {
    const merged = {
      actualStart: input.actualStart !== undefined ? input.actualStart : task.actualStart,
      actualFinish: input.actualFinish !== undefined ? input.actualFinish : task.actualFinish,
      percentComplete: input.percentComplete ?? task.percentComplete,
    };
    // A finished task is 100 %: a lower figure asked for alongside a finish would be silently lost.
    if (input.percentComplete != null && input.percentComplete < 100 && merged.actualFinish) {
      throw badInput(`"${task.name}" finished on ${merged.actualFinish}, so it is 100 % complete; clear actualFinish to record less`, 'percentComplete');
    }
    const check = checkTaskProgress(merged);
    if (!check.ok) throw badInput(`"${task.name}": ${check.violation.message}`, check.violation.field);
    Object.assign(task, check.progress);
  }

  /**
   * Takes the task out of the plan with its links (the database cascades them). Baselines keep
   * their record of it (their entries hold no foreign key). A milestone's go-live task holds the
   * milestone's dates: it goes only with its milestone (removeMilestone).
   */
  async remove(ctx: RequestContext, id: string): Promise<boolean> {
    const task = await this.getForChange(ctx, id);
    if (task.milestonePhase === MilestonePhase.LAUNCH && task.milestoneId) {
      throw new DomainError(ErrorCode.BAD_USER_INPUT,
        `"${task.name}" is the go-live of its milestone, whose dates are read from it; remove the milestone instead (removeMilestone)`,
        { field: 'id', milestoneId: task.milestoneId });
    }
    // Fewer tasks and links only ever move dates earlier and close no cycle: nothing to check.
    await ctx.manager.delete(Task, { id: task.id });
    return true;
  }

  /** Loads the task locked, after the plan lock, for a read-check-write. */
  async getForChange(ctx: RequestContext, id: string): Promise<Task> {
    const found = await findByIdOrFail(ctx, Task, id, 'Task');
    await this.lockPlan(ctx, found.projectId);
    return findByIdOrFail(ctx, Task, id, 'Task', { lock: true });
  }

  loader(ctx: RequestContext) {
    return byIdLoader(ctx, 'tasks', (ids) => ctx.manager.findBy(Task, { id: In([...ids]) }), (task) => task.id);
  }

  byMilestone(ctx: RequestContext, milestoneId: string): Promise<Task[]> {
    return byParentLoader(ctx, 'tasksByMilestone',
      // Phases sort in their enum's order: prepare, launch, hypercare.
      (ids) => ctx.manager.find(Task, { where: { milestoneId: In([...ids]) }, order: { createdAt: 'ASC', milestonePhase: 'ASC', name: 'ASC' } }),
      (task) => task.milestoneId!).load(milestoneId);
  }

  private async requireInProject(
    ctx: RequestContext,
    entity: typeof Stage | typeof Milestone,
    id: string,
    projectId: string,
    what: string,
    field: string,
  ): Promise<void> {
    const row = isUuid(id) ? await ctx.manager.findOne(entity, { where: { id }, select: { id: true, projectId: true } }) : null;
    if (!row || row.projectId !== projectId) throw badInput(`${what} ${id} is not part of this project`, field);
  }
}
