import { Inject, Injectable } from '@nestjs/common';
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { timingSafeEqual } from 'node:crypto';
import { In } from 'typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../common/config/app-config';
import type { RequestContext } from '../../common/context/request-context';
import { findByIdOrFail, isUuid } from '../../common/database/find-by-id';
import { notFound } from '../../common/errors/domain-error';
import { User } from '../people/entities/user.entity';
import { Project } from '../project/entities/project.entity';
import { newFeedToken } from '../project/project.service';
import { TrainingAttendance } from './entities/training-attendance.entity';
import { TrainingSession } from './entities/training-session.entity';
import { AttendanceStatus } from './training.enums';

const PARTSTAT: Record<AttendanceStatus, ICalAttendeeStatus> = {
  [AttendanceStatus.INVITED]: ICalAttendeeStatus.NEEDSACTION,
  [AttendanceStatus.ATTENDED]: ICalAttendeeStatus.ACCEPTED,
  [AttendanceStatus.ABSENT]: ICalAttendeeStatus.DECLINED,
  [AttendanceStatus.EXCUSED]: ICalAttendeeStatus.DECLINED,
};

const sameSecret = (a: string, b: string): boolean => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};

/** The project's training sessions as an RFC 5545 feed that calendar applications subscribe to. */
@Injectable()
export class CalendarFeedService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {}

  urlOf(project: Project): string {
    return `${this.config.publicUrl}/calendar/${project.id}/${project.calendarFeedToken}/training.ics`;
  }

  /** A new secret: every subscription made with the old URL stops working. */
  async revoke(ctx: RequestContext, projectId: string): Promise<Project> {
    const project = await findByIdOrFail(ctx, Project, projectId, 'Project', { lock: true });
    project.calendarFeedToken = newFeedToken();
    return ctx.manager.save(project);
  }

  /** The feed for a project and its secret; NOT_FOUND for a wrong or revoked one, as for no project. */
  async render(projectId: string, token: string): Promise<string> {
    const em = this.dataSource.manager;
    const project = isUuid(projectId) ? await em.findOne(Project, { where: { id: projectId } }) : null;
    if (!project || !sameSecret(project.calendarFeedToken, token)) throw notFound('Calendar feed', projectId);
    const sessions = await em.find(TrainingSession, { where: { projectId }, order: { startsAt: 'ASC' } });
    const attendance = sessions.length ? await em.find(TrainingAttendance, { where: { sessionId: In(sessions.map((s) => s.id)) } }) : [];
    const userIds = [...new Set([...sessions.map((s) => s.trainerId), ...attendance.map((a) => a.userId)])];
    const users = new Map((userIds.length ? await em.find(User, { where: { id: In(userIds) } }) : []).map((u) => [u.id, u]));
    const host = new URL(this.config.publicUrl).hostname;

    const calendar = ical({ name: `${project.code} training`, prodId: { company: 'Rollout Planner', product: 'training', language: 'EN' }, method: ICalCalendarMethod.PUBLISH });
    for (const session of sessions) {
      const trainer = users.get(session.trainerId)!;
      calendar.createEvent({
        id: `${session.id}@${host}`,
        sequence: session.version,
        stamp: session.createdAt,
        start: session.startsAt,
        end: session.endsAt,
        summary: session.title,
        location: session.location ?? undefined,
        url: session.meetingUrl ?? undefined,
        description: `${session.audience.replace('_', ' ').toLowerCase()} training, ${session.format === 'REMOTE' ? 'remote' : 'on site'}`,
        organizer: { name: trainer.fullName, email: trainer.email },
        status: session.cancelledAt ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
        attendees: attendance.filter((a) => a.sessionId === session.id).map((a) => {
          const user = users.get(a.userId)!;
          return { name: user.fullName, email: user.email, role: ICalAttendeeRole.REQ, status: PARTSTAT[a.status] };
        }),
      });
    }
    return calendar.toString();
  }
}
