import { todayIso } from '../../src/common/clock';
import { CalendarService } from '../../src/modules/calendar/calendar.service';
import { loadDemo } from '../../src/demo/demo-loader';
import {
  DEMO_BUDGET, DEMO_EXCEPTION, DEMO_OPEN_DECISION, DEMO_OVERRIDE, DEMO_PASSWORD, DEMO_PEOPLE, DEMO_PROJECT, DEMO_REPORTS, DEMO_SLIP, DEMO_TERRITORIES,
} from '../../src/demo/demo-rollout';
import { runDemo } from '../../src/demo/run-demo';
import { TestApp } from '../support/test-app';

const [pm, sponsor, supplier, elena, olga, sergey, igor, marina] = DEMO_PEOPLE;
type Person = (typeof DEMO_PEOPLE)[number];

const PROJECT_VIEW = `query($id: ID!) { project(id: $id) {
  code status startDate timeToleranceDays calendar { code } territories { id name } members { role user { email } }
  stages { id kind name sequence status plannedStart plannedFinish actualStart actualFinish gateDecision { outcome decidedBy { email } }
    exitCriteria { id text priority status confirmers { id } confirmations { user { id } decision comment } } }
  milestones { name plannedGoLive baselineGoLive varianceDays functionArea { name } territory { name } }
  baselines { name } health { schedule overall forecastFinish baselineFinish varianceDays } keyUsers { id }
  trainingSessions { title startsAt trainer { id } attendance { user { id } status } }
  keyUserCoverage { gaps { functionArea { name } territory { name } } }
  statusDate tasks { name stage { id } start finish actualStart actualFinish percentComplete }
  risks { title score proximity status response owner { email } }
  issues { title type priority status resolution raisedBy { email } owner { email } } } }`;

