import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { codeOf, TestApp, TestUser, unique } from '../support/test-app';

const EXPORT = 'mutation($id: ID!, $l: String) { exportStatusReport(id: $id, locale: $l) { url fileName expiresAt } }';
const EVIL = '=HYPERLINK("http://evil","click")';
const FILLS = { GREEN: 'FF00B050', AMBER: 'FFFFC000', RED: 'FFC00000', none: 'FFF2F2F2' } as const;

interface PyCell { c: number; v: unknown; t: string; date: boolean; fmt: string; fill: string | null }
interface PySheet {
  orientation: string; fitToWidth: number; fitToHeight: number; fitToPage: boolean;
  footer: { left: string | null; center: string | null; right: string | null };
  rows: { r: number; cells: PyCell[] }[];
}

/** test/support/read-xlsx.py (openpyxl) plus what it does not print: the paper size and the page header. */
function readWithOpenpyxl(file: string): { sheets: string[]; sheet: PySheet; paperSize: number; header: string | null } {
  const all = JSON.parse(execFileSync('/usr/bin/python3', [resolve('test/support/read-xlsx.py'), file], { encoding: 'utf8' }));
  const page = JSON.parse(execFileSync('/usr/bin/python3', ['-c', [
    'import json, sys, openpyxl',
    'ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]',
    'print(json.dumps({"paperSize": int(ws.page_setup.paperSize), "header": ws.oddHeader.center.text}))',
  ].join('\n'), file], { encoding: 'utf8' }));
  return { sheets: all.sheets, sheet: all['Status report'], ...page };
}

