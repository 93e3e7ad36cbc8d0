import { Injectable } from '@nestjs/common';
import { FindOptionsWhere, In, IsNull } from 'typeorm';
import type { RequestContext } from '../../common/context/request-context';
import { Milestone } from '../plan/entities/milestone.entity';
import { KeyUserAssignment } from '../people/entities/key-user-assignment.entity';
import { CoverageCell } from '../people/dto/key-user-coverage.type';
import { KeyUserService } from '../people/key-user.service';
import { Project } from '../project/entities/project.entity';
import { UserService } from '../people/user.service';
import { ScheduleService } from '../schedule/schedule.service';
import { MilestoneReadiness } from './dto/milestone-readiness.type';
import { TrainingAttendance } from './entities/training-attendance.entity';
import { TrainingSession } from './entities/training-session.entity';
import { computeReadiness, CoverageGap, milestoneReady, notReadyReasons, ReadinessSession } from './readiness';
import type { ReadinessReasonMessage } from './readiness-phrases';
import { TrainingAudience } from './training.enums';

@Injectable()
export class ReadinessService {
  constructor(
    private readonly schedules: ScheduleService,
    private readonly users: UserService,
    private readonly keyUsers: KeyUserService,
  ) {}

  /**
   * Whether each milestone of the project is ready (REPORTING.md), and why not: the project's key
   * users, coverage, sessions and attendance are read once for all milestones, once per request
   * (statements one after the other: inside a mutation they share its connection). Readiness
   * does not depend on the go-live date (training before go-live is MilestoneReadiness's matter).
   */
  readyByMilestone(ctx: RequestContext, project: Project, milestones: readonly Milestone[]): Promise<Map<string, MilestoneReady>> {
    return ctx.memoize(`readyByMilestone:${project.id}`, () => this.computeReadyByMilestone(ctx, project, milestones));
  }

  /** The milestone's key-user coverage cells with a gap, described; the project's coverage is computed once per request. */
  private async coverageGapsOf(ctx: RequestContext, milestone: Milestone): Promise<CoverageGap[]> {
    const coverage = await ctx.memoize(`keyUserCoverage:${milestone.projectId}`, async () => {
      const project = await ctx.manager.findOneByOrFail(Project, { id: milestone.projectId });
      return this.keyUsers.coverage(ctx, project);
    });
    return gapsOf(coverage.gaps, milestone);
  }

  private async computeReadyByMilestone(ctx: RequestContext, project: Project, milestones: readonly Milestone[]): Promise<Map<string, MilestoneReady>> {
    const result = new Map<string, MilestoneReady>();
    if (!milestones.length) return result;
    const projectId = project.id;
    const assignments = await this.keyUsers.ofProject(ctx, projectId);
    const coverage = await this.keyUsers.coverage(ctx, project);
    const sessions = await ctx.manager.find(TrainingSession, { where: { projectId } });
    const attendance = sessions.length ? await ctx.manager.find(TrainingAttendance, { where: { sessionId: In(sessions.map((s) => s.id)) } }) : [];
    const toInput = (s: TrainingSession): ReadinessSession => ({
      id: s.id, audience: s.audience, functionAreaId: s.functionAreaId, startsAt: s.startsAt, endsAt: s.endsAt, cancelled: s.cancelledAt !== null,
      attendance: attendance.filter((a) => a.sessionId === s.id).map((a) => ({ userId: a.userId, status: a.status })),
    });
    const inputs = new Map(sessions.map((s) => [s.id, toInput(s)]));
    const keyUserSessions = sessions.filter((s) => s.audience === TrainingAudience.KEY_USERS).map((s) => inputs.get(s.id)!);
    for (const m of milestones) {
      // The milestone's key users, as forMilestone finds them.
      const keyUsers = assignments.filter((k) => (!m.functionAreaId || k.functionAreaId === m.functionAreaId)
        && (!m.territoryId || k.territoryId === m.territoryId || k.territoryId === null));
      const areas = new Set(keyUsers.map((k) => k.functionAreaId));
      const readiness = computeReadiness({
        keyUsers: keyUsers.map((k) => ({ userId: k.userId, functionAreaId: k.functionAreaId })),
        keyUserSessions,
        endUserSessions: sessions.filter((s) => s.audience === TrainingAudience.END_USERS && s.milestoneId === m.id).map((s) => inputs.get(s.id)!),
        areaEndUserSessions: sessions.filter((s) => s.audience === TrainingAudience.END_USERS && s.functionAreaId !== null && areas.has(s.functionAreaId))
          .map((s) => inputs.get(s.id)!),
        goLiveAt: null,
      });
      const input = { coverageGaps: gapsOf(coverage.gaps, m), counts: readiness.counts };
      result.set(m.id, { ...milestoneReady(input), reasonMessages: notReadyReasons(input) });
    }
    return result;
  }