describe('demo rollout (e2e)', () => {
  let t: TestApp;
  /** The load day as the service's clock saw it (the test may straddle midnight). */
  let loadDays: string[];

  const signIn = async (app: TestApp, person: Person): Promise<string> =>
    (await app.ok('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: person.email, p: DEMO_PASSWORD })).login.token;
  const projectAs = async (app: TestApp, person: Person) =>
    (await app.ok(PROJECT_VIEW, { id: DEMO_PROJECT.id }, await signIn(app, person))).project;
  const sortedStages = (project: any) => [...project.stages].sort((a: any, b: any) => a.sequence - b.sequence);
  /** Open exit criteria waiting for this person's word: they confirm it and have not decided yet. */
  const waitingFor = (project: any, person: Person) => sortedStages(project)
    .filter((s: any) => s.status !== 'CLOSED')
    .flatMap((s: any) => s.exitCriteria)
    .filter((c: any) => c.status !== 'CONFIRMED' && c.status !== 'WAIVED' && c.confirmers.some((u: any) => u.id === person.id) &&
      !c.confirmations.some((d: any) => d.user.id === person.id));

  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t.close());

  it('loads once, mid-flight around the load day: past stages closed through gates, the current one at its gate', async () => {
    const before = todayIso();
    expect(await loadDemo(t.app)).toBe(true);
    loadDays = [before, todayIso()];
    expect(await loadDemo(t.app)).toBe(false);
    const today = loadDays[0];
    const project = await projectAs(t, pm);
    expect(project).toMatchObject({ code: 'DEMO-FOOD', status: 'IN_PROGRESS', calendar: { code: 'RU' } });
    expect(project.baselines.map((b: any) => b.name)).toEqual([expect.stringMatching(/^Exception plan: schedule, status report /), 'Approved plan']);
    expect(project.startDate < today).toBe(true);
    expect(project.territories.map((x: any) => x.id).sort()).toEqual(DEMO_TERRITORIES.map((x) => x.id).sort());
    expect(project.members.length).toBeGreaterThanOrEqual(DEMO_PEOPLE.length);

    // The first stages lie in the past, closed through the sponsor's approvals.
    const stages = sortedStages(project);
    const current = stages.findIndex((s: any) => s.kind === 'CONFIGURATION');
    expect(current).toBeGreaterThanOrEqual(2);
    for (const stage of stages.slice(0, current)) {
      expect(stage).toMatchObject({ status: 'CLOSED', actualStart: stage.plannedStart, actualFinish: stage.plannedFinish });
      expect(stage.plannedFinish < today).toBe(true);
      expect(['APPROVED', 'APPROVED_WITH_CONDITIONS']).toContain(stage.gateDecision.outcome);
      expect(stage.gateDecision.decidedBy.email).toBe(sponsor.email);
      expect(stage.exitCriteria.filter((c: any) => c.priority === 'MUST').every((c: any) => ['CONFIRMED', 'WAIVED'].includes(c.status))).toBe(true);
    }
    // The current stage spans the load day and awaits its gate; the later ones have not begun.
    const gate = stages[current];
    expect(gate).toMatchObject({ status: 'AWAITING_GATE', actualStart: gate.plannedStart, actualFinish: null, gateDecision: null });
    expect(gate.plannedStart <= today && loadDays[1] <= gate.plannedFinish).toBe(true);
    for (const stage of stages.slice(current + 1)) {
      expect(stage.status).toBe('NOT_STARTED');
      expect(stage.plannedStart > loadDays[1]).toBe(true);
    }

    // The waves come after the current stage and slipped past the baseline: health AMBER.
    expect(project.milestones).toHaveLength(6);
    expect(new Set(project.milestones.map((m: any) => m.functionArea.name))).toEqual(new Set(['Order intake', 'Document issuing']));
    expect(new Set(project.milestones.map((m: any) => m.plannedGoLive)).size).toBe(6);
    for (const m of project.milestones) {
      expect(m.plannedGoLive > loadDays[1]).toBe(true);
      expect(m.varianceDays).toBe(DEMO_SLIP.extraDays);
    }
    expect(project.health).toMatchObject({ schedule: 'AMBER', overall: 'AMBER' });
    expect(project.health.varianceDays).toBeGreaterThan(project.timeToleranceDays / 2);
    expect(project.health.varianceDays).toBeLessThanOrEqual(project.timeToleranceDays);
    expect(project.health.forecastFinish > project.health.baselineFinish).toBe(true);

    // Training: a past session with its attendance recorded, upcoming ones with invitations.
    const now = Date.now();
    const past = project.trainingSessions.filter((s: any) => Date.parse(s.startsAt) < now);
    const upcoming = project.trainingSessions.filter((s: any) => Date.parse(s.startsAt) > now);
    expect(past).toHaveLength(1);
    expect(past[0].attendance.map((a: any) => a.status).sort()).toEqual(['ABSENT', 'ATTENDED', 'ATTENDED']);
    expect(upcoming).toHaveLength(2);
    expect(upcoming.flatMap((s: any) => s.attendance).every((a: any) => a.status === 'INVITED')).toBe(true);

    expect(project.keyUsers).toHaveLength(3);
    // The two wave functions are covered in every territory; the later functions still need key users.
    const gapAreas = new Set(project.keyUserCoverage.gaps.map((g: any) => g.functionArea.name));
    expect(gapAreas.has('Order intake') || gapAreas.has('Document issuing')).toBe(false);
    expect(gapAreas.has('Self-service portal')).toBe(true);
  });

  it('records progress as of the status date, the last working day before the load day: closed stages done, the current one partly', async () => {
    const project = await projectAs(t, pm);
    const calendar = t.app.get(CalendarService).require('RU');
    const lastWorkingDayBefore = (day: string) => calendar.dateOfWorkingDay(calendar.startPoint(day) - 1);
    const statusDate: string = project.statusDate;
    expect(loadDays.map(lastWorkingDayBefore)).toContain(statusDate);
    const stages = sortedStages(project);
    const current = stages.findIndex((s: any) => s.kind === 'CONFIGURATION');
    const tasksOf = (stage: any) => project.tasks.filter((x: any) => x.stage?.id === stage.id);

    // Closed stages: every task finished on its actual dates, which the schedule shows.
    for (const stage of stages.slice(0, current)) {
      expect(tasksOf(stage).length).toBeGreaterThan(0);
      for (const task of tasksOf(stage)) {
        expect(task).toMatchObject({ percentComplete: 100, start: task.actualStart, finish: task.actualFinish });
        expect(task.actualFinish <= stage.actualFinish).toBe(true);
      }
    }
    // The current stage: work finished, work under way with a realistic share done, none pending in the past.
    const configuration = tasksOf(stages[current]);
    const finished = configuration.filter((x: any) => x.actualFinish);
    const underway = configuration.filter((x: any) => x.actualStart && !x.actualFinish);
    expect(finished.length).toBeGreaterThan(0);
    expect(underway.length).toBeGreaterThan(0);
    for (const task of finished) expect(task.actualFinish <= statusDate && task.percentComplete === 100).toBe(true);
    for (const task of underway) {
      expect(task.actualStart <= statusDate).toBe(true);
      expect(task.percentComplete).toBeGreaterThan(0);
      expect(task.percentComplete).toBeLessThan(100);
      expect(task.finish > statusDate).toBe(true);
    }
    // Nothing anywhere is left pending in the past; later stages have nothing recorded.
    for (const task of project.tasks.filter((x: any) => !x.actualStart)) {
      expect(task.start > statusDate).toBe(true);
      expect(task.percentComplete).toBe(0);
    }
    for (const stage of stages.slice(current + 1)) for (const task of tasksOf(stage)) expect(task.actualStart).toBeNull();
    // Progress on plan: the only slip is the re-estimate since the baseline (health stays AMBER, above).
    for (const m of project.milestones) expect(m.varianceDays).toBe(DEMO_SLIP.extraDays);
  });

  it('keeps a risk register and an issue register: risks owned by members, issues raised by the people who found them', async () => {
    const project = await projectAs(t, sponsor);
    const members = new Set(DEMO_PEOPLE.map((p) => p.email));
    expect(project.risks.length).toBeGreaterThanOrEqual(4);
    expect(project.risks.length).toBeLessThanOrEqual(6);
    const open = project.risks.filter((r: any) => r.status === 'OPEN');
    for (const risk of project.risks) {
      expect(members.has(risk.owner?.email)).toBe(true);
      expect(risk.proximity).toMatch(/^\d{4}-\d\d-\d\d$/);
      expect(risk.response).not.toBeNull();
    }
    // The risk rating reads AMBER: an open risk of 8 or more, none of 15 or more; open ones ahead in the future.
    expect(open.some((r: any) => r.score >= 8)).toBe(true);
    expect(open.every((r: any) => r.score < 15)).toBe(true);
    for (const risk of open) expect(risk.proximity > loadDays[1]).toBe(true);
    expect(project.risks.some((r: any) => r.status === 'CLOSED')).toBe(true);

    expect(project.issues.length).toBeGreaterThanOrEqual(3);
    expect(project.issues.length).toBeLessThanOrEqual(4);
    expect(new Set(project.issues.map((i: any) => i.type))).toEqual(new Set(['REQUEST_FOR_CHANGE', 'OFF_SPECIFICATION', 'PROBLEM']));
    const keyUserEmails = [elena, olga, sergey].map((p) => p.email);
    const change = project.issues.find((i: any) => i.type === 'REQUEST_FOR_CHANGE');
    expect(keyUserEmails).toContain(change.raisedBy.email);
    for (const issue of project.issues) expect(members.has(issue.owner?.email)).toBe(true);
    const resolved = project.issues.filter((i: any) => i.status === 'RESOLVED');
    expect(resolved).toHaveLength(1);
    expect(resolved[0].resolution).toBeTruthy();
    expect(project.issues.filter((i: any) => i.status === 'OPEN').length).toBe(project.issues.length - 1);
  });

  it('reports weekly and steers: published reports, the decided exception and its baseline, meetings with decisions, one decision log', async () => {
    const STEERING_VIEW = `query($id: ID!) { project(id: $id) { statusDate budget
      statusReports { id periodStart periodEnd published publishedAt overall schedule quality cost summary decisionsRequested costToDate forecastAtCompletion
        ratings { dimension computed rating overrideReason basis } exceptions { id } }
      exceptions { id dimension open decision note description decidedBy { email } planRequestedBy { email } report { id } }
      baselines { name finishDate } health { schedule baselineFinish varianceDays }
      meetings { kind heldOn title attendees { email } reportsReviewed { id } decisions { text status dueDate owner { email } } }
      decisionLog { at kind text decidedBy { email } } } }`;
    const project = (await t.ok(STEERING_VIEW, { id: DEMO_PROJECT.id }, await signIn(t, marina))).project;
    expect(Number(project.budget)).toBe(Number(DEMO_BUDGET));

    // Three published reports of five working days, newest first, not overlapping, the latest ending on the status date.
    const reports = project.statusReports;
    expect(reports).toHaveLength(3);
    expect(reports.every((r: any) => r.published && r.publishedAt)).toBe(true);
    expect(reports[0].periodEnd).toBe(project.statusDate);
    for (const [i, r] of reports.entries()) {
      if (i > 0) expect(r.periodEnd < reports[i - 1].periodStart).toBe(true);
      expect(r.summary).toBe(DEMO_REPORTS[2 - i].summary);
      expect(r.decisionsRequested).toEqual(DEMO_REPORTS[2 - i].decisionsRequested);
      expect([r.costToDate, r.forecastAtCompletion].map(Number)).toEqual([DEMO_REPORTS[2 - i].costToDate, DEMO_REPORTS[2 - i].forecastAtCompletion].map(Number));
      expect(r.cost).toBe('GREEN');
    }
    // The latest: AMBER, the schedule AMBER since the exception plan, quality rated by the project manager with her reason.
    const [latest, previous, red] = reports;
    expect(latest).toMatchObject({ overall: 'AMBER', schedule: 'AMBER', quality: 'AMBER' });
    expect(latest.ratings.find((r: any) => r.dimension === DEMO_OVERRIDE.dimension)).toMatchObject({ computed: 'RED', rating: DEMO_OVERRIDE.rating, overrideReason: DEMO_OVERRIDE.reason });
    expect(latest.ratings.find((r: any) => r.dimension === 'SCHEDULE').basis).toMatch(new RegExp(`is ${DEMO_SLIP.extraDays} working days after baseline`));
    expect(previous.ratings.every((r: any) => r.overrideReason === null)).toBe(true);

    // The earliest report found the schedule RED and raised an exception; the committee asked for a plan, then approved it.
    expect(red.schedule).toBe('RED');
    expect(project.exceptions).toHaveLength(1);
    const [exception] = project.exceptions;
    expect(exception).toMatchObject({
      dimension: 'SCHEDULE', open: false, decision: 'APPROVE_EXCEPTION_PLAN', note: DEMO_EXCEPTION.approval,
      decidedBy: { email: sponsor.email }, planRequestedBy: { email: sponsor.email }, report: { id: red.id },
    });
    expect(exception.description).toBe(`Status report ${red.periodStart} – ${red.periodEnd}: ${red.ratings.find((r: any) => r.dimension === 'SCHEDULE').basis}`);
    expect(red.exceptions).toEqual([{ id: exception.id }]);
    // Its baseline is the latest: the health measures from it, and the slip since then is within tolerance.
    expect(project.baselines[0].name).toBe(`Exception plan: schedule, status report ${red.periodStart} – ${red.periodEnd}`);
    expect(project.health).toMatchObject({ schedule: 'AMBER', baselineFinish: project.baselines[0].finishDate, varianceDays: DEMO_SLIP.extraDays });

    // Meetings on the status date: the steering committee reviewed both weekly reports, the team the latest.
    const steering = project.meetings.find((m: any) => m.kind === 'STEERING');
    const weekly = project.meetings.find((m: any) => m.kind === 'WEEKLY_STATUS');
    expect(steering).toMatchObject({ heldOn: project.statusDate, reportsReviewed: [{ id: previous.id }, { id: latest.id }] });
    expect(steering.attendees.map((a: any) => a.email).sort()).toEqual([pm.email, sponsor.email, supplier.email].sort());
    expect(steering.decisions.map((d: any) => [d.status, d.owner.email])).toEqual([['DONE', supplier.email], ['OPEN', sponsor.email]]);
    expect(steering.decisions[1]).toMatchObject({ text: DEMO_OPEN_DECISION });
    expect(steering.decisions[1].dueDate > project.statusDate).toBe(true);
    expect(weekly).toMatchObject({ heldOn: project.statusDate, reportsReviewed: [{ id: latest.id }] });
    expect(weekly.attendees.map((a: any) => a.email)).toContain(igor.email);

    // One decision log, oldest first: the gates, the waiver, the exception's two decisions, the meetings' decisions.
    const log = project.decisionLog;
    expect(new Set(log.map((e: any) => e.kind))).toEqual(new Set(['GATE', 'WAIVER', 'EXCEPTION', 'MEETING']));
    expect(log.filter((e: any) => e.kind === 'GATE')).toHaveLength(2);
    expect(log.filter((e: any) => e.kind === 'EXCEPTION').map((e: any) => e.text)).toEqual([
      expect.stringContaining(`exception plan requested: ${DEMO_EXCEPTION.request}`), expect.stringContaining(`exception plan approved: ${DEMO_EXCEPTION.approval}`),
    ]);
    expect(log.filter((e: any) => e.kind === 'MEETING')).toHaveLength(3);
    expect(log.map((e: any) => e.at)).toEqual([...log.map((e: any) => e.at)].sort((a: string, b: string) => Date.parse(a) - Date.parse(b)));
  });

  it('gives every demo user, signed in, something to do', async () => {
    const now = Date.now();
    // Key users: criteria of the current stage waiting for their confirmation, upcoming courses.
    for (const keyUser of [elena, olga, sergey]) {
      const project = await projectAs(t, keyUser);
      expect(waitingFor(project, keyUser).length).toBeGreaterThan(0);
      const invited = project.trainingSessions.filter((s: any) => Date.parse(s.startsAt) > now &&
        s.attendance.some((a: any) => a.user.id === keyUser.id && a.status === 'INVITED'));
      expect(invited.length).toBeGreaterThan(0);
    }
    // The steering committee: a gate awaiting its decision, a MUST criterion only a waiver can close.
    for (const member of [sponsor, supplier]) {
      const gate = sortedStages(await projectAs(t, member)).find((s: any) => s.status === 'AWAITING_GATE');
      expect(gate.exitCriteria.some((c: any) => c.priority === 'MUST' && c.status === 'REJECTED')).toBe(true);
    }
    // The sponsor owns the open decision of the steering meeting.
    const owned = (await t.ok('query($id: ID!) { project(id: $id) { meetings { decisions { status owner { id } } } } }', { id: DEMO_PROJECT.id }, await signIn(t, sponsor))).project.meetings
      .flatMap((m: any) => m.decisions).filter((d: any) => d.status === 'OPEN' && d.owner?.id === sponsor.id);
    expect(owned).toHaveLength(1);
    // The project manager: a rejection to address, coverage gaps, a slipping schedule.
    const asPm = await projectAs(t, pm);
    expect(asPm.stages.flatMap((s: any) => s.exitCriteria).some((c: any) => c.priority !== 'MUST' && c.status === 'REJECTED')).toBe(true);
    expect(asPm.keyUserCoverage.gaps.length).toBeGreaterThan(0);
    expect(asPm.health.schedule).toBe('AMBER');
    // The trainer gives the upcoming courses; the observer reads along.
    const asTrainer = await projectAs(t, igor);
    expect(asTrainer.trainingSessions.filter((s: any) => Date.parse(s.startsAt) > now && s.trainer.id === igor.id)).toHaveLength(2);
    expect((await projectAs(t, marina)).code).toBe('DEMO-FOOD');
  });

  it('`npm run demo` prints what is loaded, how to sign in and what each demo user has to do, also when it was already there', async () => {
    // On the embedded database only one process may open the data folder: the server stops first.
    if (!t.config.databaseUrl) await t.stop();
    const database = t.config.databaseUrl ? 'the PostgreSQL server in DATABASE_URL' : `the embedded database in ${t.config.dataDir}`;
    const lines: string[] = [];
    expect(await runDemo(t.config, (line) => lines.push(line))).toBe(false);
    expect(lines[0]).toBe(`The demo rollout DEMO-FOOD "${DEMO_PROJECT.name}" was already in ${database}; nothing changed.`);
    expect(lines[1]).toMatch(new RegExp(`project id ${DEMO_PROJECT.id}: \\d+ stages, 6 milestones, \\d+ tasks, 3 territories, 3 key users, 3 training sessions, 2 baselines, progress as of \\d{4}-\\d\\d-\\d\\d, 5 risks, 3 issues`));
    expect(lines).toContain(`Start the server (npm start) and sign in at ${t.config.publicUrl}/graphql with the password "${DEMO_PASSWORD}" as:`);
    const todosOf = (person: Person) => {
      const from = lines.findIndex((line) => line.trim().startsWith(person.email));
      expect(from).toBeGreaterThan(0);
      const to = lines.findIndex((line, i) => i > from && !line.startsWith('      - '));
      return lines.slice(from + 1, to < 0 ? undefined : to).join('\n');
    };
    for (const keyUser of [elena, olga, sergey]) {
      expect(todosOf(keyUser)).toMatch(/confirm or reject "/);
      expect(todosOf(keyUser)).toMatch(/attend "/);
    }
    for (const member of [sponsor, supplier]) {
      expect(todosOf(member)).toContain('decide the gate of "Configuration and temporary integrations"');
      expect(todosOf(member)).toContain('waive "Temporary integrations tested in both directions"');
    }
    expect(todosOf(pm)).toContain('address the rejection of "Rollback plan for a wave go-live agreed"');
    expect(todosOf(pm)).toContain('schedule health is AMBER');
    expect(todosOf(pm)).toContain('find key users where coverage has gaps');
    expect(todosOf(pm)).toContain('work the issue register (updateIssue): 2 open, first "Delivery notes (УПД) print without batch number and shelf life" (HIGH, owner Igor Lebedev)');
    expect(todosOf(pm)).toMatch(/review the risks scoring 8 or more with their owners \(updateRisk\): "Inbound integration with the Ryazan plant’s warehouse system untested until the pilot" \(12\), "Key users for the later functions/);
    expect(todosOf(igor)).toMatch(/give "Order intake in the new system, for key users" at \d{4}-\d\d-\d\d 10:00\+03:00 to 2 invited/);
    expect(todosOf(marina)).toContain('follow the project read-only');
    // Owners of open meeting decisions: the sponsor the committee's, the consultant the weekly meeting's.
    expect(todosOf(sponsor)).toContain(`carry out "${DEMO_OPEN_DECISION}" (decided at "Steering committee: before the Configuration gate" of `);
    expect(todosOf(supplier)).not.toContain('carry out');
    expect(todosOf(igor)).toMatch(/carry out "Fix batch number and shelf life on delivery notes/);
  });

  it('the to-dos are real: key users confirm, the sponsor waives and approves the gate, the stage closes', async () => {
    // A second application (the first one may have stopped for `npm run demo`): on the server it
    // shares the database and finds the demo there, on the embedded database it loads its own.
    const other = await TestApp.start();
    try {
      await loadDemo(other.app);
      const gateOf = async () => sortedStages(await projectAs(other, pm)).find((s: any) => s.kind === 'CONFIGURATION');
      const gate = await gateOf();
      for (const keyUser of [elena, olga, sergey]) {
        const token = await signIn(other, keyUser);
        for (const c of waitingFor({ stages: [gate] }, keyUser)) {
          await other.ok('mutation($id: ID!) { confirmCriterion(id: $id, comment: "Checked on the test system") { id } }', { id: c.id }, token);
        }
      }
      const rejectedMust = gate.exitCriteria.find((c: any) => c.priority === 'MUST' && c.status === 'REJECTED');
      const sponsorToken = await signIn(other, sponsor);
      await other.ok('mutation($id: ID!) { waiveCriterion(id: $id, reason: "The inbound direction is tested at the pilot") { id } }', { id: rejectedMust.id }, sponsorToken);
      expect((await gateOf()).exitCriteria.filter((c: any) => c.priority === 'MUST').map((c: any) => c.status).sort()).toEqual(['CONFIRMED', 'WAIVED']);
      await other.ok('mutation($s: ID!) { decideGate(input: { stageId: $s, outcome: APPROVED }) { status } }', { s: gate.id }, sponsorToken);
      const { closeStage } = await other.ok('mutation($id: ID!) { closeStage(id: $id) { status actualFinish } }', { id: gate.id }, await signIn(other, pm));
      expect(closeStage.status).toBe('CLOSED');
      // Closing records the stage's work done: testing on its planned finish, the demonstration planned after today on today.
      const after = await projectAs(other, pm);
      const configuration = after.tasks.filter((x: any) => x.stage?.id === gate.id);
      expect(configuration.length).toBeGreaterThan(0);
      for (const task of configuration) {
        expect(task.percentComplete).toBe(100);
        expect(task.actualFinish <= closeStage.actualFinish).toBe(true);
      }
    } finally {
      await other.close();
    }
  });
});