describe('Excel exports: the status report (e2e)', () => {
  let t: TestApp;
  let pm: TestUser, sponsor: TestUser, consultant: TestUser, observer: TestUser, outsider: TestUser;
  let projectId: string;
  let code: string;
  let prepare: { id: string };
  let publishedId: string;
  let draftId: string;
  const work = mkdtempSync(join(tmpdir(), 'rollout-status-export-'));

  const exportReport = async (id: string, user: TestUser, locale?: string) => (await t.ok(EXPORT, { id, l: locale }, user.token)).exportStatusReport as { url: string; fileName: string };
  const download = async (url: string) => {
    // The link is absolute under PUBLIC_URL; the test server listens elsewhere.
    const response = await fetch(url.replace('https://reports.example.test', t.url));
    return { response, body: Buffer.from(await response.arrayBuffer()) };
  };
  let files = 0;
  const saved = async (url: string) => {
    const { response, body } = await download(url);
    expect(response.status).toBe(200);
    const file = join(work, `report-${files++}.xlsx`);
    writeFileSync(file, body);
    return file;
  };
  const book = async (file: string) => {
    const b = new ExcelJS.Workbook();
    await b.xlsx.readFile(file);
    return b.getWorksheet('Status report')!;
  };
  /** The first row whose column `c` reads `text`, and a cell of it. */
  const rowOf = (sheet: PySheet, c: number, text: string) => sheet.rows.find((r) => r.cells.some((x) => x.c === c && x.v === text))!;
  const cellOf = (row: { cells: PyCell[] }, c: number) => row.cells.find((x) => x.c === c);

  beforeAll(async () => {
    t = await TestApp.start({ PUBLIC_URL: 'https://reports.example.test' });
    [pm, sponsor, consultant, observer, outsider] = [await t.user({ name: 'Pavel PM' }), await t.user({ organization: 'CLIENT' as never }), await t.user(), await t.user(), await t.user()];
    code = unique('REP-X');
    const project = (await t.ok('mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }', {
      i: { code, name: 'CRM for Belaya Dacha', clientName: 'Belaya Dacha', templateKey: 'prince2-crm', startDate: '2026-03-02', calendarCode: 'RU' },
    }, pm.token)).createProject;
    projectId = project.id;
    for (const [user, role] of [[sponsor, 'STEERING_COMMITTEE'], [consultant, 'CONSULTANT'], [observer, 'OBSERVER']] as const) {
      await t.ok('mutation($p: ID!, $u: ID!, $r: ProjectRole!) { addMember(projectId: $p, userId: $u, role: $r) { id } }', { p: projectId, u: user.id, r: role }, pm.token);
    }
    const areaId = (await t.ok('mutation($p: ID!) { addFunctionArea(projectId: $p, name: "Sales") { id } }', { p: projectId }, pm.token)).addFunctionArea.id;
    const m = (await t.ok('mutation($i: AddMilestoneInput!) { addMilestone(input: $i) { id tasks { id name } } }', {
      i: { projectId, name: 'Sales go-live', splitBy: 'FUNCTION', functionAreaId: areaId, prepareDays: 10, hypercareDays: 10 },
    }, pm.token)).addMilestone;
    prepare = m.tasks.find((x: { name: string }) => x.name.endsWith('prepare'));
    await t.ok('mutation($p: ID!) { captureBaseline(projectId: $p, name: "Approved plan") { id } }', { p: projectId }, pm.token);
    await t.ok('mutation($i: SetTolerancesInput!) { setTolerances(input: $i) { id } }', { i: { projectId, budget: '1000000' } }, sponsor.token);
    await t.ok('mutation($i: AddRiskInput!) { addRisk(input: $i) { id } }', { i: { projectId, title: 'Data migration late', probability: 4, impact: 4, ownerId: pm.id, response: 'REDUCE', proximity: '2026-04-01' } }, pm.token);
    await t.ok('mutation($i: RaiseIssueInput!) { raiseIssue(input: $i) { id } }', { i: { projectId, title: 'Invoices wrong', type: 'OFF_SPECIFICATION', priority: 'HIGH', ownerId: pm.id } }, pm.token);

    // The published report: risk RED overridden to AMBER with a reason, cost AMBER (7 % over, tolerance 10 %).
    const first = (await t.ok('mutation($i: CreateStatusReportInput!) { createStatusReport(input: $i) { id version } }', {
      i: { projectId, periodStart: '2026-03-02', periodEnd: '2026-03-13', summary: EVIL },
    }, pm.token)).createStatusReport;
    publishedId = first.id;
    await t.ok('mutation($i: UpdateStatusReportInput!) { updateStatusReport(input: $i) { id } }', {
      i: { id: first.id, version: first.version, costToDate: '400000', forecastAtCompletion: '1070000', decisionsRequested: ['Approve the extra week', '@SUM(A1) as typed'] },
    }, pm.token);
    await t.ok('mutation($id: ID!) { overrideRating(reportId: $id, dimension: RISK, rating: AMBER, reason: "Mitigation agreed with the vendor") { id } }', { id: first.id }, pm.token);
    await t.ok('mutation($id: ID!) { publishStatusReport(id: $id) { id } }', { id: first.id }, pm.token);

    draftId = (await t.ok('mutation($i: CreateStatusReportInput!) { createStatusReport(input: $i) { id } }', {
      i: { projectId, periodStart: '2026-03-16', periodEnd: '2026-03-27', summary: 'Second fortnight' },
    }, pm.token)).createStatusReport.id;
  }, 60_000);
  afterAll(async () => {
    await t.close();
    rmSync(work, { recursive: true, force: true });
  });

  describe('a published report', () => {
    let file: string;
    let py: ReturnType<typeof readWithOpenpyxl>;
    let report: any;

    beforeAll(async () => {
      const exported = await exportReport(publishedId, sponsor);
      expect(exported.fileName).toBe(`${code}_status-report_2026-03-13.xlsx`);
      file = await saved(exported.url);
      py = readWithOpenpyxl(file);
      report = (await t.ok('query($id: ID!) { project(id: $id) { statusReports { id ratings { dimension computed rating overrideReason basis } } } }', { id: projectId }, sponsor.token))
        .project.statusReports.find((r: { id: string }) => r.id === publishedId);
    });

    it('is one sheet set up to print on one A4 landscape page', () => {
      expect(py.sheets).toEqual(['Status report']);
      expect(py.sheet).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 1 });
      expect(py.paperSize).toBe(9);
      expect(py.header).toBeNull();
      expect(py.sheet.footer.left).toBe(code);
      expect(py.sheet.footer.right).toBe('Page &P of &N');
    });

    it('heads the page with the project, client, period, status date (= periodEnd) and when it was published, as date cells', async () => {
      const rows = py.sheet.rows;
      expect(cellOf(rows[0], 1)!.v).toBe(`Status report · ${code} · CRM for Belaya Dacha`);
      const client = rowOf(py.sheet, 1, 'Client');
      expect(cellOf(client, 2)!.v).toBe('Belaya Dacha');
      expect(cellOf(client, 6)).toMatchObject({ date: true, v: '2026-03-02T00:00:00', fmt: '[$-809]dd mmm yyyy' });
      expect(cellOf(client, 7)).toMatchObject({ date: true, v: '2026-03-13T00:00:00', fmt: '[$-809]"– "dd mmm yyyy' });
      expect(cellOf(client, 10)!.v).toBe('Status date');
      expect(cellOf(client, 12)).toMatchObject({ date: true, v: '2026-03-13T00:00:00' });
      const published = rowOf(py.sheet, 10, 'Published (UTC)');
      expect(cellOf(published, 12)).toMatchObject({ date: true, fmt: '[$-809]dd mmm yyyy hh:mm' });
      expect(rows.some((r) => r.cells.some((c) => c.v === 'DRAFT'))).toBe(false);
      const cost = rowOf(py.sheet, 1, 'Cost to date');
      expect(cellOf(cost, 2)).toMatchObject({ t: 'n', v: 400000, fmt: '#,##0.00' });
      expect(cellOf(cost, 12)).toMatchObject({ t: 'n', v: 1070000 });
    });

    it('colours each dimension by its rating, computed and effective, with the basis and an override\'s reason', () => {
      for (const [dimension, name] of [['SCHEDULE', 'Schedule'], ['COST', 'Cost'], ['SCOPE', 'Scope'], ['QUALITY', 'Quality'], ['RISK', 'Risk'], ['READINESS', 'Readiness']] as const) {
        const expected = report.ratings.find((r: { dimension: string }) => r.dimension === dimension);
        const row = rowOf(py.sheet, 1, name);
        expect({ dimension, computed: cellOf(row, 2)!.fill, rating: cellOf(row, 3)!.fill })
          .toEqual({ dimension, computed: FILLS[(expected.computed ?? 'none') as keyof typeof FILLS], rating: FILLS[(expected.rating ?? 'none') as keyof typeof FILLS] });
        expect(cellOf(row, 4)!.v).toBe(expected.basis);
      }
      const risk = rowOf(py.sheet, 1, 'Risk');
      expect(cellOf(risk, 2)).toMatchObject({ v: 'RED', fill: FILLS.RED });
      expect(cellOf(risk, 3)).toMatchObject({ v: 'AMBER', fill: FILLS.AMBER });
      expect(cellOf(risk, 12)!.v).toBe('Mitigation agreed with the vendor');
      expect(cellOf(rowOf(py.sheet, 1, 'Cost'), 2)).toMatchObject({ v: 'AMBER', fill: FILLS.AMBER });
      expect(cellOf(rowOf(py.sheet, 1, 'Scope'), 2)).toMatchObject({ v: 'GREEN', fill: FILLS.GREEN });
      expect(cellOf(rowOf(py.sheet, 1, 'Overall'), 2)!.fill).toBe(FILLS.AMBER);
    });

    it('keeps a summary and a decision that look like formulas as text', async () => {
      const sheet = await book(file);
      const summaryRow = rowOf(py.sheet, 1, 'Summary').r + 1;
      const cell = sheet.getRow(summaryRow).getCell(1);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
      expect(cell.value).toBe(EVIL);
      expect(cellOf(py.sheet.rows.find((r) => r.r === summaryRow)!, 1)).toMatchObject({ t: 's', v: EVIL });
      const decision = py.sheet.rows.flatMap((r) => r.cells).find((c) => c.c === 10 && String(c.v).startsWith('2. '))!;
      expect(decision).toMatchObject({ t: 's', v: '2. @SUM(A1) as typed' });
    });

    it('lists milestones with planned, baseline and forecast go-live as dates, variance and readiness; risks, issues, and exceptions as none', () => {
      const milestone = rowOf(py.sheet, 1, 'Sales go-live');
      for (const c of [4, 5, 6]) expect(cellOf(milestone, c)).toMatchObject({ date: true, fmt: '[$-809]dd mmm yyyy' });
      expect(cellOf(milestone, 7)!.t).toBe('n');
      expect(['Yes', 'No']).toContain(cellOf(milestone, 8)!.v);
      const risk = rowOf(py.sheet, 10, 'Data migration late');
      expect(cellOf(risk, 12)!.v).toBe('score 16 (probability 4 × impact 4); owner: Pavel PM; response REDUCE');
      expect(cellOf(risk, 14)).toMatchObject({ date: true, v: '2026-04-01T00:00:00' });
      expect(rowOf(py.sheet, 10, 'Invoices wrong')).toBeDefined();
      const exceptions = rowOf(py.sheet, 10, 'Exceptions');
      expect(cellOf(py.sheet.rows.find((r) => r.r === exceptions.r + 1)!, 10)!.v).toBe('none');
    });

    it('is exported from its frozen snapshot: a later plan change and a new risk do not alter it', async () => {
      const version = (await t.dataSource.query('SELECT version FROM task WHERE id = $1', [prepare.id]))[0].version;
      await t.ok('mutation($i: UpdateTaskInput!) { updateTask(input: $i) { id } }', { i: { id: prepare.id, version, durationDays: 40 } }, pm.token);
      await t.ok('mutation($i: AddRiskInput!) { addRisk(input: $i) { id } }', { i: { projectId, title: 'Vendor insolvent', probability: 5, impact: 5, ownerId: pm.id } }, pm.token);
      const again = readWithOpenpyxl(await saved((await exportReport(publishedId, observer)).url));
      expect(again.sheet.rows).toEqual(py.sheet.rows);
    });

    it('speaks Russian, with the locale\'s date format', async () => {
      const ru = readWithOpenpyxl(await saved((await exportReport(publishedId, pm, 'ru')).url));
      expect(String(cellOf(ru.sheet.rows[0], 1)!.v)).toMatch(/^Отчёт о статусе проекта · /);
      const risk = rowOf(ru.sheet, 1, 'Риски');
      expect(cellOf(risk, 2)).toMatchObject({ v: 'КРАСНЫЙ', fill: FILLS.RED });
      expect(cellOf(rowOf(ru.sheet, 1, 'Заказчик'), 6)).toMatchObject({ date: true, fmt: '[$-419]dd.mm.yyyy' });
      const refused = await t.gql(EXPORT, { id: publishedId, l: 'de' }, pm.token);
      expect([codeOf(refused), refused.errors![0].extensions!.field]).toEqual(['BAD_USER_INPUT', 'locale']);
    });
  });

  describe('a draft', () => {
    it('says DRAFT in its header, its file name and the printed page header', async () => {
      const exported = await exportReport(draftId, pm);
      expect(exported.fileName).toBe(`${code}_status-report_2026-03-27_DRAFT.xlsx`);
      const py = readWithOpenpyxl(await saved(exported.url));
      expect(py.sheet.rows[0].cells.find((c) => c.c >= 10)!.v).toBe('DRAFT');
      expect(cellOf(rowOf(py.sheet, 10, 'Published (UTC)'), 12)!.v).toBe('DRAFT');
      expect(py.header).toContain('DRAFT');
      expect(cellOf(rowOf(py.sheet, 1, 'Client'), 12)).toMatchObject({ date: true, v: '2026-03-27T00:00:00' });
      expect(cellOf(py.sheet.rows.find((r) => r.r === rowOf(py.sheet, 1, 'Summary').r + 1)!, 1)!.v).toBe('Second fortnight');
      // A draft is computed as the registers stand: the risk added after the first report was published is here.
      expect(rowOf(py.sheet, 10, 'Vendor insolvent')).toBeDefined();
    });

    it('follows the draft\'s visibility: consultants export it; the steering committee and observers are refused as the draft is hidden from them', async () => {
      expect((await download((await exportReport(draftId, consultant)).url)).response.status).toBe(200);
      for (const user of [sponsor, observer, outsider]) {
        const refused = await t.gql(EXPORT, { id: draftId }, user.token);
        expect(codeOf(refused)).toBe('NOT_FOUND');
      }
      const listed = (await t.ok('query($id: ID!) { project(id: $id) { statusReports { id } } }', { id: projectId }, sponsor.token)).project.statusReports;
      expect(listed.map((r: { id: string }) => r.id)).toEqual([publishedId]);
      expect(codeOf(await t.gql(EXPORT, { id: draftId }))).toBe('UNAUTHENTICATED');
    });

    it('a draft\'s link stops working when its holder may no longer read drafts', async () => {
      const { url } = await exportReport(draftId, consultant);
      await t.ok('mutation($p: ID!, $u: ID!) { addMember(projectId: $p, userId: $u, role: OBSERVER) { id } }', { p: projectId, u: consultant.id }, pm.token);
      await t.ok('mutation($p: ID!, $u: ID!) { removeMember(projectId: $p, userId: $u, role: CONSULTANT) }', { p: projectId, u: consultant.id }, pm.token);
      const { response, body } = await download(url);
      expect(response.status).toBe(404);
      expect(body.subarray(0, 2).toString()).not.toBe('PK');
    });
  });
});
