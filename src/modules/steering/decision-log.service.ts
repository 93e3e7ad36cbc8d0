import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../common/context/request-context';
import { byParentLoader } from '../../common/dataloaders/request-loaders';
import { GateOutcome } from '../plan/stage.enums';
import { compareLogEntries, gateDecisionText, meetingDecisionAt, meetingDecisionText, supportTransitionText, waiverText } from './decision-log';
import { DecisionLogEntry } from './dto/decision-log-entry.type';
import { ExceptionDecision, ExceptionDimension } from '../reporting/exceptions/exception.enums';
import { exceptionDecisionText } from '../reporting/exceptions/exception-rules';
import { DecisionKind, MeetingKind } from './steering.enums';

/** A log entry with the project it belongs to, so one statement serves every project of a request. */
type SourcedEntry = DecisionLogEntry & { projectId: string };

/**
 * One source of the decision log: a single statement reading the records that already hold one
 * kind of decision, for every project asked for. Adding a kind of decision is adding one of these.
 */
type DecisionSource = (ctx: RequestContext, projectIds: string[]) => Promise<SourcedEntry[]>;

const entry = (fields: SourcedEntry): SourcedEntry => Object.assign(new DecisionLogEntry(), fields);

const meetingDecisions: DecisionSource = async (ctx, projectIds) => {
  const rows: { id: string; project_id: string; text: string; due_date: string | null; recorded_at: Date; kind: MeetingKind; title: string; held_on: string; owner_name: string | null }[] =
    await ctx.manager.query(
      `SELECT d.id, d.project_id, d.text, d.due_date::text AS due_date, d.recorded_at, m.kind, m.title, m.held_on::text AS held_on, u.full_name AS owner_name
         FROM meeting_decision d
         JOIN steering_meeting m ON m.id = d.meeting_id
         LEFT JOIN app_user u ON u.id = d.owner_id
        WHERE d.project_id = ANY($1::uuid[])`,
      [projectIds],
    );
  return rows.map((r) => entry({
    projectId: r.project_id, kind: DecisionKind.MEETING, at: meetingDecisionAt(r.held_on), recordedAt: r.recorded_at,
    // The meeting decided, not the person who wrote the minutes: no single decider.
    decidedById: null, refId: r.id,
    text: meetingDecisionText({ kind: r.kind, title: r.title, heldOn: r.held_on, text: r.text, ownerName: r.owner_name, dueDate: r.due_date }),
  }));
};

const gateDecisions: DecisionSource = async (ctx, projectIds) => {
  const rows: { project_id: string; stage_id: string; outcome: GateOutcome; conditions: string | null; decided_by_id: string; decided_at: Date; stage_name: string }[] =
    await ctx.manager.query(
      `SELECT g.project_id, g.stage_id, g.outcome, g.conditions, g.decided_by_id, g.decided_at, s.name AS stage_name
         FROM gate_decision g JOIN stage s ON s.id = g.stage_id
        WHERE g.project_id = ANY($1::uuid[])`,
      [projectIds],
    );
  return rows.map((r) => entry({
    projectId: r.project_id, kind: DecisionKind.GATE, at: r.decided_at, recordedAt: r.decided_at, decidedById: r.decided_by_id, refId: r.stage_id,
    text: gateDecisionText({ stageName: r.stage_name, outcome: r.outcome, conditions: r.conditions }),
  }));
};

const waivers: DecisionSource = async (ctx, projectIds) => {
  const rows: { id: string; project_id: string; text: string; priority: string; waiver_reason: string | null; waived_by_id: string; waived_at: Date }[] =
    await ctx.manager.query(
      `SELECT c.id, c.project_id, c.text, c.priority, c.waiver_reason, c.waived_by_id, c.waived_at
         FROM criterion c
        WHERE c.project_id = ANY($1::uuid[]) AND c.waived_at IS NOT NULL`,
      [projectIds],
    );
  return rows.map((r) => entry({
    projectId: r.project_id, kind: DecisionKind.WAIVER, at: r.waived_at, recordedAt: r.waived_at, decidedById: r.waived_by_id, refId: r.id,
    text: waiverText({ criterionText: r.text, priority: r.priority, reason: r.waiver_reason }),
  }));
};

