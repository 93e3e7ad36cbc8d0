import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { codeOf, TestApp, TestUser, unique } from '../support/test-app';

const CERTIFICATE = 'mutation($s: ID, $m: ID, $l: String) { exportAcceptanceCertificate(stageId: $s, milestoneId: $m, locale: $l) { url fileName expiresAt } }';
const TRAINING = 'mutation($p: ID!, $l: String) { exportTrainingSchedule(projectId: $p, locale: $l) { url fileName expiresAt } }';
const EVIL = '=HYPERLINK("http://evil","click")';
const PUBLIC = 'https://plans.example.test';

interface PyCell { c: number; v: unknown; t: string; date: boolean; fmt: string; fill: string | null }
interface PySheet {
  freeze: string | null; printTitleRows: string | null; orientation: string; fitToWidth: number; fitToHeight: number; fitToPage: boolean;
  footer: { left: string | null; center: string | null; right: string | null };
  rows: { r: number; cells: PyCell[] }[];
}
/** What openpyxl (an independent reader, test/support/read-xlsx.py) sees. */
function readWithOpenpyxl(file: string): Record<string, PySheet> & { sheets: string[] } {
  return JSON.parse(execFileSync('/usr/bin/python3', [resolve('test/support/read-xlsx.py'), file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
}
/** The first row of a sheet (exceljs) whose cell in `column` reads `text`. */
function rowWith(sheet: ExcelJS.Worksheet, column: number, text: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    if (!found && row.getCell(column).value === text) found = row;
  });
  if (!found) throw new Error(`No row of ${sheet.name} reads "${text}" in column ${column}`);
  return found;
}
/** Statements the app's pool sends while `work` runs (as test/integration/read-path.e2e-spec.ts counts them). */
async function countStatements(t: TestApp, work: () => Promise<unknown>): Promise<number> {
  const pool = (t.dataSource.driver as any).master;
  const client = await pool.connect();
  const proto = Object.getPrototypeOf(client);
  client.release();
  const original = proto.query;
  let seen = 0;
  proto.query = function (this: unknown, ...args: unknown[]) {
    seen++;
    return original.apply(this, args);
  };
  try {
    await work();
  } finally {
    proto.query = original;
  }
  return seen;
}
const pyCell = (sheet: PySheet, row: number, column: number) => sheet.rows.find((r) => r.r === row)?.cells.find((c) => c.c === column);

describe('Excel exports: the acceptance certificate and the training schedule (e2e)', () => {
  let t: TestApp;
  let pm: TestUser, sponsor: TestUser, director: TestUser, trainer: TestUser, keyUser: TestUser, observer: TestUser, outsider: TestUser;
  let projectId: string, stageId: string, milestoneId: string, code: string;
  const work = mkdtempSync(join(tmpdir(), 'rollout-cert-training-'));

  const saved = async (url: string, name: string) => {
    expect(url.startsWith(`${PUBLIC}/exports/`)).toBe(true);
    const response = await fetch(url.replace(PUBLIC, t.url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const file = join(work, name);
    writeFileSync(file, Buffer.from(await response.arrayBuffer()));
    return file;
  };
  const open = async (file: string) => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    return book;
  };
  const exportCertificate = async (vars: { s?: string; m?: string; l?: string }, user = pm) =>
    (await t.ok(CERTIFICATE, vars, user.token)).exportAcceptanceCertificate as { url: string; fileName: string };
  const exportTraining = async (locale?: string, user = pm) => (await t.ok(TRAINING, { p: projectId, l: locale }, user.token)).exportTrainingSchedule as { url: string; fileName: string };

  beforeAll(async () => {
    // The templates the app reads are a copy, edited by a test without a restart.
    cpSync(resolve('templates/excel'), join(work, 'excel'), { recursive: true });
    t = await TestApp.start({ PUBLIC_URL: `${PUBLIC}/`, EXPORT_TEMPLATES_DIR: join(work, 'excel') });
    pm = await t.user({ name: 'Pavel Manager' });
    sponsor = await t.user({ name: 'Olga Sponsor', organization: 'CLIENT' as never });
    director = await t.user({ name: 'Ivan Director', organization: 'CLIENT' as never });
    trainer = await t.user({ name: 'Tanya Trainer' });
    keyUser = await t.user({ name: 'Kira Keyuser', organization: 'CLIENT' as never });
    observer = await t.user({ name: 'Boris Observer', organization: 'CLIENT' as never });
    outsider = await t.user();
    code = unique('CRM-CERT');
    const { createProject } = await t.ok('mutation($i: CreateProjectInput!) { createProject(input: $i) { id stages { id } } }', {
      i: { code, name: 'CRM for Belaya Dacha', clientName: 'Belaya Dacha', systemName: 'Dynamics 365', templateKey: 'prince2-crm', startDate: '2026-03-02' },
    }, pm.token);
    projectId = createProject.id;
    stageId = createProject.stages[0].id;
    for (const [user, role] of [[sponsor, 'STEERING_COMMITTEE'], [director, 'STEERING_COMMITTEE'], [trainer, 'TRAINER'], [keyUser, 'KEY_USER'], [observer, 'OBSERVER']] as const) {
      await t.ok('mutation($p: ID!, $u: ID!, $r: ProjectRole!) { addMember(projectId: $p, userId: $u, role: $r) { id } }', { p: projectId, u: user.id, r: role }, pm.token);
    }
    await t.ok('mutation($id: ID!) { startStage(id: $id) { id } }', { id: stageId }, pm.token);
    const add = async (text: string, priority: string, confirmerIds: string[]) =>
      (await t.ok('mutation($i: AddCriterionInput!) { addCriterion(input: $i) { id } }', { i: { stageId, text, priority, confirmerIds } }, pm.token)).addCriterion.id as string;
    const migrated = await add('Customer data migrated and reconciled', 'MUST', [sponsor.id, director.id]);
    const reports = await add('Sales reports signed off by the regions', 'SHOULD', [sponsor.id]);
    const training = await add('Key users trained', 'COULD', [sponsor.id]);
    await t.ok('mutation($id: ID!, $c: String) { confirmCriterion(id: $id, comment: $c) { id } }', { id: migrated, c: EVIL }, sponsor.token);
    await t.ok('mutation($id: ID!, $c: String) { confirmCriterion(id: $id, comment: $c) { id } }', { id: migrated, c: 'Checked against the old CRM' }, director.token);
    await t.ok('mutation($id: ID!, $c: String!) { rejectCriterion(id: $id, comment: $c) { id } }', { id: reports, c: 'Two regional reports are missing' }, sponsor.token);
    await t.ok('mutation($id: ID!, $r: String!) { waiveCriterion(id: $id, reason: $r) { id } }', { id: training, r: 'Moved to the second wave' }, director.token);
    await t.ok('mutation($i: GateDecisionInput!) { decideGate(input: $i) { id } }', { i: { stageId, outcome: 'REJECTED', conditions: 'Deliver the missing reports and present again' } }, director.token);

    const area = (await t.ok('mutation($p: ID!) { addFunctionArea(projectId: $p, name: "Warehouse") { id } }', { p: projectId }, pm.token)).addFunctionArea.id;
    milestoneId = (await t.ok('mutation($i: AddMilestoneInput!) { addMilestone(input: $i) { id } }', {
      i: { projectId, name: 'Warehouse — Head office', splitBy: 'FUNCTION', functionAreaId: area },
    }, pm.token)).addMilestone.id;

    // Training: a session held (one attended, one absent), one to come, one cancelled.
    const schedule = async (input: Record<string, unknown>) => (await t.ok('mutation($i: ScheduleTrainingInput!) { scheduleTraining(input: $i) { id version } }', {
      i: { projectId, audience: 'KEY_USERS', trainerId: trainer.id, capacity: 12, functionAreaId: area, ...input },
    }, pm.token)).scheduleTraining as { id: string; version: number };
    const held = await schedule({ title: 'Order entry basics', format: 'ONSITE', location: 'Room 5, Head office', startsAt: '2025-11-03T09:30:00+03:00', endsAt: '2025-11-03T12:00:00+03:00', timeZone: 'Europe/Moscow', attendeeIds: [keyUser.id, observer.id] });
    await t.ok('mutation($s: ID!, $u: ID!) { recordAttendance(sessionId: $s, userId: $u, status: ATTENDED) { status } }', { s: held.id, u: keyUser.id }, trainer.token);
    await t.ok('mutation($s: ID!, $u: ID!) { recordAttendance(sessionId: $s, userId: $u, status: ABSENT) { status } }', { s: held.id, u: observer.id }, trainer.token);
    await schedule({ title: '@Reports for managers', format: 'REMOTE', meetingUrl: 'https://meet.example/reports', audience: 'END_USERS', startsAt: '2030-02-10T10:00:00+07:00', endsAt: '2030-02-10T11:30:00+07:00', timeZone: 'Asia/Jakarta', attendeeIds: [keyUser.id] });
    const cancelled = await schedule({ title: 'Cancelled refresher', format: 'ONSITE', location: 'Hall', startsAt: '2030-01-15T09:00:00Z', endsAt: '2030-01-15T10:00:00Z', attendeeIds: [observer.id] });
    await t.ok('mutation($id: ID!, $v: Int!) { cancelTraining(id: $id, version: $v) { id } }', { id: cancelled.id, v: cancelled.version }, pm.token);
  }, 90_000);
  afterAll(async () => {
    await t.close();
    rmSync(work, { recursive: true, force: true });
  });

  describe('the acceptance certificate', () => {
    let file: string;
    let sheet: ExcelJS.Worksheet;
    let py: PySheet;

    beforeAll(async () => {
      const exported = await exportCertificate({ s: stageId });
      expect(exported.fileName).toMatch(new RegExp(`^${code}_acceptance_.+_\\d{4}-\\d{2}-\\d{2}\\.xlsx$`));
      file = await saved(exported.url, 'certificate.xlsx');
      sheet = (await open(file)).getWorksheet('Certificate')!;
      py = readWithOpenpyxl(file).Certificate;
    });

    it('heads the document with project, client, system, stage and date', () => {
      expect(sheet.getCell('A1').value).toBe('Acceptance certificate');
      expect(String(sheet.getCell('A2').value)).toContain(code);
      expect(rowWith(sheet, 1, 'Client').getCell(3).value).toBe('Belaya Dacha');
      expect(rowWith(sheet, 1, 'System').getCell(3).value).toBe('Dynamics 365');
      expect(String(rowWith(sheet, 1, 'Stage').getCell(3).value)).toMatch(/^1\. /);
      const date = rowWith(sheet, 1, 'Date');
      expect(pyCell(py, date.number, 3)).toMatchObject({ date: true, fmt: '[$-809]dd mmm yyyy', v: `${new Date().toISOString().slice(0, 10)}T00:00:00` });
    });

    it('lists the criteria with priority and status, and the date each was decided on', () => {
      const migrated = rowWith(sheet, 2, 'Customer data migrated and reconciled');
      expect([migrated.getCell(3).value, migrated.getCell(4).value]).toEqual(['Must', 'Confirmed']);
      expect(migrated.getCell(6).value).toBe('Ivan Director, Olga Sponsor');
      expect(pyCell(py, migrated.number, 5)).toMatchObject({ date: true, fmt: '[$-809]dd mmm yyyy' });
      expect(pyCell(py, migrated.number, 4)!.fill).toBe('FFC6EFCE');
      const reports = rowWith(sheet, 2, 'Sales reports signed off by the regions');
      expect([reports.getCell(3).value, reports.getCell(4).value]).toEqual(['Should', 'Rejected']);
      expect(pyCell(py, reports.number, 4)!.fill).toBe('FFFFC7CE');
      expect(rowWith(sheet, 2, 'Key users trained').getCell(4).value).toBe('Waived');
    });

    it('records every confirmation and rejection with who, organisation, decision, date and comment; a comment like a formula stays text', () => {
      const evil = rowWith(sheet, 6, EVIL);
      expect([evil.getCell(2).value, evil.getCell(3).value, evil.getCell(4).value]).toEqual(['Olga Sponsor', 'Client', 'Confirmed']);
      expect(evil.getCell(6).type).toBe(ExcelJS.ValueType.String);
      expect(evil.getCell(6).formula).toBeUndefined();
      expect(pyCell(py, evil.number, 6)).toMatchObject({ t: 's', v: EVIL });
      expect(pyCell(py, evil.number, 5)).toMatchObject({ date: true, fmt: '[$-809]dd mmm yyyy' });
      const rejection = rowWith(sheet, 6, 'Two regional reports are missing');
      expect([rejection.getCell(2).value, rejection.getCell(4).value]).toEqual(['Olga Sponsor', 'Rejected']);
      expect(rowWith(sheet, 6, 'Checked against the old CRM').getCell(2).value).toBe('Ivan Director');
    });

    it('shows the waiver with its reason and who decided, the gate decision with its conditions, and signature lines', () => {
      const waiver = rowWith(sheet, 2, 'Moved to the second wave');
      expect(waiver.getCell(4).value).toBe('Ivan Director');
      expect(waiver.getCell(1).value).toBe(rowWith(sheet, 2, 'Key users trained').getCell(1).value);
      expect(rowWith(sheet, 1, 'Outcome').getCell(3).value).toBe('Rejected');
      expect(rowWith(sheet, 1, 'Conditions').getCell(3).value).toBe('Deliver the missing reports and present again');
      expect(String(rowWith(sheet, 1, 'Decided by').getCell(3).value)).toContain('Ivan Director');
      expect(String(rowWith(sheet, 1, 'For the client (Belaya Dacha)').getCell(1).value)).toContain('Belaya Dacha');
      rowWith(sheet, 1, 'For the integrator');
      const names: unknown[] = [];
      sheet.eachRow((row) => names.push(row.getCell(1).value));
      for (const line of ['Name', 'Position', 'Signature']) expect(names.filter((n) => n === line)).toHaveLength(2);
    });

    it('prints on A4 portrait, one page wide, with the title rows on every page', () => {
      expect(py).toMatchObject({ orientation: 'portrait', fitToWidth: 1, fitToHeight: 0, fitToPage: true, printTitleRows: '$1:$2' });
      expect(sheet.pageSetup.paperSize).toBe(9);
      // The template's column widths: the criterion and the comment columns are the wide ones.
      expect([1, 2, 3, 4, 5, 6].map((c) => sheet.getColumn(c).width)).toEqual([5, 36, 15, 15, 13, 28]);
      expect(py.footer.left).toContain(code);
    });

    it('is made for a milestone as well (no gate section), and speaks Russian', async () => {
      const milestone = (await open(await saved((await exportCertificate({ m: milestoneId })).url, 'milestone.xlsx'))).getWorksheet('Certificate')!;
      expect(rowWith(milestone, 1, 'Milestone').getCell(3).value).toBe('Warehouse — Head office');
      expect(rowWith(milestone, 1, 'Function area').getCell(3).value).toBe('Warehouse');
      expect(() => rowWith(milestone, 1, '4. Gate decision')).toThrow();
      const ru = (await open(await saved((await exportCertificate({ s: stageId, l: 'ru' })).url, 'ru.xlsx'))).getWorksheet('Certificate')!;
      expect(ru.getCell('A1').value).toBe('Акт приёмки');
      expect(rowWith(ru, 1, 'Заказчик').getCell(3).value).toBe('Belaya Dacha');
      const migrated = rowWith(ru, 2, 'Customer data migrated and reconciled');
      expect([migrated.getCell(3).value, migrated.getCell(4).value]).toEqual(['Обязательный', 'Подтверждён']);
      expect(migrated.getCell(5).numFmt).toBe('[$-419]dd.mm.yyyy');
      rowWith(ru, 1, 'От Заказчика (Belaya Dacha)');
      rowWith(ru, 1, 'Должность');
    });

    it('follows an edited template (a status colour, a header text) without a code change or a restart', async () => {
      const templateFile = join(work, 'excel', 'certificate.xlsx');
      const template = await open(templateFile);
      template.getWorksheet('Styles')!.eachRow((row) => {
        if (row.getCell(1).value === 'statusConfirmed') row.getCell(2).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00B050' } };
      });
      template.getWorksheet('Labels')!.eachRow((row) => {
        if (row.getCell(1).value === 'title') row.getCell(2).value = 'Acceptance act';
      });
      await template.xlsx.writeFile(templateFile);
      const edited = await saved((await exportCertificate({ s: stageId })).url, 'edited.xlsx');
      const book = await open(edited);
      expect(book.getWorksheet('Certificate')!.getCell('A1').value).toBe('Acceptance act');
      const migrated = rowWith(book.getWorksheet('Certificate')!, 2, 'Customer data migrated and reconciled');
      expect(pyCell(readWithOpenpyxl(edited).Certificate, migrated.number, 4)!.fill).toBe('FF00B050');
      expect(readWithOpenpyxl(edited).Certificate.printTitleRows).toBe('$1:$2');
    });

    it('takes exactly one of stageId and milestoneId, and a known locale', async () => {
      const both = await t.gql(CERTIFICATE, { s: stageId, m: milestoneId }, pm.token);
      expect(codeOf(both)).toBe('BAD_USER_INPUT');
      expect(both.errors![0].extensions!.field).toBe('milestoneId');
      const neither = await t.gql(CERTIFICATE, {}, pm.token);
      expect(codeOf(neither)).toBe('BAD_USER_INPUT');
      expect(neither.errors![0].extensions!.field).toBe('stageId');
      const locale = await t.gql(CERTIFICATE, { s: stageId, l: 'de' }, pm.token);
      expect(codeOf(locale)).toBe('BAD_USER_INPUT');
      expect(locale.errors![0].extensions!.field).toBe('locale');
    });

    it('is exported by every member who reads criteria (a key user, an observer), not by outsiders', async () => {
      await saved((await exportCertificate({ s: stageId }, keyUser)).url, 'key-user.xlsx');
      await saved((await exportCertificate({ m: milestoneId }, observer)).url, 'observer.xlsx');
      expect(codeOf(await t.gql(CERTIFICATE, { s: stageId }, outsider.token))).toBe('NOT_FOUND');
      expect(codeOf(await t.gql(CERTIFICATE, { s: stageId }))).toBe('UNAUTHENTICATED');
    });
  });

  describe('the training schedule', () => {
    let book: ExcelJS.Workbook;
    let py: ReturnType<typeof readWithOpenpyxl>;

    beforeAll(async () => {
      const exported = await exportTraining();
      expect(exported.fileName).toMatch(new RegExp(`^${code}_training_\\d{4}-\\d{2}-\\d{2}\\.xlsx$`));
      const file = await saved(exported.url, 'training.xlsx');
      book = await open(file);
      py = readWithOpenpyxl(file);
    });

    it('lists the sessions by date with trainer, format, place or link, audience, area, capacity, invited and attended', () => {
      expect(py.sheets).toEqual(['Sessions', 'Attendance']);
      const sheet = book.getWorksheet('Sessions')!;
      expect(sheet.getRow(5).values).toEqual([undefined, 'Date', 'From', 'To', 'Time zone', 'Session', 'Trainer', 'Format', 'Place or link', 'Audience', 'Function area', 'Territory', 'Capacity', 'Invited', 'Attended', 'State']);
      expect([6, 7, 8].map((n) => sheet.getRow(n).getCell(5).value)).toEqual(['Order entry basics', 'Cancelled refresher', '@Reports for managers']);
      const held = sheet.getRow(6);
      expect([held.getCell(6).value, held.getCell(7).value, held.getCell(8).value, held.getCell(9).value, held.getCell(10).value, held.getCell(12).value, held.getCell(13).value, held.getCell(14).value, held.getCell(15).value])
        .toEqual(['Tanya Trainer', 'On site', 'Room 5, Head office', 'Key users', 'Warehouse', 12, 2, 1, 'Held']);
      // Date and times in the session's own zone, as date and time cells.
      expect(pyCell(py.Sessions, 6, 1)).toMatchObject({ date: true, v: '2025-11-03T00:00:00', fmt: '[$-809]dd mmm yyyy' });
      expect(pyCell(py.Sessions, 6, 2)).toMatchObject({ date: true, v: '09:30:00', fmt: 'hh:mm' });
      // exceljs reads a time of day as a moment of Excel's day zero.
      expect(held.getCell(2).value).toEqual(new Date('1899-12-30T09:30:00Z'));
      expect(held.getCell(3).value).toEqual(new Date('1899-12-30T12:00:00Z'));
      const remote = sheet.getRow(8);
      expect([remote.getCell(4).value, remote.getCell(7).value, remote.getCell(8).value, remote.getCell(13).value, remote.getCell(15).value])
        .toEqual(['Asia/Jakarta', 'Remote', 'https://meet.example/reports', 1, 'Scheduled']);
      expect(pyCell(py.Sessions, 8, 5)).toMatchObject({ t: 's', v: '@Reports for managers' });
      expect(sheet.getRow(7).getCell(15).value).toBe('Cancelled');
      expect(py.Sessions).toMatchObject({ orientation: 'landscape', fitToWidth: 1, printTitleRows: '$5:$5', freeze: 'A6' });
      expect(sheet.getColumn(5).width).toBe(30);
    });

    it('lays out the attendance matrix: people × sessions held or to come, with invited and attended marks and totals', () => {
      const sheet = book.getWorksheet('Attendance')!;
      expect([sheet.getRow(6).getCell(3).value, sheet.getRow(6).getCell(4).value]).toEqual(['Order entry basics', '@Reports for managers']);
      expect([sheet.getRow(5).getCell(1).value, sheet.getRow(5).getCell(5).value, sheet.getRow(5).getCell(6).value]).toEqual(['Person', 'Invited', 'Attended']);
      expect(pyCell(py.Attendance, 5, 3)).toMatchObject({ date: true, v: '2025-11-03T00:00:00' });
      const boris = rowWith(sheet, 1, 'Boris Observer');
      const kira = rowWith(sheet, 1, 'Kira Keyuser');
      expect(boris.number).toBeLessThan(kira.number);
      expect([kira.getCell(3).value, kira.getCell(4).value, kira.getCell(5).value, kira.getCell(6).value]).toEqual(['✓', '○', 2, 1]);
      // The cancelled session is no column: Boris is invited to nothing else held or to come.
      expect([boris.getCell(3).value, boris.getCell(4).value, boris.getCell(5).value, boris.getCell(6).value]).toEqual(['✗', null, 1, 0]);
      expect(pyCell(py.Attendance, kira.number, 3)).toMatchObject({ v: '✓', fill: 'FFC6EFCE' });
      expect(pyCell(py.Attendance, boris.number, 3)).toMatchObject({ v: '✗', fill: 'FFFFC7CE' });
      expect(py.Attendance).toMatchObject({ freeze: 'C7', printTitleRows: '$5:$6' });
    });

    it('speaks Russian, and is exported by every member who reads sessions, not by outsiders', async () => {
      const ru = await open(await saved((await exportTraining('ru', keyUser)).url, 'training-ru.xlsx'));
      expect(String(ru.getWorksheet('Sessions')!.getCell('A1').value)).toMatch(/^График обучения/);
      expect(ru.getWorksheet('Sessions')!.getRow(5).getCell(6).value).toBe('Тренер');
      expect(ru.getWorksheet('Sessions')!.getRow(6).getCell(1).numFmt).toBe('[$-419]dd.mm.yyyy');
      expect(ru.getWorksheet('Sessions')!.getRow(6).getCell(15).value).toBe('Проведено');
      expect(ru.getWorksheet('Attendance')!.getRow(5).getCell(1).value).toBe('Участник');
      await saved((await exportTraining(undefined, observer)).url, 'training-observer.xlsx');
      expect(codeOf(await t.gql(TRAINING, { p: projectId }, outsider.token))).toBe('NOT_FOUND');
      expect(codeOf(await t.gql(TRAINING, { p: projectId, l: 'fr' }, pm.token))).toBe('BAD_USER_INPUT');
    });
  });

  it('reads each workbook in the same number of statements however many criteria, decisions, sessions and people there are', async () => {
    const download = async (url: string) => {
      const local = url.replace(PUBLIC, t.url);
      return countStatements(t, async () => expect((await fetch(local).then((r) => r.arrayBuffer())).byteLength).toBeGreaterThan(0));
    };
    const certificate = (await exportCertificate({ s: stageId })).url;
    const schedule = (await exportTraining()).url;
    const before = [await download(certificate), await download(schedule)];
    const more = (await t.ok('mutation($i: AddCriterionInput!) { addCriterion(input: $i) { id } }', { i: { stageId, text: 'One more criterion', priority: 'COULD', confirmerIds: [sponsor.id, director.id] } }, pm.token)).addCriterion.id;
    await t.ok('mutation($id: ID!, $c: String!) { rejectCriterion(id: $id, comment: $c) { id } }', { id: more, c: 'Not yet' }, director.token);
    const extra = await t.user({ name: 'Yana Newcomer', organization: 'CLIENT' as never });
    await t.ok('mutation($p: ID!, $u: ID!) { addMember(projectId: $p, userId: $u, role: KEY_USER) { id } }', { p: projectId, u: extra.id }, pm.token);
    await t.ok('mutation($i: ScheduleTrainingInput!) { scheduleTraining(input: $i) { id } }', {
      i: { projectId, title: 'Extra session', audience: 'END_USERS', format: 'REMOTE', meetingUrl: 'https://meet.example/extra', trainerId: pm.id, capacity: 5, startsAt: '2030-03-01T09:00:00Z', endsAt: '2030-03-01T10:00:00Z', attendeeIds: [extra.id] },
    }, pm.token);
    expect([await download(certificate), await download(schedule)]).toEqual(before);
    expect(before[0]).toBeLessThanOrEqual(12);
    expect(before[1]).toBeLessThanOrEqual(12);
  });
});
