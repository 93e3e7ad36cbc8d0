import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { RequestContext } from '../../common/context/request-context';
import { byParentLoader } from '../../common/dataloaders/request-loaders';
import { advisoryXactLock } from '../../common/database/advisory-lock';
import { findByIdOrFail, isUuid } from '../../common/database/find-by-id';
import { badInput, DomainError, forbidden, staleVersion } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-codes';
import { AccessService } from '../auth/access.service';
import { Milestone } from '../plan/entities/milestone.entity';
import { User } from '../auth/entities/user.entity';
import { MembershipService } from '../people/membership.service';
import { ProjectRole } from '../auth/auth.enums';
import { FunctionArea } from '../project/entities/function-area.entity';
import { Project } from '../project/entities/project.entity';
import { Territory } from '../project/entities/territory.entity';
import { RescheduleTrainingInput, ScheduleTrainingInput } from './dto/training.inputs';
import { TrainingAttendance } from './entities/training-attendance.entity';
import { TrainingSession } from './entities/training-session.entity';
import { exceedsCapacity, sessionProblems, sessionTimes, whyAttendanceCannotBeRecorded } from './training-rules';
import { AttendanceStatus } from './training.enums';

interface Conflict {
  session_id: string;
  project_id: string;
  title: string;
  starts_at: Date;
  ends_at: Date;
  time_zone: string | null;
  user_id: string;
}

/** Marks that say the session happened. */
const TOOK_PART = new Set<AttendanceStatus>([AttendanceStatus.ATTENDED, AttendanceStatus.ABSENT]);

@Injectable()
export class TrainingService {
  constructor(
    private readonly access: AccessService,
    private readonly memberships: MembershipService,
  ) {}

  async schedule(ctx: RequestContext, input: ScheduleTrainingInput): Promise<TrainingSession> {
    await this.memberships.holdPeople(ctx, [input.trainerId, ...(input.attendeeIds ?? [])]);
    await findByIdOrFail(ctx, Project, input.projectId, 'Project');
    await this.assertMayManage(ctx, input.projectId, input.trainerId);
    this.assertShape({ ...input, format: input.format });
    const attendeeIds = [...new Set(input.attendeeIds ?? [])].filter((id) => id !== input.trainerId);
    this.assertCapacity(input.capacity, attendeeIds.length);
    await this.memberships.assertMembers(ctx, input.projectId, [input.trainerId], 'trainerId', 'Trainers');
    await this.memberships.assertMembers(ctx, input.projectId, attendeeIds, 'attendeeIds', 'Attendees');
    await this.assertPartsOfProject(ctx, input);
    await this.assertNoConflicts(ctx, [input.trainerId, ...attendeeIds], input.startsAt, input.endsAt, null);
    const session = await ctx.manager.save(ctx.manager.create(TrainingSession, {
      projectId: input.projectId, title: input.title.trim(), audience: input.audience, format: input.format,
      location: input.location?.trim() || null, meetingUrl: input.meetingUrl?.trim() || null,
      startsAt: input.startsAt, endsAt: input.endsAt, timeZone: this.validTimeZone(input.timeZone),
      trainerId: input.trainerId, capacity: input.capacity,
      functionAreaId: input.functionAreaId ?? null, territoryId: input.territoryId ?? null, milestoneId: input.milestoneId ?? null,
    }));
    if (attendeeIds.length) await ctx.manager.insert(TrainingAttendance, attendeeIds.map((userId) => ({ sessionId: session.id, userId })));
    return session;
  }

