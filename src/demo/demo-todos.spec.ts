import { ConfirmationDecision, CriterionStatus, Priority } from '../modules/criterion/criterion.enums';
import { AttendanceStatus } from '../modules/training/training.enums';
import { ProjectState, todosOf } from './demo-todos';

const now = new Date('2026-03-02T09:00:00Z');
const criterion = (over: Partial<ProjectState['openCriteria'][number]>): ProjectState['openCriteria'][number] => ({
  text: 'Scenarios pass', where: 'exit criterion of "Configuration"', priority: Priority.MUST, status: CriterionStatus.PENDING,
  confirmerIds: ['ku'], decisions: [], ...over,
});
const state = (over: Partial<ProjectState> = {}): ProjectState => ({
  now, names: new Map([['ku', 'Elena'], ['ku2', 'Sergey']]), stagesAwaitingGate: [], openCriteria: [], sessions: [], coverageGaps: [],
  health: { schedule: 'GREEN', forecastFinish: '2026-06-01', baselineFinish: '2026-06-01', varianceDays: 0 }, openIssues: [], openRisks: [], openDecisions: [], ...over,
});
const keyUser = { id: 'ku', roles: ['KEY_USER'] };
const committee = { id: 'sc', roles: ['STEERING_COMMITTEE'] };
const manager = { id: 'pm', roles: ['PROJECT_MANAGER'] };

