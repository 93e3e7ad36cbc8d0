import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { TestApp, TestUser, unique } from '../support/test-app';
import { stageReportingScene } from '../support/reporting-scene';

const EXPORT = 'mutation($id: ID!, $l: String) { exportStatusReport(id: $id, locale: $l) { url } }';
const REPORT_FIELDS = `id forecastFinish baselineFinish ratings { dimension computed basis } thisPeriod { name detail } nextPeriod { name detail }
  risks { name detail } issues { name detail } exceptions { id dimension description }`;
const DIMENSIONS = ['SCHEDULE', 'COST', 'SCOPE', 'QUALITY', 'RISK', 'READINESS'] as const;
const ROW_NAMES = {
  ru: { SCHEDULE: 'Сроки', COST: 'Бюджет', SCOPE: 'Содержание', QUALITY: 'Качество', RISK: 'Риски', READINESS: 'Готовность' },
  id: { SCHEDULE: 'Jadwal', COST: 'Biaya', SCOPE: 'Lingkup', QUALITY: 'Kualitas', RISK: 'Risiko', READINESS: 'Kesiapan' },
} as const;

/** Every text cell of the sheet by row and column, as openpyxl (test/support/read-xlsx.py) reads it. */
function openpyxlTexts(file: string): Map<number, Map<number, string>> {
  const all = JSON.parse(execFileSync('/usr/bin/python3', [resolve('test/support/read-xlsx.py'), file], { encoding: 'utf8' }));
  const rows = new Map<number, Map<number, string>>();
  for (const row of all['Status report'].rows as { r: number; cells: { c: number; v: unknown; t: string }[] }[]) {
    rows.set(row.r, new Map(row.cells.filter((c) => c.t === 's').map((c) => [c.c, c.v as string])));
  }
  return rows;
}

/** The same, as exceljs reads it. */
async function exceljsTexts(file: string): Promise<Map<number, Map<number, string>>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const rows = new Map<number, Map<number, string>>();
  book.getWorksheet('Status report')!.eachRow((row, r) => {
    const cells = new Map<number, string>();
    row.eachCell((cell, c) => { if (typeof cell.value === 'string') cells.set(c, cell.value); });
    rows.set(r, cells);
  });
  return rows;
}

/**
 * The status report workbook in Russian and Indonesian (README "Status report workbook"): the
 * labels follow the locale, and so do the sentences the system wrote — each rating's basis, each
 * line's detail, an exception's description — with dates and numbers as the locale writes them,
 * while the API keeps answering in English. A report published before the messages were kept
 * still exports, with its stored English sentences.
 */