  async reschedule(ctx: RequestContext, input: RescheduleTrainingInput): Promise<TrainingSession> {
    await this.memberships.holdPeople(ctx, [input.trainerId]);
    const session = await this.getForChange(ctx, input.id, input.version, 'id');
    const trainerId = input.trainerId ?? session.trainerId;
    const moved = input.startsAt.getTime() !== session.startsAt.getTime() || input.endsAt.getTime() !== session.endsAt.getTime();
    if ((moved || trainerId !== session.trainerId) && (await this.tookPlace(ctx, session.id))) {
      throw badInput(`"${session.title}" took place (attendance is recorded); its time and trainer stay as they were`, moved ? 'startsAt' : 'trainerId');
    }
    let ownInvitation = false;
    if (input.trainerId && input.trainerId !== session.trainerId) {
      await this.assertMayManage(ctx, session.projectId, input.trainerId);
      await this.memberships.assertMembers(ctx, session.projectId, [input.trainerId], 'trainerId', 'Trainers');
      ownInvitation = await this.invitationOfNewTrainer(ctx, session, input.trainerId);
    }
    const next = {
      ...session, startsAt: input.startsAt, endsAt: input.endsAt, trainerId,
      location: input.location !== undefined ? input.location?.trim() || null : session.location,
      meetingUrl: input.meetingUrl !== undefined ? input.meetingUrl?.trim() || null : session.meetingUrl,
      timeZone: input.timeZone !== undefined ? this.validTimeZone(input.timeZone) : session.timeZone,
    };
    this.assertShape(next);
    const attendees = await this.attendeeIds(ctx, session.id);
    await this.assertNoConflicts(ctx, [trainerId, ...attendees.filter((id) => id !== trainerId)], input.startsAt, input.endsAt, session.id);
    // The trainer is no attendee of their own session, as scheduleTraining and inviteToTraining have it.
    if (ownInvitation) await ctx.manager.delete(TrainingAttendance, { sessionId: session.id, userId: trainerId });
    Object.assign(session, next);
    return ctx.manager.save(session);
  }

  async cancel(ctx: RequestContext, id: string, version: number): Promise<TrainingSession> {
    const session = await this.getForChange(ctx, id, version, 'id');
    // A session people attended took place: cancelling it would silently drop their training.
    if (await this.tookPlace(ctx, id)) {
      throw badInput(`"${session.title}" took place (attendance is recorded); it cannot be cancelled`, 'id');
    }
    session.cancelledAt = new Date();
    return ctx.manager.save(session);
  }

  async invite(ctx: RequestContext, sessionId: string, userIds: string[]): Promise<TrainingSession> {
    await this.memberships.holdPeople(ctx, userIds);
    const session = await this.getForChange(ctx, sessionId, null, 'sessionId');
    const current = await this.attendeeIds(ctx, session.id);
    const added = [...new Set(userIds)].filter((id) => !current.includes(id) && id !== session.trainerId);
    // Nothing changes, so neither does the version: calendars would show an update that is none.
    if (!added.length) return session;
    this.assertCapacity(session.capacity, current.length + added.length);
    await this.memberships.assertMembers(ctx, session.projectId, added, 'userIds', 'Attendees');
    await this.assertNoConflicts(ctx, added, session.startsAt, session.endsAt, session.id);
    await ctx.manager.insert(TrainingAttendance, added.map((userId) => ({ sessionId: session.id, userId })));
    await this.touch(ctx, session);
    return session;
  }

  async uninvite(ctx: RequestContext, sessionId: string, userId: string): Promise<TrainingSession> {
    const session = await this.getForChange(ctx, sessionId, null, 'sessionId');
    const row = await this.lockedInvitation(ctx, session.id, userId);
    if (!row) throw badInput(`User ${userId} is not invited to "${session.title}"`, 'userId');
    if (TOOK_PART.has(row.status)) {
      throw badInput(`${row.status} is recorded for this person in "${session.title}"; what happened stays on record (set INVITED first if it was recorded in error)`, 'userId');
    }
    await ctx.manager.delete(TrainingAttendance, { sessionId: session.id, userId });
    await this.touch(ctx, session);
    return session;
  }

  async recordAttendance(ctx: RequestContext, sessionId: string, userId: string, status: AttendanceStatus): Promise<TrainingAttendance> {
    const unlocked = await findByIdOrFail(ctx, TrainingSession, sessionId, 'Training session');
    // Whatever their role: key users give training too, and the guard admits any member.
    await this.assertTrainerOwnsSession(ctx, unlocked, 'records attendance');
    // Shared with other marks, exclusive against a cancellation or a reschedule.
    const found = await ctx.manager.findOneOrFail(TrainingSession, { where: { id: sessionId }, lock: { mode: 'pessimistic_read' } });
    if (found.cancelledAt) throw badInput(`"${found.title}" was cancelled`, 'sessionId');
    const why = whyAttendanceCannotBeRecorded(found, status, new Date());
    if (why) throw badInput(why, 'status');
    const row = await this.lockedInvitation(ctx, sessionId, userId);
    if (!row) throw badInput(`User ${userId} is not invited to "${found.title}"; invite them first`, 'userId');
    row.status = status;
    return ctx.manager.save(row);
  }

