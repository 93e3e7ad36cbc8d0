import type { ReportItem } from './dto/report.types';
import { buildReportContent, ContentInput } from './report-content';

const milestone = (id: string, forecastGoLive: string | null, actualGoLive: string | null = null) => ({
  milestoneId: id, name: `M ${id}`, plannedGoLive: forecastGoLive, baselineGoLive: forecastGoLive, forecastGoLive, varianceDays: 0, ready: true, actualGoLive,
});

const input = (over: Partial<ContentInput> = {}): ContentInput => ({
  period: { start: '2026-03-02', end: '2026-03-13' },
  tasks: [],
  milestones: [],
  criteria: [],
  gateDecisions: [],
  openRisks: [],
  openIssues: [],
  ...over,
});

/** A line as the API gives it (the messages are kept for exports, and checked separately). */
const api = ({ refId, name, date, detail }: ReportItem) => ({ refId, name, date, detail });

describe('buildReportContent', () => {
  it('this period: tasks finished, milestones launched, criteria confirmed or waived, gate decisions, in the period only, by date', () => {
    const c = buildReportContent(input({
      tasks: [
        { id: 't1', name: 'Kick-off', start: '2026-03-02', actualFinish: '2026-03-06' },
        { id: 't2', name: 'Before', start: '2026-02-20', actualFinish: '2026-03-01' },
        { id: 't3', name: 'Last day', start: '2026-03-10', actualFinish: '2026-03-13' },
      ],
      milestones: [milestone('m1', '2026-03-04', '2026-03-04'), milestone('m2', '2026-03-20', null)],
      criteria: [
        { id: 'c1', text: 'Signed', priority: 'MUST', status: 'CONFIRMED', confirmedOn: '2026-03-03', waivedOn: null, waiverReason: null },
        { id: 'c2', text: 'Waived', priority: 'SHOULD', status: 'WAIVED', confirmedOn: null, waivedOn: '2026-03-05', waiverReason: 'Agreed' },
        { id: 'c3', text: 'Rejected now', priority: 'MUST', status: 'REJECTED', confirmedOn: '2026-03-05', waivedOn: null, waiverReason: null },
      ],
      gateDecisions: [{ id: 'g1', stageName: 'Diagnostics', outcome: 'APPROVED', decidedOn: '2026-03-12', conditions: null }],
    }));
    expect(c.thisPeriod.map(api)).toEqual([
      { refId: 'c1', name: 'Signed', date: '2026-03-03', detail: 'criterion confirmed (MUST)' },
      { refId: 'm1', name: 'M m1', date: '2026-03-04', detail: 'milestone went live' },
      { refId: 'c2', name: 'Waived', date: '2026-03-05', detail: 'criterion waived (SHOULD): Agreed' },
      { refId: 't1', name: 'Kick-off', date: '2026-03-06', detail: 'task finished' },
      { refId: 'g1', name: 'Gate of stage "Diagnostics"', date: '2026-03-12', detail: 'gate decision APPROVED' },
      { refId: 't3', name: 'Last day', date: '2026-03-13', detail: 'task finished' },
    ]);
    expect(c.thisPeriod.map((i) => [i.detailMessage, i.nameMessage])).toEqual([
      [{ key: 'item.criterionConfirmed', params: { priority: 'MUST' } }, undefined],
      [{ key: 'item.milestoneWentLive', params: {} }, undefined],
      [{ key: 'item.criterionWaived', params: { priority: 'SHOULD', reason: 'Agreed' } }, undefined],
      [{ key: 'item.taskFinished', params: {} }, undefined],
      [{ key: 'item.gateDecision', params: { outcome: 'APPROVED', conditions: null } }, { key: 'item.gateOfStage', params: { stage: 'Diagnostics' } }],
      [{ key: 'item.taskFinished', params: {} }, undefined],
    ]);
  });

  it('next period (the same length right after periodEnd): tasks starting and milestones going live by forecast', () => {
    const c = buildReportContent(input({
      tasks: [
        { id: 'a', name: 'Starts next', start: '2026-03-14', actualFinish: null },
        { id: 'b', name: 'Starts last day', start: '2026-03-25', actualFinish: null },
        { id: 'c', name: 'Too late', start: '2026-03-26', actualFinish: null },
        { id: 'd', name: 'Done', start: '2026-03-16', actualFinish: '2026-03-10' },
      ],
      milestones: [milestone('m1', '2026-03-17'), milestone('m2', '2026-04-30'), milestone('m3', null)],
    }));
    expect(c.nextPeriod.map((i) => i.refId)).toEqual(['a', 'm1', 'b']);
    // Milestones by forecast go-live, those without one last; actualGoLive is not part of the row.
    expect(c.milestones.map((m) => m.milestoneId)).toEqual(['m1', 'm2', 'm3']);
    expect(c.milestones[0]).not.toHaveProperty('actualGoLive');
  });

  it('risks and issues keep the registers’ order and say score, owner and priority', () => {
    const c = buildReportContent(input({
      openRisks: [
        { id: 'r1', title: 'Big', probability: 4, impact: 4, proximity: '2026-04-01', ownerName: 'Anna', response: 'REDUCE' },
        { id: 'r2', title: 'Small', probability: 1, impact: 2, proximity: null, ownerName: null, response: null },
      ],
      openIssues: [{ id: 'i1', title: 'Invoices', type: 'PROBLEM', priority: 'HIGH', raisedOn: '2026-03-03', ownerName: null }],
    }));
    expect(c.risks.map(api)).toEqual([
      { refId: 'r1', name: 'Big', date: '2026-04-01', detail: 'score 16 (probability 4 × impact 4); owner: Anna; response REDUCE' },
      { refId: 'r2', name: 'Small', date: null, detail: 'score 2 (probability 1 × impact 2); owner: none' },
    ]);
    expect(c.risks[0].detailMessage).toEqual({ key: 'item.risk', params: { score: 16, probability: 4, impact: 4, owner: 'Anna', response: 'REDUCE' } });
    expect(c.issues.map(api)).toEqual([{ refId: 'i1', name: 'Invoices', date: '2026-03-03', detail: 'HIGH PROBLEM; owner: none' }]);
    expect(c.issues[0].detailMessage).toEqual({ key: 'item.issue', params: { priority: 'HIGH', type: 'PROBLEM', owner: null } });
  });

  it('names the support transition\'s gate decision, with its conditions', () => {
    const c = buildReportContent(input({ gateDecisions: [{ id: 'g', stageName: null, outcome: 'APPROVED_WITH_CONDITIONS', decidedOn: '2026-03-05', conditions: 'Hypercare staffed' }] }));
    expect(c.thisPeriod.map(api)).toEqual([{ refId: 'g', name: 'Support transition', date: '2026-03-05', detail: 'gate decision APPROVED_WITH_CONDITIONS: Hypercare staffed' }]);
    expect(c.thisPeriod[0].nameMessage).toEqual({ key: 'item.supportTransition', params: {} });
  });
});
