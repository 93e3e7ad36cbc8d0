import { Injectable } from '@nestjs/common';
import { In, IsNull } from 'typeorm';
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
   * Key users are those of the milestone's function area (in its territory, or for all
   * territories); end users are those invited to end-user sessions linked to the milestone.
   * "Before go-live" means ended before the start (UTC) of the planned go-live date.
   */
  async forMilestone(ctx: RequestContext, milestone: Milestone): Promise<MilestoneReadiness> {
    const keyUsers = milestone.functionAreaId
      ? await ctx.manager.find(KeyUserAssignment, {
          where: milestone.territoryId
            ? [
                { projectId: milestone.projectId, functionAreaId: milestone.functionAreaId, territoryId: milestone.territoryId },
                { projectId: milestone.projectId, functionAreaId: milestone.functionAreaId, territoryId: IsNull() },
              ]
            : { projectId: milestone.projectId, functionAreaId: milestone.functionAreaId },
        })
      : [];
    const [keyUserSessions, endUserSessions] = await Promise.all([
      ctx.manager.find(TrainingSession, { where: { projectId: milestone.projectId, audience: TrainingAudience.KEY_USERS } }),
      ctx.manager.find(TrainingSession, { where: { milestoneId: milestone.id, audience: TrainingAudience.END_USERS } }),
    ]);
    const sessionIds = [...keyUserSessions, ...endUserSessions].map((s) => s.id);
    const attendance = sessionIds.length ? await ctx.manager.find(TrainingAttendance, { where: { sessionId: In(sessionIds) } }) : [];
    const toInput = (s: TrainingSession): ReadinessSession => ({
      id: s.id, audience: s.audience, startsAt: s.startsAt, endsAt: s.endsAt, cancelled: s.cancelledAt !== null,
      attendance: attendance.filter((a) => a.sessionId === s.id).map((a) => ({ userId: a.userId, status: a.status })),
    });
    const window = this.schedules.milestoneWindow(await this.schedules.forProject(ctx, milestone.projectId), milestone.id);
    const result = computeReadiness({
      keyUserIds: [...new Set(keyUsers.map((k) => k.userId))],
      keyUserSessions: keyUserSessions.map(toInput),
      endUserSessions: endUserSessions.map(toInput),
      goLiveAt: window ? new Date(`${window.goLive}T00:00:00Z`) : null,
    });
    return {
      ...result,
      untrainedBeforeGoLive: await Promise.all(result.untrainedBeforeGoLive.map((id) => this.users.getById(ctx, id))),
    };
  }
}
