import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { columnEmu, EMU_PER_PIXEL, picturesOf, type CellPoint } from '../../src/modules/export/kit/template-pictures';
import { TestApp, TestUser, unique } from '../support/test-app';
import { xlsxParts } from '../support/xlsx-parts';

const PUBLIC = 'https://plans.example.test';
const LOGO = readFileSync(resolve('test/fixtures/excel-pictures/logo.png'));
const LOGO_SHA256 = createHash('sha256').update(LOGO).digest('hex');

/** The four workbooks: how each is exported, and its template's layout sheets. */
const WORKBOOKS = {
  plan: { template: 'plan', sheets: ['Plan', 'Rollout'] },
  report: { template: 'status-report', sheets: ['Status report'] },
  certificate: { template: 'certificate', sheets: ['Certificate'] },
  training: { template: 'training', sheets: ['Sessions', 'Attendance'] },
} as const;
type Workbook = keyof typeof WORKBOOKS;

/**
 * Where the test's person puts the logo in each template (zero-based cell, offsets in EMU), as
 * one would in Excel: in the page's top right, clear of the header text (the Rollout's beside its
 * table, which has no territory columns here). One-cell anchors give the size exactly; the
 * certificate's is a two-cell anchor over F1:F2, as Excel saves a placed picture. The training
 * schedule's Attendance sheet gets none.
 */
const PLACED: Partial<Record<string, { from: CellPoint; size?: { width: number; height: number }; to?: CellPoint }>> = {
  Plan: { from: { col: 12, colOff: 4 * EMU_PER_PIXEL, row: 0, rowOff: 2 * EMU_PER_PIXEL }, size: { width: 160 * EMU_PER_PIXEL, height: 48 * EMU_PER_PIXEL } },
  Rollout: { from: { col: 2, colOff: 0, row: 3, rowOff: 0 }, size: { width: 120 * EMU_PER_PIXEL, height: 36 * EMU_PER_PIXEL } },
  'Status report': { from: { col: 9, colOff: 6 * EMU_PER_PIXEL, row: 0, rowOff: 3 * EMU_PER_PIXEL }, size: { width: 100 * EMU_PER_PIXEL, height: 30 * EMU_PER_PIXEL } },
  Certificate: { from: { col: 5, colOff: 0, row: 0, rowOff: 0 }, to: { col: 6, colOff: 0, row: 2, rowOff: 0 } },
  Sessions: { from: { col: 10, colOff: 8 * EMU_PER_PIXEL, row: 0, rowOff: 2 * EMU_PER_PIXEL }, size: { width: 160 * EMU_PER_PIXEL, height: 48 * EMU_PER_PIXEL } },
};

interface PyImage { sha256: string; format: string; anchor: string; from: CellPoint; ext?: { cx: number; cy: number } }