describe('Excel exports: the status report\'s sentences in the export\'s locale (e2e)', () => {
  let t: TestApp;
  let pm: TestUser, sponsor: TestUser, keyUser: TestUser;
  let projectId: string;
  let published: any;
  let draftId: string;
  const work = mkdtempSync(join(tmpdir(), 'rollout-status-locales-'));
  let files = 0;

  const ru = (iso: string) => iso.split('-').reverse().join('.');
  const idDate = (iso: string) => iso.split('-').reverse().join('/');

  /** Exports the report, reads it with exceljs and with openpyxl, checks both read the same texts, and gives them. */
  const exported = async (id: string, user: TestUser, locale: string) => {
    const { url } = (await t.ok(EXPORT, { id, l: locale }, user.token)).exportStatusReport;
    const response = await fetch(url.replace('https://reports.example.test', t.url));
    expect(response.status).toBe(200);
    const file = join(work, `report-${locale}-${files++}.xlsx`);
    writeFileSync(file, Buffer.from(await response.arrayBuffer()));
    const py = openpyxlTexts(file);
    const js = await exceljsTexts(file);
    for (const [r, cells] of py) for (const [c, v] of cells) expect({ r, c, v: js.get(r)?.get(c) }).toEqual({ r, c, v });
    const texts = [...py.values()].flatMap((cells) => [...cells.values()]);
    /** Column `c` of the first row whose column `key` reads `text`. */
    const beside = (key: number, text: string, c: number) => [...py.values()].find((cells) => cells.get(key) === text)?.get(c);
    return { file, texts, beside };
  };
  const reportOf = async (id: string) => (await t.ok(`query($id: ID!) { project(id: $id) { statusReports { ${REPORT_FIELDS} } } }`, { id: projectId }, pm.token))
    .project.statusReports.find((r: any) => r.id === id);
  /** Every sentence the API gives for a report in English. */
  const englishOf = (report: any): string[] => [
    ...report.ratings.map((r: any) => r.basis),
    ...['thisPeriod', 'nextPeriod', 'risks', 'issues'].flatMap((list) => report[list].map((i: any) => i.detail)),
    ...report.exceptions.map((e: any) => e.description),
  ];
  /** A sentence without its quoted user texts («…», “…”), the names of people as entered and the currency's code. */
  const systemWords = (text: string) => text.replace(/«[^»]*»|“[^”]*”/g, '').replace(/Pavel PM|\bRUB\b/g, '');

  beforeAll(async () => {
    t = await TestApp.start({ PUBLIC_URL: 'https://reports.example.test' });
    [pm, sponsor, keyUser] = [await t.user({ name: 'Pavel PM' }), await t.user({ organization: 'CLIENT' as never }), await t.user({ organization: 'CLIENT' as never, name: 'Kira Key' })];
    const project = (await t.ok('mutation($i: CreateProjectInput!) { createProject(input: $i) { id tasks { id stage { sequence } } stages { exitCriteria { id text priority } } } }', {
      i: { code: unique('REP-L'), name: 'CRM for Belaya Dacha', clientName: 'Belaya Dacha', templateKey: 'prince2-crm', startDate: '2026-03-02', calendarCode: 'RU' },
    }, pm.token)).createProject;
    projectId = project.id;
    for (const [user, role] of [[sponsor, 'STEERING_COMMITTEE'], [keyUser, 'KEY_USER']] as const) {
      await t.ok('mutation($p: ID!, $u: ID!, $r: ProjectRole!) { addMember(projectId: $p, userId: $u, role: $r) { id } }', { p: projectId, u: user.id, r: role }, pm.token);
    }
    const firstTask = project.tasks.find((x: any) => x.stage?.sequence === 1);
    const mustCriteria = project.stages[0].exitCriteria.filter((c: any) => c.priority === 'MUST');
    await stageReportingScene(t, { projectId, pm, sponsor, keyUser, firstTaskId: firstTask.id, mustCriteria });

    // Published: the forecast at completion 25 % over a 10 % tolerance, so cost is RED and raises an exception.
    const first = (await t.ok('mutation($i: CreateStatusReportInput!) { createStatusReport(input: $i) { id version } }', {
      i: { projectId, periodStart: '2026-03-02', periodEnd: '2026-03-13', summary: 'First fortnight' },
    }, pm.token)).createStatusReport;
    await t.ok('mutation($i: UpdateStatusReportInput!) { updateStatusReport(input: $i) { id } }', {
      i: { id: first.id, version: first.version, costToDate: '400000', forecastAtCompletion: '1250000', decisionsRequested: ['Approve the extra week'] },
    }, pm.token);
    await t.ok('mutation($id: ID!) { publishStatusReport(id: $id) { id } }', { id: first.id }, pm.token);
    published = await reportOf(first.id);
    expect(published.exceptions.map((e: any) => e.dimension)).toEqual(['COST']);
    draftId = (await t.ok('mutation($i: CreateStatusReportInput!) { createStatusReport(input: $i) { id } }', {
      i: { projectId, periodStart: '2026-03-16', periodEnd: '2026-03-27', summary: 'Second fortnight' },
    }, pm.token)).createStatusReport.id;
  }, 90_000);
  afterAll(async () => {
    await t.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('the API still answers in English', () => {
    const basis = (d: string) => published.ratings.find((r: any) => r.dimension === d).basis;
    expect(basis('COST')).toBe('forecast at completion 1250000.00 RUB is 25.00 % over budget 1000000.00 RUB; tolerance 10 %');
    expect(basis('RISK')).toBe('2 open risks, highest score 16 ("Data migration late"), 1 without an owner; AMBER from 8 or without an owner, RED from 15');
    expect(published.thisPeriod.map((i: any) => i.detail)).toEqual(['task finished']);
    expect(published.exceptions[0].description).toBe(`Status report 2026-03-02 – 2026-03-13: ${basis('COST')}`);
  });

  it('a published report in Russian: every basis, detail and exception in Russian, with the locale\'s dates and numbers', async () => {
    const { texts, beside } = await exported(published.id, sponsor, 'ru');
    const basis = (d: keyof typeof ROW_NAMES.ru) => beside(1, ROW_NAMES.ru[d], 4)!;
    const { forecastFinish, baselineFinish } = published;
    expect(basis('SCHEDULE')).toBe(`прогноз окончания ${ru(forecastFinish)} на 7 рабочих дней позже базового плана ${ru(baselineFinish)}; допуск 10 рабочих дней`);
    expect(basis('COST')).toBe('прогноз затрат 1\u00a0250\u00a0000,00 RUB на 25,00 % выше бюджета 1\u00a0000\u00a0000,00 RUB; допуск 10 %');
    expect(basis('SCOPE')).toMatch(/^снят 1 обязательный критерий с момента базового плана «Approved plan» \(зафиксирован \d\d\.\d\d\.\d{4}\): «.+»$/);
    expect(basis('QUALITY')).toMatch(/^отклонён 1 обязательный критерий: «.+»$/);
    expect(basis('RISK')).toBe('2 открытых риска, наивысшая оценка 16 («Data migration late»), 1 без владельца; ЖЁЛТЫЙ от 8 или без владельца, КРАСНЫЙ от 15');
    expect(basis('READINESS')).toBe('не готова 1 из 1 вехи с запуском после 02.03.2026 и до 25.03.2026 включительно: «Sales go-live» (1 из 1 ключевого пользователя ещё не обучен)');
    for (const d of DIMENSIONS) expect(systemWords(basis(d))).not.toMatch(/[A-Za-z]{2,}/);

    expect(beside(2, published.thisPeriod[0].name, 6)).toBe('задача завершена');
    expect(texts).toContain('запуск вехи');
    expect(texts).toContain('начало задачи');
    expect(beside(10, 'Data migration late', 12)).toBe('оценка 16 (вероятность 4 × влияние 4); владелец: Pavel PM; реагирование: снижение');
    expect(beside(10, 'Low risk', 12)).toBe('оценка 2 (вероятность 1 × влияние 2); владелец: не назначен');
    expect(beside(10, 'Invoices wrong', 12)).toBe('отклонение от спецификации, приоритет высокий; владелец: Pavel PM');
    expect(beside(10, 'Printer driver', 12)).toBe('проблема, приоритет низкий; владелец: не назначен');
    expect(texts).toContain(`Бюджет: Отчёт о статусе 02.03.2026 – 13.03.2026: ${basis('COST')}`);
    for (const name of ['Data migration late', 'Low risk', 'Invoices wrong', 'Printer driver']) expect(systemWords(beside(10, name, 12)!)).not.toMatch(/[A-Za-z]{2,}/);

    // No English sentence is left: none of the API's, and no English word outside user text.
    for (const english of englishOf(published)) expect(texts).not.toContain(english);
  });

  it('a published report in Indonesian, with its dates and numbers', async () => {
    const { texts, beside } = await exported(published.id, pm, 'id');
    const basis = (d: keyof typeof ROW_NAMES.id) => beside(1, ROW_NAMES.id[d], 4)!;
    const { forecastFinish, baselineFinish } = published;
    expect(basis('SCHEDULE')).toBe(`perkiraan selesai ${idDate(forecastFinish)} terlambat 7 hari kerja dari baseline ${idDate(baselineFinish)}; toleransi 10 hari kerja`);
    expect(basis('COST')).toBe('perkiraan biaya akhir 1.250.000,00 RUB 25,00 % di atas anggaran 1.000.000,00 RUB; toleransi 10 %');
    expect(basis('SCOPE')).toMatch(/^1 kriteria wajib dikecualikan sejak baseline “Approved plan” \(dibuat \d\d\/\d\d\/\d{4}\): “.+”$/);
    expect(basis('RISK')).toBe('2 risiko terbuka, skor tertinggi 16 (“Data migration late”), 1 tanpa pemilik; KUNING mulai 8 atau tanpa pemilik, MERAH mulai 15');
    expect(basis('READINESS')).toBe('1 dari 1 milestone yang go-live setelah 02/03/2026 s.d. 25/03/2026 belum siap: “Sales go-live” (1 dari 1 key user belum mengikuti sesi key user)');
    expect(beside(2, published.thisPeriod[0].name, 6)).toBe('tugas selesai');
    expect(beside(10, 'Data migration late', 12)).toBe('skor 16 (probabilitas 4 × dampak 4); pemilik: Pavel PM; respons: kurangi');
    expect(beside(10, 'Invoices wrong', 12)).toBe('penyimpangan spesifikasi, prioritas tinggi; pemilik: Pavel PM');
    expect(texts).toContain(`Biaya: Laporan status 02/03/2026 – 13/03/2026: ${basis('COST')}`);
    for (const english of englishOf(published)) expect(texts).not.toContain(english);
  });

  it('a draft is rendered in the locale as computed now, an earlier report\'s open exception and its decision too', async () => {
    await t.ok('mutation($id: ID!) { decideException(id: $id, decision: REQUEST_EXCEPTION_PLAN) { id } }', { id: published.exceptions[0].id }, sponsor.token);
    const draft = await reportOf(draftId);
    const { texts, beside } = await exported(draftId, pm, 'ru');
    expect(beside(1, 'Риски', 4)).toBe('2 открытых риска, наивысшая оценка 16 («Data migration late»), 1 без владельца; ЖЁЛТЫЙ от 8 или без владельца, КРАСНЫЙ от 15');
    expect(beside(1, 'Бюджет', 4)).toBe('не оценивается: в отчёте ещё нет прогноза затрат (бюджет 1\u00a0000\u00a0000,00 RUB)');
    expect(texts).toContain('Бюджет: Отчёт о статусе 02.03.2026 – 13.03.2026: прогноз затрат 1\u00a0250\u00a0000,00 RUB на 25,00 % выше бюджета 1\u00a0000\u00a0000,00 RUB; допуск 10 % — запрошен план исключения');
    for (const english of englishOf(draft)) expect(texts).not.toContain(english);
  });

  it('a report published before messages were kept still exports, with its stored English sentences under the locale\'s labels', async () => {
    // The snapshot as publishing wrote it before this change: texts only, no message keys.
    const [{ snapshot }] = await t.dataSource.query('SELECT snapshot FROM status_report WHERE id = $1', [published.id]);
    const strip = (value: unknown): unknown => Array.isArray(value) ? value.map(strip)
      : value && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).filter(([k]) => !['basisMessage', 'detailMessage', 'nameMessage'].includes(k)).map(([k, v]) => [k, strip(v)]))
        : value;
    const old = strip(snapshot);
    expect(JSON.stringify(old)).not.toMatch(/Message/);
    await t.dataSource.query('UPDATE status_report SET snapshot = $2::jsonb WHERE id = $1', [published.id, JSON.stringify(old)]);

    expect(await reportOf(published.id)).toEqual(published);
    const { texts, beside } = await exported(published.id, sponsor, 'ru');
    for (const d of DIMENSIONS) expect(beside(1, ROW_NAMES.ru[d], 4)).toBe(published.ratings.find((r: any) => r.dimension === d).basis);
    expect(beside(2, published.thisPeriod[0].name, 6)).toBe('task finished');
    expect(beside(10, 'Data migration late', 12)).toBe('score 16 (probability 4 × impact 4); owner: Pavel PM; response REDUCE');
    expect(texts).toContain(`Бюджет: ${published.exceptions[0].description}`);
    expect(texts).toContain('Оценки');
  });
});
