import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { RequestContext } from '../../common/context/request-context';
import { byIdLoader, byParentLoader } from '../../common/dataloaders/request-loaders';
import { findByIdOrFail, lockRow } from '../../common/database/find-by-id';
import { badInput, DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-codes';
import { AccessService } from '../auth/access.service';
import { Milestone } from '../plan/entities/milestone.entity';
import { Project } from '../project/entities/project.entity';
import { BaselineEntry } from './entities/baseline-entry.entity';
import { Baseline } from './entities/baseline.entity';
import { ScheduleService } from './schedule.service';

@Injectable()
export class BaselineService {
  constructor(
    private readonly access: AccessService,
    private readonly schedules: ScheduleService,
  ) {}

  /** Freezes every task's and milestone's planned dates under a name unique in the project. */
  async capture(ctx: RequestContext, projectId: string, name: string): Promise<Baseline> {
    const user = this.access.requireUser(ctx);
    await findByIdOrFail(ctx, Project, projectId, 'Project');
    const trimmed = name.trim();
    if (!trimmed) throw badInput('name must not be empty', 'name');
    if (trimmed.length > 200) throw badInput('name must be at most 200 characters', 'name');
    // Serialise with plan edits so the snapshot is of one consistent plan.
    await lockRow(ctx, Project, projectId, 'exclusive');
    if (await ctx.manager.exists(Baseline, { where: { projectId, name: trimmed } })) {
      throw new DomainError(ErrorCode.DUPLICATE, `The project already has a baseline named "${trimmed}"`, { field: 'name' });
    }
    this.schedules.invalidate(ctx, projectId);
    const schedule = await this.schedules.forProject(ctx, projectId);
    const baseline = await ctx.manager.save(
      ctx.manager.create(Baseline, { projectId, name: trimmed, finishDate: schedule.finishDate, capturedById: user.id }),
    );
    const milestones = await ctx.manager.find(Milestone, { where: { projectId }, select: { id: true } });
    const entries = [
      ...schedule.tasks.map((task) => {
        const dates = schedule.dates.get(task.id)!;
        return { baselineId: baseline.id, taskId: task.id, milestoneId: null, start: dates.start, finish: dates.finish };
      }),
      ...milestones.map((m) => {
        const window = this.schedules.milestoneWindow(schedule, m.id);
        return { baselineId: baseline.id, taskId: null, milestoneId: m.id, start: window?.start ?? null, finish: window?.goLive ?? null };
      }),
    ];
    for (let i = 0; i < entries.length; i += 1000) await ctx.manager.insert(BaselineEntry, entries.slice(i, i + 1000));
    ctx.forget('loader:baselinesByProject');
    return baseline;
  }

  /** Newest first. */
  byProject(ctx: RequestContext, projectId: string): Promise<Baseline[]> {
    return byParentLoader(ctx, 'baselinesByProject',
      (ids) => ctx.manager.find(Baseline, { where: { projectId: In([...ids]) }, order: { capturedAt: 'DESC', id: 'DESC' } }),
      (b) => b.projectId).load(projectId);
  }

  async latest(ctx: RequestContext, projectId: string): Promise<Baseline | null> {
    return (await this.byProject(ctx, projectId))[0] ?? null;
  }

  /** The milestone's go-live in the latest baseline, or null when it was not baselined. */
  async milestoneGoLive(ctx: RequestContext, milestone: Milestone): Promise<string | null> {
    const latest = await this.latest(ctx, milestone.projectId);
    if (!latest) return null;
    const entry = await byIdLoader(ctx, `baselineMilestones:${latest.id}`,
      (ids) => ctx.manager.find(BaselineEntry, { where: { baselineId: latest.id, milestoneId: In([...ids]) } }),
      (e) => e.milestoneId!).load(milestone.id);
    return entry?.finish ?? null;
  }
}