describe('Excel exports: a logo placed in a template (e2e)', () => {
  let t: TestApp;
  let pm: TestUser;
  const ids: Record<string, string> = {};
  const work = mkdtempSync(join(tmpdir(), 'rollout-export-logo-'));
  const templatesDir = join(work, 'excel');

  const exportOf: Record<Workbook, () => Promise<string>> = {
    plan: async () => (await t.ok('mutation($p: ID!) { exportProjectPlan(projectId: $p) { url } }', { p: ids.project }, pm.token)).exportProjectPlan.url,
    report: async () => (await t.ok('mutation($id: ID!) { exportStatusReport(id: $id) { url } }', { id: ids.report }, pm.token)).exportStatusReport.url,
    certificate: async () => (await t.ok('mutation($s: ID) { exportAcceptanceCertificate(stageId: $s) { url } }', { s: ids.stage }, pm.token)).exportAcceptanceCertificate.url,
    training: async () => (await t.ok('mutation($p: ID!) { exportTrainingSchedule(projectId: $p) { url } }', { p: ids.project }, pm.token)).exportTrainingSchedule.url,
  };
  const exported = async (workbook: Workbook, name: string) => {
    const response = await fetch((await exportOf[workbook]()).replace(PUBLIC, t.url));
    expect(response.status).toBe(200);
    const body = Buffer.from(await response.arrayBuffer());
    const file = join(work, name);
    writeFileSync(file, body);
    if (process.env.EXPORTS_KEEP_DIR) writeFileSync(join(process.env.EXPORTS_KEEP_DIR, name), body);
    return file;
  };
  const openpyxlImages = (file: string): Record<string, PyImage[]> => {
    const all = JSON.parse(execFileSync('/usr/bin/python3', [resolve('test/support/read-xlsx.py'), file, '3'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
    return Object.fromEntries((all.sheets as string[]).map((name) => [name, all[name].images]));
  };

  beforeAll(async () => {
    cpSync(resolve('templates/excel'), templatesDir, { recursive: true });
    t = await TestApp.start({ PUBLIC_URL: `${PUBLIC}/`, EXPORT_TEMPLATES_DIR: templatesDir });
    pm = await t.user({ name: 'Pavel Manager' });
    const trainer = await t.user({ name: 'Tanya Trainer' });
    const sponsor = await t.user({ name: 'Olga Sponsor', organization: 'CLIENT' as never });
    const { createProject } = await t.ok('mutation($i: CreateProjectInput!) { createProject(input: $i) { id stages { id } } }', {
      i: { code: unique('LOGO'), name: 'CRM for Belaya Dacha', clientName: 'Belaya Dacha', templateKey: 'prince2-crm', startDate: '2026-03-02' },
    }, pm.token);
    ids.project = createProject.id;
    ids.stage = createProject.stages[0].id;
    for (const [user, role] of [[trainer, 'TRAINER'], [sponsor, 'STEERING_COMMITTEE']] as const) {
      await t.ok('mutation($p: ID!, $u: ID!, $r: ProjectRole!) { addMember(projectId: $p, userId: $u, role: $r) { id } }', { p: ids.project, u: user.id, r: role }, pm.token);
    }
    await t.ok('mutation($id: ID!) { startStage(id: $id) { id } }', { id: ids.stage }, pm.token);
    await t.ok('mutation($i: AddCriterionInput!) { addCriterion(input: $i) { id } }', { i: { stageId: ids.stage, text: 'Customer data migrated', priority: 'MUST', confirmerIds: [sponsor.id] } }, pm.token);
    await t.ok('mutation($i: ScheduleTrainingInput!) { scheduleTraining(input: $i) { id } }', {
      i: { projectId: ids.project, title: 'Order entry basics', audience: 'KEY_USERS', trainerId: trainer.id, capacity: 12, format: 'ONSITE', location: 'Room 5', startsAt: '2026-04-06T09:30:00+03:00', endsAt: '2026-04-06T12:00:00+03:00' },
    }, pm.token);
    await t.ok('mutation($p: ID!, $d: Date) { setStatusDate(projectId: $p, statusDate: $d) { id } }', { p: ids.project, d: '2026-03-13' }, pm.token);
    ids.report = (await t.ok('mutation($i: CreateStatusReportInput!) { createStatusReport(input: $i) { id } }', {
      i: { projectId: ids.project, periodStart: '2026-03-02', periodEnd: '2026-03-13', summary: 'First fortnight' },
    }, pm.token)).createStatusReport.id;
  }, 60_000);
  afterAll(async () => {
    await t.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('exports no drawing part and no image while the templates carry no picture (as shipped)', async () => {
    for (const workbook of Object.keys(WORKBOOKS) as Workbook[]) {
      const file = await exported(workbook, `${workbook}-plain.xlsx`);
      const names = Object.keys(xlsxParts(file));
      expect(names.filter((n) => n.startsWith('xl/drawings/') || n.startsWith('xl/media/'))).toEqual([]);
      expect(Object.values(openpyxlImages(file)).flat()).toEqual([]);
    }
  });

  describe('once a person places a logo in each template', () => {
    /** What each layout sheet holds, as the app reads the edited template. */
    const expected: Record<string, { from: CellPoint; width: number; height: number }> = {};
    const files = {} as Record<Workbook, string>;
    let certificateColumnF = 0;

    beforeAll(async () => {
      for (const { template, sheets } of Object.values(WORKBOOKS)) {
        const file = join(templatesDir, `${template}.xlsx`);
        const book = new ExcelJS.Workbook();
        await book.xlsx.readFile(file);
        const logo = book.addImage({ buffer: LOGO as unknown as ExcelJS.Image['buffer'], extension: 'png' });
        for (const name of sheets) {
          const placed = PLACED[name];
          if (!placed) continue;
          const tl = { nativeCol: placed.from.col, nativeColOff: placed.from.colOff, nativeRow: placed.from.row, nativeRowOff: placed.from.rowOff };
          const range = placed.to
            ? { tl, br: { nativeCol: placed.to.col, nativeColOff: placed.to.colOff, nativeRow: placed.to.row, nativeRowOff: placed.to.rowOff }, editAs: 'oneCell' }
            : { tl, ext: { width: placed.size!.width / EMU_PER_PIXEL, height: placed.size!.height / EMU_PER_PIXEL } };
          book.getWorksheet(name)!.addImage(logo, range as never);
        }
        await book.xlsx.writeFile(file);
        // The size a two-cell anchor spans in the template, measured as the app measures it.
        const saved = new ExcelJS.Workbook();
        await saved.xlsx.readFile(file);
        if (template === 'certificate') certificateColumnF = saved.getWorksheet('Certificate')!.getColumn(6).width!;
        for (const name of sheets) {
          const [picture] = picturesOf(saved, saved.getWorksheet(name)!, template);
          if (picture) expected[name] = { from: picture.from, width: picture.width, height: picture.height };
        }
      }
      for (const workbook of Object.keys(WORKBOOKS) as Workbook[]) files[workbook] = await exported(workbook, `${workbook}-logo.xlsx`);
    }, 60_000);

    it('reads each picture from the edited template at the place the person put it', () => {
      for (const [name, placed] of Object.entries(PLACED)) {
        expect(expected[name].from).toEqual(placed!.from);
        if (placed!.size) expect(expected[name]).toMatchObject(placed!.size);
      }
      // The certificate's two-cell anchor spans column F (its template's width) and two default rows.
      expect(certificateColumnF).toBeGreaterThan(5);
      expect(expected.Certificate).toMatchObject({ width: columnEmu(certificateColumnF), height: 2 * 15 * 12_700 });
    });

    it.each(Object.keys(WORKBOOKS) as Workbook[])('carries the logo into the %s workbook: same bytes, same cell and offsets, same size (openpyxl)', (workbook) => {
      const images = openpyxlImages(files[workbook]);
      for (const name of WORKBOOKS[workbook].sheets) {
        const want = expected[name];
        expect(images[name]).toEqual(want ? [{ sha256: LOGO_SHA256, bytes: LOGO.length, format: 'png', anchor: 'OneCellAnchor', from: want.from, ext: { cx: want.width, cy: want.height } }] : []);
      }
    });

    it.each(Object.keys(WORKBOOKS) as Workbook[])('carries the logo into the %s workbook: same bytes, same cell and offsets, same size (exceljs)', async (workbook) => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(files[workbook]);
      for (const name of WORKBOOKS[workbook].sheets) {
        const want = expected[name];
        const seen = book.getWorksheet(name)!.getImages().map((image) => {
          const { tl, ext } = image.range as unknown as { tl: ExcelJS.Anchor; ext: { width: number; height: number } };
          const medium = book.getImage(Number(image.imageId));
          return {
            same: (medium.buffer as unknown as Buffer).equals(LOGO),
            from: { col: tl.nativeCol, colOff: tl.nativeColOff, row: tl.nativeRow, rowOff: tl.nativeRowOff },
            width: Math.round(ext.width * EMU_PER_PIXEL),
            height: Math.round(ext.height * EMU_PER_PIXEL),
          };
        });
        expect(seen).toEqual(want ? [{ same: true, ...want }] : []);
      }
    });

    it('stores the image once per workbook and declares each drawing part', () => {
      const parts = xlsxParts(files.plan);
      expect(Object.keys(parts).filter((n) => n.startsWith('xl/media/'))).toEqual(['xl/media/image0.png']);
      const types = parts['[Content_Types].xml'] as string;
      expect(types.match(/ContentType="application\/vnd.openxmlformats-officedocument.drawing\+xml"/g)).toHaveLength(2);
      // The training schedule's Attendance sheet has no picture, so no drawing.
      const training = xlsxParts(files.training);
      expect(Object.keys(training).filter((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n))).toHaveLength(1);
      expect(training['xl/worksheets/sheet2.xml']).not.toContain('<drawing');
    });
  });
});
