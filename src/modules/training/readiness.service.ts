import { Injectable } from '@nestjs/common';
import { FindOptionsWhere, In, IsNull } from 'typeorm';
import type { RequestContext } from '../../common/context/request-context';
import { Milestone } from '../milestone/entities/milestone.entity';
import { KeyUserAssignment } from '../people/entities/key-user-assignment.entity';
import { UserService } from '../people/user.service';
import { ScheduleService } from '../schedule/schedule.service';
import { MilestoneReadiness } from './dto/milestone-readiness.type';
import { TrainingAttendance } from './entities/training-attendance.entity';
import { TrainingSession } from './entities/training-session.entity';
import { computeReadiness, ReadinessSession } from './readiness';
import { TrainingAudience } from './training.enums';

@Injectable()
export class ReadinessService {
  constructor(
    private readonly schedules: ScheduleService,
    private readonly users: UserService,
  ) {}

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
    return {
      ...result,
      untrainedBeforeGoLive: await Promise.all(result.untrainedBeforeGoLive.map((id) => this.users.getById(ctx, id))),
    };
  }
}
