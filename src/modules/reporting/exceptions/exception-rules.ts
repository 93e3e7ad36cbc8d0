import { Rag } from '../../schedule/rag.enum';
import { RagDimension } from '../reporting.enums';
import { ExceptionDecision, ExceptionDimension } from './exception.enums';

/** What raising needs of one computed rating (the reporting module's RagRating has these fields). */
export interface ComputedRating {
  dimension: RagDimension;
  /** The computed rating, never the PM's override: an override does not hide a broken tolerance. */
  computed: Rag | null;
  basis: string;
}

export interface ReportPeriod {
  periodStart: string;
  periodEnd: string;
}

const RAISING: readonly ExceptionDimension[] = [ExceptionDimension.SCHEDULE, ExceptionDimension.COST];

/** The schedule and cost ratings computed RED, in that order: one exception each. */
export function ratingsRaisingExceptions(ratings: readonly ComputedRating[]): { dimension: ExceptionDimension; basis: string }[] {
  return RAISING.flatMap((dimension) => {
    const rating = ratings.find((r) => r.dimension === (dimension as string));
    return rating && rating.computed === Rag.RED ? [{ dimension, basis: rating.basis }] : [];
  });
}

/** "Status report 2026-03-02 – 2026-03-13" */
export const reportName = (report: ReportPeriod): string => `Status report ${report.periodStart} – ${report.periodEnd}`;

/**
 * The exception's description: the report and the rating's basis, which names the forecast and
 * the tolerance ("Status report 2026-03-02 – 2026-03-13: forecast 2026-09-14 is 14 working days
 * after baseline 2026-08-25; tolerance 10").
 */
export const exceptionDescription = (report: ReportPeriod, basis: string): string => `${reportName(report)}: ${basis}`;

const DIMENSION_WORDS: Record<ExceptionDimension, string> = {
  [ExceptionDimension.SCHEDULE]: 'schedule',
  [ExceptionDimension.COST]: 'cost',
};

/** The baseline an approved exception plan captures: "Exception plan: schedule, status report 2026-03-02 – 2026-03-13". */
export const exceptionPlanBaselineName = (dimension: ExceptionDimension, report: ReportPeriod): string =>
  `Exception plan: ${DIMENSION_WORDS[dimension]}, status report ${report.periodStart} – ${report.periodEnd}`;

/** Whether a decision closes the exception; requesting a plan keeps it open for the next report. */
export const closesException = (decision: ExceptionDecision): boolean => decision !== ExceptionDecision.REQUEST_EXCEPTION_PLAN;

export interface ExceptionState {
  open: boolean;
  decision: ExceptionDecision | null;
  decidedAt: Date | null;
  decidedByName: string | null;
  planRequestedAt: Date | null;
}

const on = (at: Date | null) => (at ? `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC` : 'an unknown time');

/**
 * Why this decision may not be taken on the exception now, with the field at fault, or null.
 * An exception is decided once: once closed (plan approved, or project closed prematurely) no
 * further decision; requesting an exception plan may be done once and is followed by a closing
 * decision.
 */
export function whyDecisionRefused(exception: ExceptionState, decision: ExceptionDecision): { field: 'id' | 'decision'; message: string } | null {
  if (!exception.open) {
    return {
      field: 'id',
      message: `The exception was already decided: ${exception.decision} on ${on(exception.decidedAt)} by ${exception.decidedByName ?? 'the steering committee'}; an exception is decided once`,
    };
  }
  if (decision === ExceptionDecision.REQUEST_EXCEPTION_PLAN && exception.planRequestedAt) {
    return {
      field: 'decision',
      message: `An exception plan was already requested on ${on(exception.planRequestedAt)}; approve it (APPROVE_EXCEPTION_PLAN) or close the project prematurely (PREMATURE_CLOSE)`,
    };
  }
  return null;
}

const DECISION_WORDS: Record<ExceptionDecision, string> = {
  [ExceptionDecision.APPROVE_EXCEPTION_PLAN]: 'exception plan approved',
  [ExceptionDecision.REQUEST_EXCEPTION_PLAN]: 'exception plan requested',
  [ExceptionDecision.PREMATURE_CLOSE]: 'project closed prematurely',
};

/** The decision log's text: `Exception on schedule, status report 2026-03-02 – 2026-03-13: exception plan approved: <note>`. */
export function exceptionDecisionText(d: { dimension: ExceptionDimension; report: ReportPeriod; decision: ExceptionDecision; note: string | null }): string {
  return `Exception on ${DIMENSION_WORDS[d.dimension]}, status report ${d.report.periodStart} – ${d.report.periodEnd}: ${DECISION_WORDS[d.decision]}${d.note ? `: ${d.note}` : ''}`;
}

/** A note: trimmed; empty is none. */
export const normaliseNote = (note: string | null | undefined): string | null => note?.trim() || null;