  /**
   * Key users are the assignments of the milestone's function area (when it has one) in its
   * territory or for every territory (when it has one): a milestone cut by territory alone has
   * the key users of every area there. End users are those invited to end-user sessions linked to
   * the milestone.
   */
  async forMilestone(ctx: RequestContext, milestone: Milestone): Promise<MilestoneReadiness> {
    const { projectId } = milestone;
    const byArea: FindOptionsWhere<KeyUserAssignment> = milestone.functionAreaId ? { projectId, functionAreaId: milestone.functionAreaId } : { projectId };
    const keyUsers = await ctx.manager.find(KeyUserAssignment, {
      where: milestone.territoryId ? [{ ...byArea, territoryId: milestone.territoryId }, { ...byArea, territoryId: IsNull() }] : byArea,
    });
    const areas = [...new Set(keyUsers.map((k) => k.functionAreaId))];
    const [keyUserSessions, endUserSessions, areaEndUserSessions] = await Promise.all([
      // Only sessions for no area or for a key user's area can train them.
      areas.length
        ? ctx.manager.find(TrainingSession, { where: [
            { projectId, audience: TrainingAudience.KEY_USERS, functionAreaId: IsNull() },
            { projectId, audience: TrainingAudience.KEY_USERS, functionAreaId: In(areas) },
          ] })
        : [],
      ctx.manager.find(TrainingSession, { where: { milestoneId: milestone.id, audience: TrainingAudience.END_USERS } }),
      areas.length ? ctx.manager.find(TrainingSession, { where: { projectId, audience: TrainingAudience.END_USERS, functionAreaId: In(areas) } }) : [],
    ]);
    const sessionIds = [...new Set([...keyUserSessions, ...endUserSessions, ...areaEndUserSessions].map((s) => s.id))];
    const attendance = sessionIds.length ? await ctx.manager.find(TrainingAttendance, { where: { sessionId: In(sessionIds) } }) : [];
    const toInput = (s: TrainingSession): ReadinessSession => ({
      id: s.id, audience: s.audience, functionAreaId: s.functionAreaId, startsAt: s.startsAt, endsAt: s.endsAt, cancelled: s.cancelledAt !== null,
      attendance: attendance.filter((a) => a.sessionId === s.id).map((a) => ({ userId: a.userId, status: a.status })),
    });
    const window = this.schedules.milestoneWindow(await this.schedules.forProject(ctx, projectId), milestone.id);
    const result = computeReadiness({
      keyUsers: keyUsers.map((k) => ({ userId: k.userId, functionAreaId: k.functionAreaId })),
      keyUserSessions: keyUserSessions.map(toInput),
      endUserSessions: endUserSessions.map(toInput),
      areaEndUserSessions: areaEndUserSessions.map(toInput),
      // Kept as the start (UTC) of the planned go-live date, not local midnight in the territory:
      // the plan's dates carry no time zone.
      goLiveAt: window ? new Date(`${window.goLive}T00:00:00Z`) : null,
    });
    const { ready, reasons } = milestoneReady({ coverageGaps: await this.coverageGapsOf(ctx, milestone), counts: result.counts });
    return {
      ...result,
      ready,
      notReadyReasons: reasons,
      untrainedBeforeGoLive: await Promise.all(result.untrainedBeforeGoLive.map((id) => this.users.getById(ctx, id))),
    };
  }
}

/** Whether a milestone is ready, why not in English (the API's words) and as messages (a report's basis renders them per locale). */
export interface MilestoneReady {
  ready: boolean;
  reasons: string[];
  reasonMessages: ReadinessReasonMessage[];
}

/** The coverage gaps in the milestone's cells: its function area (if any) in its territory (if any). */
function gapsOf(gaps: readonly CoverageCell[], m: Pick<Milestone, 'functionAreaId' | 'territoryId'>): CoverageGap[] {
  return gaps
    .filter((c) => (!m.functionAreaId || c.functionArea.id === m.functionAreaId) && (!m.territoryId || c.territory?.id === m.territoryId))
    .map((c) => ({ functionArea: c.functionArea.name, territory: c.territory?.name ?? null, qualified: c.qualifiedKeyUsers, required: c.required }));
}
