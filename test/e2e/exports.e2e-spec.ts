import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { EXPORT_CLOCK, type ExportClock } from '../../src/modules/export/kit/workbook-renderer';
import { codeOf, TestApp, TestUser, unique } from '../support/test-app';

const EXPORT = 'mutation($p: ID!, $l: String) { exportProjectPlan(projectId: $p, locale: $l) { url fileName expiresAt } }';
const EVIL = '=HYPERLINK("http://evil","click")';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What test/support/read-xlsx.py (openpyxl, an independent reader) sees. */
interface PySheet {
  freeze: string | null; autoFilter: string | null; printTitleRows: string | null; orientation: string; fitToWidth: number; fitToHeight: number; fitToPage: boolean;
  footer: { left: string | null; center: string | null; right: string | null };
  rows: { r: number; outline: number; cells: { c: number; v: unknown; t: string; date: boolean; fmt: string; fill: string | null }[] }[];
}

function readWithOpenpyxl(file: string): Record<string, PySheet> & { sheets: string[] } {
  return JSON.parse(execFileSync('/usr/bin/python3', [resolve('test/support/read-xlsx.py'), file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
}

describe('Excel exports: the project plan (e2e)', () => {
  let t: TestApp;
  let pm: TestUser;
  let observer: TestUser;
  let projectId: string;
  let code: string;
  let templatesDir: string;
  const work = mkdtempSync(join(tmpdir(), 'rollout-exports-'));

  const exportPlan = async (locale?: string, user = pm) => (await t.ok(EXPORT, { p: projectId, l: locale }, user.token)).exportProjectPlan as { url: string; fileName: string; expiresAt: string };
  const download = async (url: string) => {
    const response = await fetch(url);
    return { response, body: Buffer.from(await response.arrayBuffer()) };
  };
  const saved = async (url: string, name: string) => {
    const { response, body } = await download(url);
    expect(response.status).toBe(200);
    const file = join(work, name);
    writeFileSync(file, body);
    return file;
  };

  beforeAll(async () => {
    // The templates the app reads are a copy, edited by the last test without a restart.
    templatesDir = join(work, 'excel');
    cpSync(resolve('templates/excel'), templatesDir, { recursive: true });
    t = await TestApp.start({ EXPORT_TEMPLATES_DIR: templatesDir, PUBLIC_URL: 'https://plans.example.test/' });
    pm = await t.user();
    observer = await t.user();
    code = unique('CRM-BELO');
    const { createProject } = await t.ok('mutation($i: CreateProjectInput!) { createProject(input: $i) { id stages { id } functionAreas { id name } } }', {
      i: { code, name: 'CRM for Belaya Dacha', clientName: 'Belaya Dacha', templateKey: 'client-service-waves', startDate: '2026-03-02', timeToleranceDays: 4 },
    }, pm.token);
    projectId = createProject.id;
    const area = createProject.functionAreas.find((a: { name: string }) => a.name === 'Order intake').id;
    await t.ok('mutation($p: ID!, $u: ID!) { addMember(projectId: $p, userId: $u, role: OBSERVER) { id } }', { p: projectId, u: observer.id }, pm.token);
    const launches: string[] = [];
    const prepares: { id: string; version: number }[] = [];
    for (const name of ['Head office', 'Plant 2']) {
      const territory = (await t.ok('mutation($p: ID!, $n: String!) { addTerritory(projectId: $p, name: $n) { id } }', { p: projectId, n: name }, pm.token)).addTerritory;
      const m = (await t.ok('mutation($i: AddMilestoneInput!) { addMilestone(input: $i) { id tasks { id name version } } }', {
        i: { projectId, name: `Order intake — ${name}`, splitBy: 'FUNCTION_AND_TERRITORY', functionAreaId: area, territoryId: territory.id, prepareDays: 5, hypercareDays: 5 },
      }, pm.token)).addMilestone;
      launches.push(m.tasks.find((x: { name: string }) => x.name.endsWith('go-live')).id);
      prepares.push(m.tasks.find((x: { name: string }) => x.name.endsWith('prepare')));
    }
    await t.ok('mutation($i: AddDependencyInput!) { addDependency(input: $i) { id } }', { i: { predecessorId: launches[0], successorId: prepares[1].id, type: 'FS', lagDays: 2 } }, pm.token);
    await t.ok('mutation($i: AddTaskInput!) { addTask(input: $i) { id } }', { i: { projectId, name: EVIL, stageId: createProject.stages[0].id, durationDays: 3 } }, pm.token);
    await t.ok('mutation($p: ID!, $d: Date) { setStatusDate(projectId: $p, statusDate: $d) { id } }', { p: projectId, d: '2026-03-13' }, pm.token);
    await t.ok('mutation($p: ID!) { captureBaseline(projectId: $p, name: "Approved plan") { id } }', { p: projectId }, pm.token);
    // The second wave's preparation grows by 8 working days after the baseline: beyond the 4-day tolerance.
    await t.ok('mutation($i: UpdateTaskInput!) { updateTask(input: $i) { id } }', { i: { id: prepares[1].id, version: prepares[1].version, durationDays: 13 } }, pm.token);
  }, 60_000);
  afterAll(async () => {
    await t.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('hands out an absolute URL under PUBLIC_URL for 15 minutes, named by project code and status date', async () => {
    const before = Date.now();
    const file = await exportPlan();
    expect(file.url).toMatch(/^https:\/\/plans\.example\.test\/exports\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(file.fileName).toBe(`${code}_plan_2026-03-13.xlsx`);
    const ttl = new Date(file.expiresAt).getTime() - before;
    expect(ttl).toBeGreaterThan(14 * 60_000);
    expect(ttl).toBeLessThanOrEqual(15 * 60_000 + 1000);
  });

  it('downloads without an Authorization header, as an attachment with an RFC 5987 file name', async () => {
    const { url } = await exportPlan();
    const local = url.replace('https://plans.example.test', t.url);
    const { response, body } = await download(local);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(XLSX);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${code}_plan_2026-03-13.xlsx"; filename*=UTF-8''${code}_plan_2026-03-13.xlsx`);
    expect(response.headers.get('cache-control')).toContain('no-store');
    expect(body.subarray(0, 2).toString()).toBe('PK');
  });

  describe('the workbook', () => {
    let file: string;
    let book: ExcelJS.Workbook;
    let py: ReturnType<typeof readWithOpenpyxl>;
    const localUrl = (url: string) => url.replace('https://plans.example.test', t.url);

    beforeAll(async () => {
      file = await saved(localUrl((await exportPlan()).url), 'plan.xlsx');
      book = new ExcelJS.Workbook();
      await book.xlsx.readFile(file);
      py = readWithOpenpyxl(file);
    });

    const planRows = () => {
      const sheet = book.getWorksheet('Plan')!;
      const rows: { n: number; wbs: string; name: string; level: number }[] = [];
      sheet.eachRow((row, n) => {
        if (n > 8) rows.push({ n, wbs: String(row.getCell(1).value), name: String(row.getCell(2).value), level: row.outlineLevel ?? 0 });
      });
      return rows;
    };

    it('has the sheets Plan and Rollout, with the WBS as outline levels (stage 1, milestone 2, task 3)', () => {
      expect(py.sheets).toEqual(['Plan', 'Rollout']);
      const rows = planRows();
      const stage = rows.find((r) => r.name === 'Diagnostics and wave strategy')!;
      expect(stage).toMatchObject({ wbs: '1', level: 1 });
      expect(rows.find((r) => r.wbs === '1.1')).toMatchObject({ level: 2 });
      const milestone = rows.find((r) => r.name === 'Order intake — Head office')!;
      expect(milestone.level).toBe(2);
      const launch = rows.find((r) => r.name === 'Order intake — Head office: go-live')!;
      expect(launch.level).toBe(3);
      expect(launch.wbs.startsWith(`${milestone.wbs}.`)).toBe(true);
      // The independent reader sees the same levels.
      const pyRow = (n: number) => py.Plan.rows.find((r) => r.r === n)!;
      expect(pyRow(stage.n).outline).toBe(1);
      expect(pyRow(milestone.n).outline).toBe(2);
      expect(pyRow(launch.n).outline).toBe(3);
    });

    it('writes predecessors as MS Project does, by WBS number', () => {
      const rows = planRows();
      const launch = rows.find((r) => r.name === 'Order intake — Head office: go-live')!;
      const prepare = rows.find((r) => r.name === 'Order intake — Plant 2: prepare')!;
      const cell = book.getWorksheet('Plan')!.getRow(prepare.n).getCell(13).value;
      expect(cell).toBe(`${launch.wbs}FS+2d`);
    });

    it('freezes the panes under the header and right of the name, filters the table and prints as a PM would', () => {
      const plan = py.Plan;
      expect(plan.freeze).toBe('C9');
      expect(plan.autoFilter).toBe(`A8:P${8 + planRows().length}`);
      expect(plan.printTitleRows).toBe('$7:$8');
      expect(plan).toMatchObject({ orientation: 'landscape', fitToWidth: 1, fitToHeight: 0, fitToPage: true });
      expect(plan.footer.left).toContain(code);
      expect(plan.footer.right).toBe('Page &P of &N');
      expect(py.Rollout.printTitleRows).toBe('$3:$4');
    });

    it('writes dates as dates with the locale format, and numbers as numbers', async () => {
      const rows = planRows();
      const stage = rows.find((r) => r.name === 'Diagnostics and wave strategy')!;
      const cells = py.Plan.rows.find((r) => r.r === stage.n)!.cells;
      const { project } = await t.ok('query($id: ID!) { project(id: $id) { stages { name plannedStart } } }', { id: projectId }, pm.token);
      const plannedStart = project.stages.find((x: { name: string }) => x.name === stage.name).plannedStart;
      const start = cells.find((c) => c.c === 6)!;
      expect(start).toMatchObject({ t: 'd', date: true, v: `${plannedStart}T00:00:00`, fmt: '[$-809]dd mmm yyyy' });
      expect(cells.find((c) => c.c === 5)).toMatchObject({ t: 'n', v: 18 });
      expect(cells.find((c) => c.c === 14)).toMatchObject({ t: 'n', fmt: '0%' });
      // The header block: the status date is a date cell.
      const statusRow = py.Plan.rows.find((r) => r.r === 4)!;
      expect(statusRow.cells.find((c) => c.c === 3)).toMatchObject({ date: true, v: '2026-03-13T00:00:00' });
    });

    it('keeps a task named like a formula as text', () => {
      const row = planRows().find((r) => r.name === EVIL)!;
      const cell = book.getWorksheet('Plan')!.getRow(row.n).getCell(2);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
      const pyCell = py.Plan.rows.find((r) => r.r === row.n)!.cells.find((c) => c.c === 2)!;
      expect(pyCell).toMatchObject({ t: 's', v: EVIL });
    });

    it('draws the Gantt chart in cells: critical and other work in their colours, ◆ at go-lives, the status date marked', () => {
      const rows = planRows();
      const fillsOf = (n: number) => py.Plan.rows.find((r) => r.r === n)!.cells.filter((c) => c.c > 16 && c.fill).map((c) => c.fill);
      const sheet = book.getWorksheet('Plan')!;
      const tasks = rows.filter((r) => r.level === 3 || (r.level === 2 && sheet.getRow(r.n).getCell(5).value !== null && !/^Order/.test(r.name)));
      const critical = tasks.find((r) => sheet.getRow(r.n).getCell(12).value === 'Yes')!;
      expect(fillsOf(critical.n)).toContain('FFE06666');
      const other = tasks.find((r) => sheet.getRow(r.n).getCell(12).value === 'No' && !r.name.endsWith('go-live'))!;
      expect(fillsOf(other.n)).toContain('FF6FA8DC');
      expect(fillsOf(other.n)).not.toContain('FFE06666');
      const launch = rows.find((r) => r.name === 'Order intake — Head office')!;
      expect(py.Plan.rows.find((r) => r.r === launch.n)!.cells.some((c) => c.c > 16 && c.v === '◆')).toBe(true);
      // The status date's week (from Monday 9 March: column 17 + 1) carries the marker in every row.
      expect(sheet.getRow(8).getCell(18).value).toEqual(new Date('2026-03-09T00:00:00Z'));
      expect(sheet.getRow(8).getCell(18).border?.left?.style).toBe('medium');
      expect(sheet.getRow(rows[0].n).getCell(18).border?.left?.style).toBe('medium');
    });

    it('shows the rollout matrix: function areas × territories with go-live, baseline and status, late go-lives in red', () => {
      const sheet = book.getWorksheet('Rollout')!;
      expect(sheet.getRow(3).getCell(2).value).toBe('Head office');
      expect(sheet.getRow(3).getCell(5).value).toBe('Plant 2');
      expect(sheet.getRow(4).getCell(2).value).toBe('Go-live');
      const rollout = py.Rollout.rows;
      const orderIntake = rollout.find((r) => r.cells.some((c) => c.c === 1 && c.v === 'Order intake'))!;
      const cell = (c: number) => orderIntake.cells.find((x) => x.c === c)!;
      expect(cell(2)).toMatchObject({ date: true, fill: 'FFC6EFCE' });
      expect(cell(4).v).toBe('Planned');
      // Plant 2 slipped 8 working days against a 4-day tolerance.
      expect(cell(5)).toMatchObject({ date: true, fill: 'FFFFC7CE' });
      expect(new Date(String(cell(5).v)).getTime()).toBeGreaterThan(new Date(String(cell(6).v)).getTime());
    });
  });

  it('speaks Russian and Indonesian; another locale is refused on the locale field', async () => {
    const ru = new ExcelJS.Workbook();
    await ru.xlsx.readFile(await saved((await exportPlan('ru')).url.replace('https://plans.example.test', t.url), 'ru.xlsx'));
    expect(ru.getWorksheet('Plan')!.getRow(8).getCell(2).value).toBe('Название');
    expect(ru.getWorksheet('Plan')!.getRow(9).getCell(6).numFmt).toBe('[$-419]dd.mm.yyyy');
    const id = new ExcelJS.Workbook();
    await id.xlsx.readFile(await saved((await exportPlan('id')).url.replace('https://plans.example.test', t.url), 'id.xlsx'));
    expect(id.getWorksheet('Plan')!.getRow(8).getCell(2).value).toBe('Nama');
    const refused = await t.gql(EXPORT, { p: projectId, l: 'de' }, pm.token);
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0].extensions!.field).toBe('locale');
  });

  it('answers a forged, altered or expired URL with 404 and no data', async () => {
    const { url } = await exportPlan();
    const local = url.replace('https://plans.example.test', t.url);
    const [payload, signature] = local.split('/exports/')[1].split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const altered = Buffer.from(JSON.stringify({ ...claims, exp: claims.exp + 3600 })).toString('base64url');
    for (const bad of [
      `${t.url}/exports/${altered}.${signature}`,
      `${t.url}/exports/${payload}.${signature.slice(0, -3)}abc`,
      `${t.url}/exports/forged.token`,
      `${t.url}/exports/x`,
    ]) {
      const { response, body } = await download(bad);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/json');
      expect(JSON.parse(body.toString())).toMatchObject({ code: 'NOT_FOUND' });
    }
    const clock = t.app.get<ExportClock>(EXPORT_CLOCK);
    const real = clock.now;
    try {
      clock.now = () => new Date(Date.now() + 15 * 60_000 + 1000);
      expect((await download(local)).response.status).toBe(404);
      clock.now = () => new Date(Date.now() + 14 * 60_000);
      expect((await download(local)).response.status).toBe(200);
    } finally {
      clock.now = real;
    }
  });

  it('works for the person who asked only while they may read the project', async () => {
    const { url } = await exportPlan(undefined, observer);
    const local = url.replace('https://plans.example.test', t.url);
    expect((await download(local)).response.status).toBe(200);
    await t.ok('mutation($p: ID!, $u: ID!) { removeMember(projectId: $p, userId: $u, role: OBSERVER) }', { p: projectId, u: observer.id }, pm.token);
    const { response, body } = await download(local);
    expect(response.status).toBe(404);
    expect(body.subarray(0, 2).toString()).not.toBe('PK');
    // And the mutation itself: a non-member is told the project does not exist.
    expect(codeOf(await t.gql(EXPORT, { p: projectId }, observer.token))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql(EXPORT, { p: projectId }))).toBe('UNAUTHENTICATED');
  });

  it('follows an edited template (a fill colour, a header text) without a code change or a restart', async () => {
    const templateFile = join(templatesDir, 'plan.xlsx');
    const template = new ExcelJS.Workbook();
    await template.xlsx.readFile(templateFile);
    template.getWorksheet('Styles')!.eachRow((row) => {
      if (row.getCell(1).value === 'ganttCritical') row.getCell(2).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF7030A0' } };
    });
    template.getWorksheet('Labels')!.eachRow((row) => {
      if (row.getCell(1).value === 'col.name') row.getCell(2).value = 'Work package';
    });
    await template.xlsx.writeFile(templateFile);

    const file = await saved((await exportPlan()).url.replace('https://plans.example.test', t.url), 'edited.xlsx');
    const py = readWithOpenpyxl(file);
    expect(py.Plan.rows.find((r) => r.r === 8)!.cells.find((c) => c.c === 2)!.v).toBe('Work package');
    const fills = py.Plan.rows.flatMap((r) => r.cells.filter((c) => c.c > 16).map((c) => c.fill));
    expect(fills).toContain('FF7030A0');
    expect(fills).not.toContain('FFE06666');
    // The print titles the builder re-applies survive a template saved by exceljs.
    expect(py.Plan.printTitleRows).toBe('$7:$8');
  });
});
