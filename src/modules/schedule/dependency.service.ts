import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { RequestContext } from '../../common/context/request-context';
import { byParentLoader } from '../../common/dataloaders/request-loaders';
import { findByIdOrFail } from '../../common/database/find-by-id';
import { badInput, DomainError, notFound } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-codes';
import { AccessService } from '../auth/access.service';
import { AddDependencyInput, UpdateDependencyInput } from './dto/task.inputs';
import { Dependency } from './entities/dependency.entity';
import { Task } from './entities/task.entity';
import { findCycleIfLinked } from './engine/scheduler';
import { DependencyType } from './schedule.enums';
import { ScheduleService } from './schedule.service';
import { TaskService } from './task.service';

@Injectable()
export class DependencyService {
  constructor(
    private readonly access: AccessService,
    private readonly tasks: TaskService,
    private readonly schedules: ScheduleService,
  ) {}

  async add(ctx: RequestContext, input: AddDependencyInput): Promise<Dependency> {
    const predecessor = await findByIdOrFail(ctx, Task, input.predecessorId, 'Task');
    const successor = await findByIdOrFail(ctx, Task, input.successorId, 'Task');
    // The guard checked the predecessor's project; a task of a project the caller cannot read is not found.
    if (predecessor.projectId !== successor.projectId) {
      if (!(await this.access.canRead(ctx, successor.projectId))) throw notFound('Task', successor.id);
      throw badInput('A dependency links two tasks of the same project', 'successorId');
    }
    if (predecessor.id === successor.id) throw badInput('A task cannot depend on itself', 'successorId');
    const projectId = predecessor.projectId;
    await this.tasks.lockPlan(ctx, projectId);

    // The committed plan (cached while it does not change) instead of reloading its links.
    const plan = await this.schedules.committedPlan(ctx, projectId);
    const links = plan.links;
    if (links.some((l) => l.predecessorId === predecessor.id && l.successorId === successor.id)) {
      throw badInput(`"${successor.name}" already depends on "${predecessor.name}"; change that link's type or lag with updateDependency`, 'successorId');
    }
    const newLink = { predecessorId: predecessor.id, successorId: successor.id };
    await this.assertNoCycle(ctx, links, newLink);
    const link = await ctx.manager.save(
      ctx.manager.create(Dependency, { projectId, ...newLink, type: input.type ?? DependencyType.FS, lagDays: input.lagDays ?? 0 }),
    );
    await this.schedules.keepAfterCommit(ctx, projectId, this.schedules.assertSchedulableWith(plan, { link }));
    return link;
  }

  /**
   * Changes a link's type or lag in place. Which tasks it joins stays, so the network keeps its
   * shape; the cycle check still runs as for a new link, and the plan must still schedule.
   */
  async update(ctx: RequestContext, input: UpdateDependencyInput): Promise<Dependency> {
    const found = await findByIdOrFail(ctx, Dependency, input.id, 'Dependency');
    await this.tasks.lockPlan(ctx, found.projectId);
    const link = await findByIdOrFail(ctx, Dependency, input.id, 'Dependency', { lock: true });
    if (input.type != null) link.type = input.type;
    if (input.lagDays != null) link.lagDays = input.lagDays;
    const plan = await this.schedules.committedPlan(ctx, link.projectId);
    const others = plan.links.filter((l) => l.id !== link.id);
    await this.assertNoCycle(ctx, others, { predecessorId: link.predecessorId, successorId: link.successorId });
    const saved = await ctx.manager.save(link);
    await this.schedules.keepAfterCommit(ctx, link.projectId, this.schedules.assertSchedulableWith(plan, { link: saved }));
    return saved;
  }

  private async assertNoCycle(
    ctx: RequestContext,
    links: Pick<Dependency, 'predecessorId' | 'successorId'>[],
    newLink: Pick<Dependency, 'predecessorId' | 'successorId'>,
  ): Promise<void> {
    const taskIds = [...new Set(links.flatMap((l) => [l.predecessorId, l.successorId]).concat(newLink.predecessorId, newLink.successorId))];
    const cycle = findCycleIfLinked(taskIds, links, newLink);
    if (cycle) {
      const names = new Map((await ctx.manager.find(Task, { where: { id: In(cycle) }, select: { id: true, name: true } })).map((t) => [t.id, t.name]));
      throw new DomainError(
        ErrorCode.DEPENDENCY_CYCLE,
        `This link would close a cycle: ${[...cycle, cycle[0]].map((id) => `"${names.get(id)}"`).join(' → ')}`,
        { cycle },
      );
    }
  }

  async remove(ctx: RequestContext, id: string): Promise<boolean> {
    const link = await findByIdOrFail(ctx, Dependency, id, 'Dependency');
    await this.tasks.lockPlan(ctx, link.projectId);
    await ctx.manager.delete(Dependency, { id });
    return true;
  }

  predecessorsOf(ctx: RequestContext, taskId: string): Promise<Dependency[]> {
    return byParentLoader(ctx, 'linksBySuccessor',
      (ids) => ctx.manager.find(Dependency, { where: { successorId: In([...ids]) } }), (l) => l.successorId).load(taskId);
  }

  successorsOf(ctx: RequestContext, taskId: string): Promise<Dependency[]> {
    return byParentLoader(ctx, 'linksByPredecessor',
      (ids) => ctx.manager.find(Dependency, { where: { predecessorId: In([...ids]) } }), (l) => l.predecessorId).load(taskId);
  }
}
