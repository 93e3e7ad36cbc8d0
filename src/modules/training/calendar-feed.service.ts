import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { createHmac } from 'node:crypto';
import { In, LessThanOrEqual } from 'typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../common/config/app-config';
import type { RequestContext } from '../../common/context/request-context';
import { findByIdOrFail, isUuid } from '../../common/database/find-by-id';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-codes';
import { AccessService } from '../auth/access.service';
import { Membership } from '../auth/entities/membership.entity';
import { User } from '../auth/entities/user.entity';
import { Project } from '../project/entities/project.entity';
import { newFeedToken } from '../project-management/project.service';
import { TrainingAttendance } from './entities/training-attendance.entity';
import { TrainingSession } from './entities/training-session.entity';
import { AttendanceStatus } from './training.enums';
import { restoreUriValues } from './ics-uri-values';

const PARTSTAT: Record<AttendanceStatus, ICalAttendeeStatus> = {
  [AttendanceStatus.INVITED]: ICalAttendeeStatus.NEEDSACTION,
  [AttendanceStatus.ATTENDED]: ICalAttendeeStatus.ACCEPTED,
  [AttendanceStatus.ABSENT]: ICalAttendeeStatus.DECLINED,
  [AttendanceStatus.EXCUSED]: ICalAttendeeStatus.DECLINED,
};

/** How long a feed URL works, in days (TRAINING_FEED_TTL_DAYS); read once at start. */
export const TRAINING_FEED_TTL_DAYS = Symbol('TRAINING_FEED_TTL_DAYS');

export function feedTtlDays(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 180;
  const days = Number(value);
  if (!Number.isFinite(days) || days <= 0) throw new Error(`TRAINING_FEED_TTL_DAYS must be a positive number of days, got "${value}"`);
  return days;
}

const PURPOSE = 'training-feed';

/** What a feed URL's token says: whose feed, of which project, until when. */
interface FeedClaims {
  sub: string;
  pid: string;
  purpose: typeof PURPOSE;
  iat: number;
  /** The issue time in milliseconds: membership times are compared to it exactly. */
  ims: number;
  exp: number;
}

/** The project's training sessions as an RFC 5545 feed that calendar applications subscribe to. */
@Injectable()
export class CalendarFeedService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(TRAINING_FEED_TTL_DAYS) private readonly ttlDays: number,
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly access: AccessService,
  ) {}

  /** The caller's own feed URL. */
  urlFor(ctx: RequestContext, project: Project): string {
    return this.urlOf(project, this.access.requireUser(ctx).id);
  }

  /**
   * A URL for one member, signed for the project and expiring after TRAINING_FEED_TTL_DAYS
   * (calendar apps send no headers, so the token in the path is the only credential).
   * `issuedAt` lets tests make a URL that has already expired.
   */
  urlOf(project: Project, userId: string, issuedAt = new Date()): string {
    const iat = Math.floor(issuedAt.getTime() / 1000);
    const claims: FeedClaims = { sub: userId, pid: project.id, purpose: PURPOSE, iat, ims: issuedAt.getTime(), exp: iat + Math.round(this.ttlDays * 86_400) };
    const token = this.jwt.sign(claims, { secret: this.keyOf(project), algorithm: 'HS256' });
    return `${this.config.publicUrl}/calendar/${project.id}/${token}/training.ics`;
  }

  /** A new project secret: every URL issued with the old one stops working. */
  async revoke(ctx: RequestContext, projectId: string): Promise<Project> {
    const project = await findByIdOrFail(ctx, Project, projectId, 'Project', { lock: true });
    project.calendarFeedToken = newFeedToken();
    return ctx.manager.save(project);
  }

  /**
   * The feed for a project and a token; NOT_FOUND, as for no project, for a wrong or revoked
   * token or a holder who is no longer a member (nor an administrator).
   */
  async render(projectId: string, token: string): Promise<string> {
    const em = this.dataSource.manager;
    const project = isUuid(projectId) ? await em.findOne(Project, { where: { id: projectId } }) : null;
    if (!project) throw notFound('Calendar feed', projectId);
    await this.assertReader(project, token);
    const sessions = await em.find(TrainingSession, { where: { projectId }, order: { startsAt: 'ASC', id: 'ASC' } });
    const attendance = sessions.length ? await em.find(TrainingAttendance, { where: { sessionId: In(sessions.map((s) => s.id)) } }) : [];
    const userIds = [...new Set([...sessions.map((s) => s.trainerId), ...attendance.map((a) => a.userId)])];
    const users = new Map((userIds.length ? await em.find(User, { where: { id: In(userIds) } }) : []).map((u) => [u.id, u]));

    // With a METHOD, RFC 5545 (3.8.7.2) makes DTSTAMP the time this iCalendar object was
    // created, so every event carries the generation time. PUBLISH is kept because sessions have
    // no last-change time to offer instead (createdAt would go back in time after a reschedule);
    // calendar apps order changes by SEQUENCE, the session's version.
    const generatedAt = new Date();
    const calendar = ical({ name: `${project.code} training`, prodId: { company: 'Rollout Planner', product: 'training', language: 'EN' }, method: ICalCalendarMethod.PUBLISH });
    for (const session of sessions) {
      const trainer = users.get(session.trainerId)!;
      calendar.createEvent({
        // Stable wherever the service runs: not derived from PUBLIC_URL.
        id: `${session.id}@rollout-planner`,
        sequence: session.version,
        stamp: generatedAt,
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
    return restoreUriValues(calendar.toString());
  }

  /** The token must be this project's, unexpired, signed with its current secret, and its holder still a reader. */
  private async assertReader(project: Project, token: string): Promise<void> {
    let claims: FeedClaims;
    try {
      claims = this.jwt.verify<FeedClaims>(token, { secret: this.keyOf(project), algorithms: ['HS256'] });
    } catch (error) {
      // The signature is checked first: only a URL really issued for this project gets this answer.
      if ((error as Error).name === 'TokenExpiredError') {
        throw new DomainError(ErrorCode.NOT_FOUND, 'This calendar link has expired; subscribe again with a fresh trainingCalendarUrl', { id: project.id });
      }
      throw notFound('Calendar feed', project.id);
    }
    if (claims.purpose !== PURPOSE || claims.pid !== project.id || !isUuid(claims.sub)) throw notFound('Calendar feed', project.id);
    const em = this.dataSource.manager;
    const user = await em.findOne(User, { where: { id: claims.sub }, select: { id: true, isAdmin: true } });
    // A member since before the URL was issued: someone removed and added again needs a new one.
    const reader = user !== null && (user.isAdmin || (await em.exists(Membership, {
      where: { projectId: project.id, userId: user.id, createdAt: LessThanOrEqual(new Date(claims.ims ?? claims.iat * 1000)) },
    })));
    if (!reader) throw notFound('Calendar feed', project.id);
  }

  /**
   * Feed tokens are signed with a key derived from the application's secret and the project's
   * feed secret: revoking (a new feed secret) invalidates every URL issued, and a feed token
   * never passes for a sign-in token, which is signed with the application's secret itself.
   */
  private keyOf(project: Project): string {
    return createHmac('sha256', this.config.jwtSecret).update(`${PURPOSE}:${project.calendarFeedToken}`).digest('base64url');
  }
}