  byProject(ctx: RequestContext, projectId: string): Promise<TrainingSession[]> {
    return byParentLoader(ctx, 'trainingByProject',
      (ids) => ctx.manager.find(TrainingSession, { where: { projectId: In([...ids]) }, order: { startsAt: 'ASC', id: 'ASC' } }),
      (s) => s.projectId).load(projectId);
  }

  attendance(ctx: RequestContext, sessionId: string): Promise<TrainingAttendance[]> {
    return byParentLoader(ctx, 'attendanceBySession',
      (ids) => ctx.manager.find(TrainingAttendance, { where: { sessionId: In([...ids]) }, order: { userId: 'ASC' } }),
      (a) => a.sessionId).load(sessionId);
  }

  /** This person's invitation (and attendance) row, locked against concurrent marks; null when not invited. */
  private async lockedInvitation(ctx: RequestContext, sessionId: string, userId: string): Promise<TrainingAttendance | null> {
    if (!isUuid(userId)) return null;
    return ctx.manager.findOne(TrainingAttendance, { where: { sessionId, userId }, lock: { mode: 'pessimistic_write' } });
  }

  /** Whether anyone's attendance or absence is recorded: the session happened. */
  private tookPlace(ctx: RequestContext, sessionId: string): Promise<boolean> {
    return ctx.manager.exists(TrainingAttendance, { where: { sessionId, status: In([...TOOK_PART]) } });
  }

  private async attendeeIds(ctx: RequestContext, sessionId: string): Promise<string[]> {
    return (await ctx.manager.find(TrainingAttendance, { where: { sessionId }, select: { userId: true } })).map((a) => a.userId);
  }

  /** A trainer (without a manager's role) schedules and changes only their own sessions. */
  private async assertMayManage(ctx: RequestContext, projectId: string, trainerId: string): Promise<void> {
    const user = this.access.requireUser(ctx);
    if (user.isAdmin) return;
    const roles = await this.access.rolesIn(ctx, projectId);
    if (!roles.includes(ProjectRole.PROJECT_MANAGER) && trainerId !== user.id) {
      throw forbidden('A trainer schedules only sessions they give themselves');
    }
  }

  /** Administrators, project managers and the session's own trainer. */
  private async assertTrainerOwnsSession(ctx: RequestContext, session: TrainingSession, act = 'may do this'): Promise<void> {
    const user = this.access.requireUser(ctx);
    if (user.isAdmin || session.trainerId === user.id) return;
    const roles = await this.access.rolesIn(ctx, session.projectId);
    if (!roles.includes(ProjectRole.PROJECT_MANAGER)) {
      throw forbidden(`Only the trainer of "${session.title}" or the project manager ${act}`);
    }
  }

  /**
   * The session, locked until the transaction ends, so that concurrent changes run one after the
   * other. `version` is what the client sent; invitations send none (null): the lock alone keeps
   * them from overfilling the session, and they must not refuse each other as stale.
   */
  private async getForChange(ctx: RequestContext, id: string, version: number | null, field: string): Promise<TrainingSession> {
    const found = await findByIdOrFail(ctx, TrainingSession, id, 'Training session');
    await this.assertTrainerOwnsSession(ctx, found);
    const session = await findByIdOrFail(ctx, TrainingSession, id, 'Training session', { lock: true });
    // Another trainer may have been given the session while we waited for the lock.
    if (session.trainerId !== found.trainerId) await this.assertTrainerOwnsSession(ctx, session);
    if (version !== null && session.version !== version) throw staleVersion('Training session', id, version, session.version);
    if (session.cancelledAt) throw badInput(`"${session.title}" was cancelled`, field);
    return session;
  }

