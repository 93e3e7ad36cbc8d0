import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { RequestContext } from '../../common/context/request-context';
import { byIdLoader, byParentLoader } from '../../common/dataloaders/request-loaders';
import { findByIdOrFail, isUuid } from '../../common/database/find-by-id';
import { forbidden, staleVersion } from '../../common/errors/domain-error';
import { AccessService } from '../auth/access.service';
import { rolesAllow } from '../auth/project-permissions';
import { User } from '../auth/entities/user.entity';
import { MembershipService } from '../people/membership.service';
import { Project } from '../project/entities/project.entity';
import { StatusReport } from '../reporting/entities/status-report.entity';
import { AddDecisionInput, RecordMeetingInput } from './dto/steering.inputs';
import { MeetingAttendee } from './entities/meeting-attendee.entity';
import { MeetingDecision } from './entities/meeting-decision.entity';
import { MeetingReport } from './entities/meeting-report.entity';
import { SteeringMeeting } from './entities/steering-meeting.entity';
import { DecisionStatus } from './steering.enums';
import {
  compareDecisionsInOrderTaken, compareMeetingsNewestFirst, MinutesCaller, requireAttendees, requireDecisionText, requireDueDate, requireHeldOn,
  requireMeetingTitle, requireReviewableReports, whyMayNotKeepMinutes, whyMayNotUpdateDecision,
} from './steering-rules';

/**
 * Meetings and their decisions (REPORTING.md "Steering"). The guard admits the caller by role
 * (keepMinutes, or any member for updateDecision); the rules that depend on the meeting's kind or
 * on the decision's owner are checked here (steering-rules.ts), before anything is written.
 */
@Injectable()
export class SteeringService {
  constructor(
    private readonly access: AccessService,
    private readonly memberships: MembershipService,
  ) {}

  async recordMeeting(ctx: RequestContext, input: RecordMeetingInput): Promise<SteeringMeeting> {
    const user = this.access.requireUser(ctx);
    // Attendees' memberships cannot change until the meeting is on record (person locks first).
    await this.memberships.holdPeople(ctx, input.attendeeIds);
    await findByIdOrFail(ctx, Project, input.projectId, 'Project');
    this.assertMayKeepMinutes(await this.caller(ctx, input.projectId), input.kind);
    const title = requireMeetingTitle(input.title);
    const heldOn = requireHeldOn(input.heldOn);
    const attendeeIds = requireAttendees(input.attendeeIds);
    await this.memberships.assertMembers(ctx, input.projectId, attendeeIds, 'attendeeIds', 'Attendees');
    const reportIds = await this.reviewableReports(ctx, input.projectId, input.reportIds ?? []);
    const meeting = await ctx.manager.save(ctx.manager.create(SteeringMeeting, {
      projectId: input.projectId, kind: input.kind, heldOn, title, recordedById: user.id,
    }));
    await ctx.manager.insert(MeetingAttendee, attendeeIds.map((userId) => ({ meetingId: meeting.id, userId })));
    if (reportIds.length) await ctx.manager.insert(MeetingReport, reportIds.map((reportId) => ({ meetingId: meeting.id, reportId })));
    ctx.forget('loader:meetingsByProject');
    ctx.forget('loader:decisionLogByProject');
    ctx.forget('loader:reportsByMeeting');
    return meeting;
  }

  async addDecision(ctx: RequestContext, input: AddDecisionInput): Promise<MeetingDecision> {
    const user = this.access.requireUser(ctx);
    await this.memberships.holdPeople(ctx, [input.ownerId]);
    const meeting = await findByIdOrFail(ctx, SteeringMeeting, input.meetingId, 'Meeting');
    this.assertMayKeepMinutes(await this.caller(ctx, meeting.projectId), meeting.kind);
    const text = requireDecisionText(input.text);
    const dueDate = requireDueDate(input.dueDate, meeting.heldOn);
    if (input.ownerId != null) await this.memberships.assertMembers(ctx, meeting.projectId, [input.ownerId], 'ownerId', 'Owners of decisions');
    const decision = await ctx.manager.save(ctx.manager.create(MeetingDecision, {
      projectId: meeting.projectId, meetingId: meeting.id, text, ownerId: input.ownerId ?? null, dueDate, recordedById: user.id,
    }));
    ctx.forget('loader:decisionsByMeeting');
    ctx.forget('loader:decisionLogByProject');
    return decision;
  }