describe('todosOf', () => {
  it('asks a confirmer for their word on an open criterion until they give it or it is settled', () => {
    expect(todosOf(keyUser, state({ openCriteria: [criterion({})] }))).toEqual([
      'confirm or reject "Scenarios pass" (exit criterion of "Configuration"): confirmCriterion / rejectCriterion',
    ]);
    const rejected = criterion({ status: CriterionStatus.REJECTED, decisions: [{ userId: 'ku', decision: ConfirmationDecision.REJECTED, comment: 'No' }] });
    expect(todosOf(keyUser, state({ openCriteria: [rejected] }))).toEqual([]);
    expect(todosOf(keyUser, state({ openCriteria: [criterion({ status: CriterionStatus.WAIVED })] }))).toEqual([]);
    expect(todosOf({ id: 'other', roles: ['KEY_USER'] }, state({ openCriteria: [criterion({})] }))).toEqual([]);
  });

  it('gives the steering committee the gates awaiting a decision and the rejected MUST criteria only a waiver closes', () => {
    const rejectedMust = criterion({ confirmerIds: ['ku2'], status: CriterionStatus.REJECTED, decisions: [{ userId: 'ku2', decision: ConfirmationDecision.REJECTED, comment: 'No test copy' }] });
    const rejectedShould = { ...rejectedMust, text: 'Rollback plan', priority: Priority.SHOULD };
    const todos = todosOf(committee, state({ stagesAwaitingGate: ['Configuration'], openCriteria: [rejectedMust, rejectedShould] }));
    expect(todos).toHaveLength(2);
    expect(todos[0]).toMatch(/^decide the gate of "Configuration"/);
    expect(todos[1]).toBe('waive "Scenarios pass" (exit criterion of "Configuration") or let the rejection stand (waiveCriterion): Sergey rejected it: "No test copy"');
  });

  it('gives the project manager the rejections to address, a slipping schedule and the coverage gaps', () => {
    const rejected = criterion({ priority: Priority.SHOULD, status: CriterionStatus.REJECTED, decisions: [{ userId: 'ku', decision: ConfirmationDecision.REJECTED, comment: 'Who switches back?' }] });
    const health = { schedule: 'AMBER', forecastFinish: '2026-06-10', baselineFinish: '2026-06-01', varianceDays: 7 };
    expect(todosOf(manager, state({ openCriteria: [rejected], health, coverageGaps: ['Portal', 'Payments in Tula', 'Notifications'] }))).toEqual([
      'address the rejection of "Scenarios pass" (exit criterion of "Configuration") and ask for a new decision: Elena rejected it: "Who switches back?"',
      'schedule health is AMBER: the forecast finish 2026-06-10 is 7 working days after the baseline\'s 2026-06-01; recover the slip or take it to the steering committee',
      'find key users where coverage has gaps (assignKeyUser), 3 in all, e.g. Portal; Payments in Tula',
    ]);
    expect(todosOf(manager, state())).toEqual([]);
  });

  it('gives the project manager the open issues, the most urgent first, and the open risks scoring 8 or more', () => {
    const openIssues = [
      { title: 'Delivery notes without batch numbers', priority: 'HIGH', ownerId: 'ku' },
      { title: 'Minimum load per route', priority: 'MEDIUM', ownerId: null },
    ];
    const openRisks = [{ title: 'Inbound integration untested', score: 12 }, { title: 'Key users for later functions', score: 8 }, { title: 'Holiday peak', score: 6 }];
    expect(todosOf(manager, state({ openIssues, openRisks }))).toEqual([
      'work the issue register (updateIssue): 2 open, first "Delivery notes without batch numbers" (HIGH, owner Elena)',
      'review the risks scoring 8 or more with their owners (updateRisk): "Inbound integration untested" (12), "Key users for later functions" (8)',
    ]);
    expect(todosOf(manager, state({ openIssues: openIssues.slice(1), openRisks: openRisks.slice(2) }))).toEqual([
      'work the issue register (updateIssue): 1 open, first "Minimum load per route" (MEDIUM, no owner yet)',
    ]);
    // Registers are the project manager's: nobody else is asked to work them.
    expect(todosOf(keyUser, state({ openIssues, openRisks }))).toEqual([]);
  });

  it('has the trainer give upcoming sessions and record attendance of begun ones, and invitees attend', () => {
    const session = (startsAt: string, attendance: { userId: string; status: AttendanceStatus }[]) =>
      ({ title: 'Order intake', startsAt: new Date(startsAt), timeZone: 'Europe/Moscow', trainerId: 'tr', attendance });
    const trainer = { id: 'tr', roles: ['TRAINER'] };
    const upcoming = session('2026-03-04T07:00:00Z', [{ userId: 'ku', status: AttendanceStatus.INVITED }]);
    const begun = session('2026-03-01T07:00:00Z', [{ userId: 'ku', status: AttendanceStatus.INVITED }]);
    const recorded = session('2026-02-20T07:00:00Z', [{ userId: 'ku', status: AttendanceStatus.ATTENDED }]);
    expect(todosOf(trainer, state({ sessions: [recorded, begun, upcoming] }))).toEqual([
      'record attendance at "Order intake" of 2026-03-01 10:00+03:00 (recordAttendance)',
      'give "Order intake" at 2026-03-04 10:00+03:00 to 1 invited (recordAttendance once it begins)',
    ]);
    expect(todosOf(keyUser, state({ sessions: [recorded, begun, upcoming] }))).toEqual(['attend "Order intake" at 2026-03-04 10:00+03:00']);
    const excused = session('2026-03-04T07:00:00Z', [{ userId: 'ku', status: AttendanceStatus.EXCUSED }]);
    expect(todosOf(keyUser, state({ sessions: [excused] }))).toEqual([]);
  });

  it('leaves an observer with nothing pending the project to follow', () => {
    expect(todosOf({ id: 'ob', roles: ['OBSERVER'] }, state())).toEqual([
      'follow the project read-only: its health, the gate decisions and who confirmed, rejected or waived which criterion',
    ]);
  });

  it('asks the owner of an open meeting decision to carry it out, whatever their role', () => {
    const openDecisions = [
      { text: 'Name key users for the later functions', ownerId: 'sc', dueDate: '2026-03-16', meeting: '"Steering committee" of 2026-03-02' },
      { text: 'Fix the delivery notes', ownerId: 'ku', dueDate: null, meeting: '"Weekly status" of 2026-03-02' },
    ];
    expect(todosOf(committee, state({ openDecisions }))).toEqual([
      'carry out "Name key users for the later functions" (decided at "Steering committee" of 2026-03-02, due 2026-03-16), then mark it done (updateDecision)',
    ]);
    expect(todosOf(keyUser, state({ openDecisions }))).toEqual(['carry out "Fix the delivery notes" (decided at "Weekly status" of 2026-03-02), then mark it done (updateDecision)']);
    expect(todosOf(manager, state({ openDecisions }))).toEqual([]);
  });
});