  /**
   * Whether the new trainer holds an invitation to the session, to be dropped. Attendance already
   * recorded for them is refused rather than lost; the row stays locked so that it cannot be
   * recorded meanwhile.
   */
  private async invitationOfNewTrainer(ctx: RequestContext, session: TrainingSession, trainerId: string): Promise<boolean> {
    const own = await this.lockedInvitation(ctx, session.id, trainerId);
    if (own && own.status !== AttendanceStatus.INVITED) {
      throw badInput(`The new trainer's attendance at "${session.title}" is recorded as ${own.status}; `
        + 'choose another trainer, or uninvite them first if that record may go', 'trainerId');
    }
    return own !== null;
  }

  /** Changing the attendees is a change of the session: its version (and iCalendar SEQUENCE) moves on. */
  private async touch(ctx: RequestContext, session: TrainingSession): Promise<void> {
    session.version += 1;
    await ctx.manager.update(TrainingSession, { id: session.id }, { version: session.version });
  }

  private assertShape(session: { format: TrainingSession['format']; location?: string | null; meetingUrl?: string | null; startsAt: Date; endsAt: Date; capacity: number }) {
    const problems = sessionProblems(session);
    if (problems.length) {
      throw new DomainError(ErrorCode.BAD_USER_INPUT, problems.map((p) => p.message).join('; '), { field: problems[0].field, fields: problems.map((p) => p.field) });
    }
  }

  private assertCapacity(capacity: number, attendees: number) {
    if (exceedsCapacity(capacity, attendees)) {
      throw new DomainError(ErrorCode.TRAINING_CAPACITY_EXCEEDED,
        `The session takes ${capacity} attendees; ${attendees} would be invited`, { capacity, attendees });
    }
  }

  private async assertPartsOfProject(ctx: RequestContext, input: ScheduleTrainingInput) {
    const parts: [typeof FunctionArea | typeof Territory | typeof Milestone, string | null | undefined, string][] = [
      [FunctionArea, input.functionAreaId, 'functionAreaId'], [Territory, input.territoryId, 'territoryId'], [Milestone, input.milestoneId, 'milestoneId'],
    ];
    for (const [entity, id, field] of parts) {
      if (id && !(isUuid(id) && (await ctx.manager.exists(entity, { where: { id, projectId: input.projectId } })))) {
        throw badInput(`${field} ${id} is not part of this project`, field);
      }
    }
  }

  /**
   * Nobody may be in two overlapping sessions of any project. Per-person advisory locks make two
   * concurrent bookings of the same person wait for each other instead of both passing the check.
   */
  private async assertNoConflicts(ctx: RequestContext, userIds: string[], startsAt: Date, endsAt: Date, excludeSessionId: string | null) {
    if (!userIds.length) return;
    for (const id of [...userIds].sort()) await advisoryXactLock(ctx.manager, id);
    const [conflict]: Conflict[] = await ctx.manager.query(
      `SELECT s.id AS session_id, s.project_id, s.title, s.starts_at, s.ends_at, s.time_zone, p.user_id
         FROM training_session s
         JOIN LATERAL (SELECT s.trainer_id AS user_id UNION SELECT a.user_id FROM training_attendance a WHERE a.session_id = s.id) p ON true
        WHERE s.cancelled_at IS NULL AND s.starts_at < $2 AND s.ends_at > $1
          AND ($3::uuid IS NULL OR s.id <> $3::uuid) AND p.user_id = ANY($4::uuid[])
        ORDER BY s.starts_at LIMIT 1`,
      [startsAt, endsAt, excludeSessionId, userIds],
    );
    if (conflict) {
      const person = await ctx.manager.findOne(User, { where: { id: conflict.user_id }, select: { id: true, fullName: true } });
      // Another client's session is named only to those who may read its project.
      const visible = await this.access.canRead(ctx, conflict.project_id);
      const where = visible
        ? `"${conflict.title}" ${sessionTimes({ startsAt: conflict.starts_at, endsAt: conflict.ends_at, timeZone: conflict.time_zone })}`
        : 'a session of another project at that time';
      throw new DomainError(ErrorCode.SCHEDULE_CONFLICT, `${person?.fullName ?? conflict.user_id} is already booked in ${where}`,
        { conflictingSessionId: conflict.session_id, userId: conflict.user_id });
    }
  }

  private validTimeZone(zone: string | null | undefined): string | null {
    if (!zone) return null;
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return zone;
    } catch {
      throw badInput(`Unknown time zone "${zone}"; use an IANA name such as Europe/Moscow`, 'timeZone');
    }
  }
}