  async updateDecision(ctx: RequestContext, id: string, version: number, status: DecisionStatus): Promise<MeetingDecision> {
    const decision = await findByIdOrFail(ctx, MeetingDecision, id, 'Decision', { lock: true });
    const meeting = await ctx.manager.findOneByOrFail(SteeringMeeting, { id: decision.meetingId });
    const why = whyMayNotUpdateDecision(await this.caller(ctx, decision.projectId), decision, meeting.kind);
    if (why) throw forbidden(why);
    if (decision.version !== version) throw staleVersion('Decision', decision.id, version, decision.version);
    if (decision.status === status) return decision;
    decision.status = status;
    const saved = await ctx.manager.save(decision);
    ctx.forget('loader:decisionsByMeeting');
    return saved;
  }

  /** Project.meetings, newest first; one query for every project of a request. */
  meetings(ctx: RequestContext, projectId: string): Promise<SteeringMeeting[]> {
    return byParentLoader(ctx, 'meetingsByProject',
      async (ids) => (await ctx.manager.find(SteeringMeeting, { where: { projectId: In([...ids]) } })).sort(compareMeetingsNewestFirst),
      (row) => row.projectId).load(projectId);
  }

  /** A meeting's decisions in the order taken; one query for every meeting of a request. */
  decisions(ctx: RequestContext, meetingId: string): Promise<MeetingDecision[]> {
    return byParentLoader(ctx, 'decisionsByMeeting',
      async (ids) => (await ctx.manager.find(MeetingDecision, { where: { meetingId: In([...ids]) } })).sort(compareDecisionsInOrderTaken),
      (row) => row.meetingId).load(meetingId);
  }

  /** A meeting's attendees by name; one query for every meeting of a request. */
  async attendees(ctx: RequestContext, meetingId: string): Promise<User[]> {
    const rows = await byParentLoader(ctx, 'attendeesByMeeting',
      (ids) => ctx.manager.createQueryBuilder(MeetingAttendee, 'a')
        .innerJoinAndSelect('a.user', 'u')
        .where('a.meeting_id IN (:...ids)', { ids: [...ids] })
        .orderBy('u.fullName').addOrderBy('u.id')
        .getMany(),
      (row) => row.meetingId).load(meetingId);
    return rows.map((row) => row.user!);
  }

  /** The status reports a meeting reviewed, oldest period first (drafts included); one query for every meeting of a request. */
  async reportsReviewed(ctx: RequestContext, meetingId: string): Promise<StatusReport[]> {
    const rows = await byParentLoader(ctx, 'reportsByMeeting',
      (ids) => ctx.manager.createQueryBuilder(MeetingReport, 'mr')
        .innerJoinAndSelect('mr.report', 'r')
        .where('mr.meeting_id IN (:...ids)', { ids: [...ids] })
        .orderBy('r.periodStart').addOrderBy('r.id')
        .getMany(),
      (row) => row.meetingId).load(meetingId);
    return rows.map((row) => row.report!);
  }

  /** Decision.meeting; one query for every decision of a request. */
  async meeting(ctx: RequestContext, meetingId: string): Promise<SteeringMeeting> {
    const meeting = await byIdLoader(ctx, 'meetingsById', (ids) => ctx.manager.findBy(SteeringMeeting, { id: In([...ids]) }), (row) => row.id).load(meetingId);
    return meeting!;
  }

  /** The ids of reports the meeting reviewed, checked against what the recorder can see (steering-rules.ts). */
  private async reviewableReports(ctx: RequestContext, projectId: string, reportIds: readonly string[]): Promise<string[]> {
    if (reportIds.length === 0) return [];
    const wellFormed = [...new Set(reportIds)].filter(isUuid);
    const rows = wellFormed.length
      ? await ctx.manager.find(StatusReport, { where: { id: In(wellFormed) }, select: { id: true, projectId: true, publishedAt: true } })
      : [];
    const user = this.access.requireUser(ctx);
    const maySeeDrafts = user.isAdmin || rolesAllow(await this.access.rolesIn(ctx, projectId), 'readDraftReports');
    return requireReviewableReports(projectId, reportIds, rows.map((r) => ({ id: r.id, projectId: r.projectId, published: r.publishedAt !== null })), maySeeDrafts);
  }

  private async caller(ctx: RequestContext, projectId: string): Promise<MinutesCaller> {
    const user = this.access.requireUser(ctx);
    return { id: user.id, isAdmin: user.isAdmin, roles: await this.access.rolesIn(ctx, projectId) };
  }

  private assertMayKeepMinutes(caller: MinutesCaller, kind: SteeringMeeting['kind']): void {
    const why = whyMayNotKeepMinutes(caller, kind);
    if (why) throw forbidden(why);
  }
}
