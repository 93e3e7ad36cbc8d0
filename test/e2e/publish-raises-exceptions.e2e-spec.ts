import ExcelJS from 'exceljs';
import { TestApp, TestUser, unique } from '../support/test-app';

const ADD_MEMBER = 'mutation($p: ID!, $u: ID!, $r: ProjectRole!) { addMember(projectId: $p, userId: $u, role: $r) { id } }';
const CREATE = 'mutation($i: CreateStatusReportInput!) { createStatusReport(input: $i) { id version ratings { dimension computed rating basis } } }';
const UPDATE = 'mutation($i: UpdateStatusReportInput!) { updateStatusReport(input: $i) { id version } }';
const OVERRIDE = 'mutation($id: ID!, $d: RagDimension!, $r: Rag, $why: String) { overrideRating(reportId: $id, dimension: $d, rating: $r, reason: $why) { id version schedule } }';
const PUBLISH = 'mutation($id: ID!) { publishStatusReport(id: $id) { id publishedAt exceptions { id dimension description open } } }';
const EXCEPTIONS = 'query($id: ID!) { project(id: $id) { exceptions { dimension description open report { id } } } }';

/**
 * publishStatusReport raises the exceptions itself (REPORTING.md "Publishing and exceptions"):
 * one per dimension whose computed rating is RED among schedule and cost, whatever the PM's
 * override says; a report within tolerance raises none.
 */
describe('publishing a status report raises its exceptions (e2e)', () => {
  let t: TestApp;
  let pm: TestUser, sponsor: TestUser;

  /** A project with a baseline; `slipDays` more working days on its critical path afterwards. */
  const project = async (slipDays: number) => {
    const { id } = (await t.ok('mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }', {
      i: { code: unique('PUBX'), name: 'Publish', clientName: 'Client', templateKey: 'prince2-crm', startDate: '2026-03-02', timeToleranceDays: 10 },
    }, pm.token)).createProject;
    await t.ok(ADD_MEMBER, { p: id, u: sponsor.id, r: 'STEERING_COMMITTEE' }, pm.token);
    await t.ok('mutation($p: ID!) { captureBaseline(projectId: $p, name: "Approved plan") { id } }', { p: id }, pm.token);
    if (slipDays) {
      const [first] = (await t.ok('query($id: ID!) { project(id: $id) { schedule { criticalPath { id version durationDays } } } }', { id }, pm.token)).project.schedule.criticalPath;
      await t.ok('mutation($i: UpdateTaskInput!) { updateTask(input: $i) { id } }', { i: { id: first.id, version: first.version, durationDays: first.durationDays + slipDays } }, pm.token);
    }
    return id as string;
  };
  // The first days of the project: nothing is due yet, so the forecast moves only by the slip.
  const period = { periodStart: '2026-03-02', periodEnd: '2026-03-02' };

  beforeAll(async () => {
    t = await TestApp.start();
    [pm, sponsor] = [await t.user(), await t.user({ organization: 'CLIENT' as never })];
  });
  afterAll(() => t.close());

  it('a computed RED schedule and cost raise one exception each, even with the schedule overridden', async () => {
    const projectId = await project(15);
    await t.ok('mutation($i: SetTolerancesInput!) { setTolerances(input: $i) { id } }', { i: { projectId, budget: '1000000', costTolerancePercent: 10 } }, sponsor.token);
    const draft = (await t.ok(CREATE, { i: { projectId, ...period } }, pm.token)).createStatusReport;
    const schedule = draft.ratings.find((r: any) => r.dimension === 'SCHEDULE');
    expect(schedule.computed).toBe('RED');
    const updated = (await t.ok(UPDATE, { i: { id: draft.id, version: draft.version, forecastAtCompletion: '1250000' } }, pm.token)).updateStatusReport;
    await t.ok(OVERRIDE, { id: updated.id, d: 'SCHEDULE', r: 'AMBER', why: 'Recovery plan agreed with the vendor' }, pm.token);

    const published = (await t.ok(PUBLISH, { id: draft.id }, pm.token)).publishStatusReport;
    expect(published.exceptions.map((e: any) => [e.dimension, e.open])).toEqual([['SCHEDULE', true], ['COST', true]]);
    const name = `Status report ${period.periodStart} – ${period.periodEnd}`;
    expect(published.exceptions[0].description).toBe(`${name}: ${schedule.basis}`);
    expect(published.exceptions[1].description).toMatch(new RegExp(`^${name}: .*25\\.00 % over budget`));

    const { exceptions } = (await t.ok(EXCEPTIONS, { id: projectId }, sponsor.token)).project;
    expect(exceptions).toHaveLength(2);
    expect(exceptions.every((e: any) => e.report.id === draft.id && e.open)).toBe(true);

    // The report's workbook lists them under its exceptions (a later decision does not change it).
    const exported = async () => {
      const { url } = (await t.ok('mutation($id: ID!) { exportStatusReport(id: $id) { url } }', { id: draft.id }, sponsor.token)).exportStatusReport;
      const link = new URL(url);
      const response = await fetch(`${t.url}${link.pathname}${link.search}`);
      expect(response.status).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
      const texts: string[] = [];
      book.worksheets[0].eachRow((row) => row.eachCell((cell) => { if (typeof cell.value === 'string') texts.push(cell.value); }));
      return texts;
    };
    const before = await exported();
    expect(before).toContain(`Schedule: ${published.exceptions[0].description}`);
    expect(before).toContain(`Cost: ${published.exceptions[1].description}`);
    const id = published.exceptions[0].id;
    await t.ok('mutation($id: ID!) { decideException(id: $id, decision: APPROVE_EXCEPTION_PLAN, note: "Re-plan approved") { id } }', { id }, sponsor.token);
    expect(await exported()).toEqual(before);
  });

  it('a report within tolerance raises none', async () => {
    const projectId = await project(3);
    const draft = (await t.ok(CREATE, { i: { projectId, ...period } }, pm.token)).createStatusReport;
    expect(draft.ratings.find((r: any) => r.dimension === 'SCHEDULE').computed).toBe('GREEN');
    const published = (await t.ok(PUBLISH, { id: draft.id }, pm.token)).publishStatusReport;
    expect(published.exceptions).toEqual([]);
    expect((await t.ok(EXCEPTIONS, { id: projectId }, pm.token)).project.exceptions).toEqual([]);
  });
});
