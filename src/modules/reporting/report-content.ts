import type { ReportItem, ReportMilestone } from './dto/report.types';
import { nextPeriod } from './rating-rules';
import { renderReportItem, type ReportItemMessage } from './report-content-phrases';

/**
 * What a report lists (REPORTING.md "A report's content"), assembled from plain rows: pure, so
 * that a report can be checked by hand from the plan and the registers.
 */

export interface Period {
  start: string;
  end: string;
}

export interface ContentInput {
  period: Period;
  /** Tasks with their dates as of periodEnd. */
  tasks: readonly { id: string; name: string; start: string; actualFinish: string | null }[];
  milestones: readonly (ReportMilestone & { actualGoLive: string | null })[];
  criteria: readonly { id: string; text: string; priority: string; status: string; confirmedOn: string | null; waivedOn: string | null; waiverReason: string | null }[];
  gateDecisions: readonly { id: string; stageName: string | null; outcome: string; decidedOn: string; conditions: string | null }[];
  openRisks: readonly { id: string; title: string; probability: number; impact: number; proximity: string | null; ownerName: string | null; response: string | null }[];
  openIssues: readonly { id: string; title: string; type: string; priority: string; raisedOn: string; ownerName: string | null }[];
}

export interface ReportContent {
  thisPeriod: ReportItem[];
  nextPeriod: ReportItem[];
  milestones: ReportMilestone[];
  risks: ReportItem[];
  issues: ReportItem[];
}

const within = (date: string | null, p: Period): date is string => date !== null && date >= p.start && date <= p.end;
const byDateThenName = (a: ReportItem, b: ReportItem) => (a.date ?? '').localeCompare(b.date ?? '') || a.name.localeCompare(b.name);
/** A line; its detail (and a gate decision's name) in English for the API and as the message an export renders per locale. */
function item(refId: string, name: string | ReportItemMessage, date: string | null, detail: ReportItemMessage): ReportItem {
  const line: ReportItem = { refId, name: typeof name === 'string' ? name : renderReportItem(name, 'en'), date, detail: renderReportItem(detail, 'en'), detailMessage: detail };
  if (typeof name !== 'string') line.nameMessage = name;
  return line;
}
const none = {} as Record<string, never>;

export function buildReportContent(input: ContentInput): ReportContent {
  const { period } = input;
  const next = nextPeriod(period.start, period.end);

  const thisPeriod = [
    ...input.tasks.filter((t) => within(t.actualFinish, period)).map((t) => item(t.id, t.name, t.actualFinish, { key: 'item.taskFinished', params: none })),
    ...input.milestones.filter((m) => within(m.actualGoLive, period))
      .map((m) => item(m.milestoneId, m.name, m.actualGoLive, { key: 'item.milestoneWentLive', params: none })),
    ...input.criteria.filter((c) => c.status === 'CONFIRMED' && within(c.confirmedOn, period))
      .map((c) => item(c.id, c.text, c.confirmedOn, { key: 'item.criterionConfirmed', params: { priority: c.priority } })),
    ...input.criteria.filter((c) => c.status === 'WAIVED' && within(c.waivedOn, period))
      .map((c) => item(c.id, c.text, c.waivedOn, { key: 'item.criterionWaived', params: { priority: c.priority, reason: c.waiverReason || null } })),
    ...input.gateDecisions.filter((g) => within(g.decidedOn, period))
      .map((g) => item(g.id,
        g.stageName ? { key: 'item.gateOfStage', params: { stage: g.stageName } } : { key: 'item.supportTransition', params: none }, g.decidedOn,
        { key: 'item.gateDecision', params: { outcome: g.outcome, conditions: g.conditions || null } })),
  ].sort(byDateThenName);

  const nextPeriodItems = [
    ...input.tasks.filter((t) => t.actualFinish === null && within(t.start, next)).map((t) => item(t.id, t.name, t.start, { key: 'item.taskStarts', params: none })),
    ...input.milestones.filter((m) => m.actualGoLive === null && within(m.forecastGoLive, next))
      .map((m) => item(m.milestoneId, m.name, m.forecastGoLive, { key: 'item.milestoneGoesLive', params: none })),
  ].sort(byDateThenName);

  const milestones = input.milestones
    .map(({ actualGoLive: _actual, ...m }) => m)
    .sort((a, b) => (a.forecastGoLive ?? '9999').localeCompare(b.forecastGoLive ?? '9999') || a.name.localeCompare(b.name));

  // The registers come in their own order (open risks by score, issues by priority).
  const risks = input.openRisks.map((r) => item(r.id, r.title, r.proximity, { key: 'item.risk', params: {
    score: r.probability * r.impact, probability: r.probability, impact: r.impact, owner: r.ownerName, response: r.response || null,
  } }));
  const issues = input.openIssues.map((i) => item(i.id, i.title, i.raisedOn, { key: 'item.issue', params: { priority: i.priority, type: i.type, owner: i.ownerName } }));

  return { thisPeriod, nextPeriod: nextPeriodItems, milestones, risks, issues };
}