/** The client's decisions on the move to support: gate decisions without a stage (decideSupportTransition). */
const supportTransitionDecisions: DecisionSource = async (ctx, projectIds) => {
  const rows: { project_id: string; outcome: GateOutcome; conditions: string | null; decided_by_id: string; decided_at: Date }[] =
    await ctx.manager.query(
      `SELECT g.project_id, g.outcome, g.conditions, g.decided_by_id, g.decided_at
         FROM gate_decision g
        WHERE g.project_id = ANY($1::uuid[]) AND g.stage_id IS NULL`,
      [projectIds],
    );
  return rows.map((r) => entry({
    projectId: r.project_id, kind: DecisionKind.SUPPORT_TRANSITION, at: r.decided_at, recordedAt: r.decided_at, decidedById: r.decided_by_id, refId: r.project_id,
    text: supportTransitionText({ outcome: r.outcome, conditions: r.conditions }),
  }));
};

/**
 * The steering committee's decisions on exceptions: the request for an exception plan (kept on
 * the row after a closing decision) and the closing decision (an approved plan or a premature close).
 */
const exceptionDecisions: DecisionSource = async (ctx, projectIds) => {
  const rows: {
    id: string; project_id: string; dimension: ExceptionDimension; decision: ExceptionDecision | null; decided_by_id: string | null; decided_at: Date | null; note: string | null;
    plan_requested_by_id: string | null; plan_requested_at: Date | null; plan_request_note: string | null; period_start: string; period_end: string;
  }[] = await ctx.manager.query(
    `SELECT e.id, e.project_id, e.dimension, e.decision, e.decided_by_id, e.decided_at, e.note,
            e.plan_requested_by_id, e.plan_requested_at, e.plan_request_note, r.period_start::text AS period_start, r.period_end::text AS period_end
       FROM project_exception e JOIN status_report r ON r.id = e.report_id
      WHERE e.project_id = ANY($1::uuid[]) AND (e.plan_requested_at IS NOT NULL OR NOT e.open)`,
    [projectIds],
  );
  return rows.flatMap((r) => {
    const report = { periodStart: r.period_start, periodEnd: r.period_end };
    const request = r.plan_requested_at ? [entry({
      projectId: r.project_id, kind: DecisionKind.EXCEPTION, at: r.plan_requested_at, recordedAt: r.plan_requested_at, decidedById: r.plan_requested_by_id, refId: r.id,
      text: exceptionDecisionText({ dimension: r.dimension, report, decision: ExceptionDecision.REQUEST_EXCEPTION_PLAN, note: r.plan_request_note }),
    })] : [];
    const closing = r.decision && r.decision !== ExceptionDecision.REQUEST_EXCEPTION_PLAN ? [entry({
      projectId: r.project_id, kind: DecisionKind.EXCEPTION, at: r.decided_at!, recordedAt: r.decided_at!, decidedById: r.decided_by_id, refId: r.id,
      text: exceptionDecisionText({ dimension: r.dimension, report, decision: r.decision, note: r.note }),
    })] : [];
    return [...request, ...closing];
  });
};

/** Every source of the log. */
const SOURCES: readonly DecisionSource[] = [meetingDecisions, gateDecisions, waivers, exceptionDecisions, supportTransitionDecisions];

/**
 * Project.decisionLog (REPORTING.md "Steering"): every decision the system knows, oldest first,
 * read from the records that hold them — no copy is kept, so the log cannot drift from them.
 * A fixed number of statements per request, one per source, whatever the number of projects or rows.
 */
@Injectable()
export class DecisionLogService {
  forProject(ctx: RequestContext, projectId: string): Promise<DecisionLogEntry[]> {
    return byParentLoader(ctx, 'decisionLogByProject', async (ids) => {
      const sourced = await Promise.all(SOURCES.map((source) => source(ctx, [...ids])));
      return sourced.flat().sort(compareLogEntries);
    }, (row) => (row as SourcedEntry).projectId).load(projectId);
  }
}
