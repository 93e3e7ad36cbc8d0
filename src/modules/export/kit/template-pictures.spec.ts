import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { finished } from 'node:stream/promises';
import { xlsxParts } from '../../../../test/support/xlsx-parts';
import { ExcelTemplate, type SheetLayout } from './template';
import { columnEmu, EMU_PER_PIXEL, EMU_PER_POINT, picturesOf, spanSize, writerInternals, type TemplatePicture } from './template-pictures';
import { addSheet, streamingWorkbook } from './workbook';

const FIXTURES = resolve('test/fixtures/excel-pictures');
const LOGO = readFileSync(join(FIXTURES, 'logo.png'));
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
/** exceljs's typings declare a Buffer of their own. */
const image = (buffer: Buffer, extension: string): ExcelJS.Image => ({ buffer: buffer as unknown as ExcelJS.Image['buffer'], extension: extension as ExcelJS.Image['extension'] });

interface PyImage { sha256: string; format: string; anchor: string; from: { col: number; colOff: number; row: number; rowOff: number }; to?: unknown; ext?: { cx: number; cy: number } }
function openpyxlImages(file: string): Record<string, PyImage[]> {
  const all = JSON.parse(execFileSync('/usr/bin/python3', [resolve('test/support/read-xlsx.py'), file, '5'], { encoding: 'utf8' }));
  return Object.fromEntries((all.sheets as string[]).map((name) => [name, all[name].images]));
}

async function readBook(file: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  return book;
}

describe('template pictures', () => {
  const work = mkdtempSync(join(tmpdir(), 'template-pictures-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('is written for exceljs 4.4.0, whose streaming writer internals it uses (see template-pictures.ts before upgrading)', () => {
    const { version } = JSON.parse(readFileSync(resolve('node_modules/exceljs/package.json'), 'utf8'));
    expect(version).toBe('4.4.0');
  });

  describe('measuring', () => {
    it('takes a column as Excel draws it: whole pixels of the 7-pixel digit, 64 pixels when left at the default', () => {
      expect(columnEmu(undefined)).toBe(64 * EMU_PER_PIXEL);
      expect(columnEmu(12)).toBe(84 * EMU_PER_PIXEL);
      expect(columnEmu(8.43)).toBe(59 * EMU_PER_PIXEL);
      expect(columnEmu(2)).toBe(14 * EMU_PER_PIXEL);
    });

    it('sizes a two-cell anchor by the columns and rows it spans, less the start offsets, plus the end offsets', () => {
      const widths = new Map([[2, 12]]);
      const heights = new Map([[2, 30]]);
      const geometry = { columnWidth: (c: number) => widths.get(c), rowHeight: (r: number) => heights.get(r), defaultRowHeight: 15 };
      // B2 + (10 px, 2 pt) to D5 + (5 px, 1 pt): B is 84 px, C 64 px; row 2 is 30 pt, rows 3 and 4 15 pt.
      const size = spanSize({ col: 1, colOff: 10 * EMU_PER_PIXEL, row: 1, rowOff: 2 * EMU_PER_POINT }, { col: 3, colOff: 5 * EMU_PER_PIXEL, row: 4, rowOff: 1 * EMU_PER_POINT }, geometry);
      expect(size).toEqual({ width: (84 + 64 - 10 + 5) * EMU_PER_PIXEL, height: (30 + 15 + 15 - 2 + 1) * EMU_PER_POINT });
      // Within one cell: the offsets alone.
      expect(spanSize({ col: 1, colOff: 100, row: 1, rowOff: 50 }, { col: 1, colOff: 900, row: 1, rowOff: 450 }, geometry)).toEqual({ width: 800, height: 400 });
    });
  });

  describe('reading a template', () => {
    it('reads a one-cell and a two-cell anchored picture placed by exceljs: bytes, top-left cell and offsets, size', async () => {
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('Plan');
      sheet.getColumn(2).width = 12;
      sheet.getRow(2).height = 30;
      const logo = book.addImage(image(LOGO, 'png'));
      sheet.addImage(logo, { tl: { col: 8.5, row: 0.25 }, ext: { width: 160, height: 48 } });
      sheet.addImage(logo, { tl: { col: 1, row: 1 }, br: { col: 3, row: 4 } } as never);
      const file = join(work, 'exceljs-template.xlsx');
      await book.xlsx.writeFile(file);

      const read = await readBook(file);
      const [oneCell, twoCell] = picturesOf(read, read.getWorksheet('Plan')!, 'test');
      expect(oneCell.image.equals(LOGO)).toBe(true);
      expect(oneCell).toMatchObject({ type: 'png', width: 160 * EMU_PER_PIXEL, height: 48 * EMU_PER_PIXEL });
      // exceljs turns a fraction of a cell into EMU by its own measures (a default column 640,000, a row 180,000).
      expect(oneCell.from).toEqual({ col: 8, colOff: 320_000, row: 0, rowOff: 45_000 });
      expect(twoCell.from).toEqual({ col: 1, colOff: 0, row: 1, rowOff: 0 });
      expect(twoCell).toMatchObject({ width: (84 + 64) * EMU_PER_PIXEL, height: (30 + 15 + 15) * EMU_PER_POINT });
    });

    it('reads a picture placed by LibreOffice (a two-cell anchor in its own measures) at its place and size', async () => {
      // libreoffice.xlsx: a 160 × 48 px logo 4 px into B2 (B is 40 characters wide) written by
      // exceljs, then `soffice --headless --convert-to xlsx`: LibreOffice rewrites it as a
      // two-cell anchor (B2 → B4) with offsets rounded to its 1/100 mm.
      const file = join(FIXTURES, 'libreoffice.xlsx');
      const book = await readBook(file);
      const [picture, ...more] = picturesOf(book, book.getWorksheet('Layout')!, 'test');
      expect(more).toEqual([]);
      const [seen] = openpyxlImages(file).Layout;
      expect(seen.anchor).toBe('TwoCellAnchor');
      expect(picture.image.equals(LOGO)).toBe(true);
      expect(picture.from).toEqual(seen.from);
      expect(Math.abs(picture.width - 160 * EMU_PER_PIXEL)).toBeLessThan(EMU_PER_PIXEL);
      expect(Math.abs(picture.height - 48 * EMU_PER_PIXEL)).toBeLessThan(EMU_PER_PIXEL);
    });

    it('leaves out, with a warning, a picture in a format not every viewer shows (EMF)', async () => {
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('Plan');
      sheet.addImage(book.addImage(image(Buffer.from('not really an EMF'), 'emf')), { tl: { col: 0, row: 0 }, ext: { width: 10, height: 10 } });
      sheet.addImage(book.addImage(image(LOGO, 'png')), { tl: { col: 2, row: 0 }, ext: { width: 160, height: 48 } });
      const file = join(work, 'emf.xlsx');
      await book.xlsx.writeFile(file);
      const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
      try {
        const read = await readBook(file);
        const pictures = picturesOf(read, read.getWorksheet('Plan')!, 'plan');
        expect(pictures.map((p) => p.type)).toEqual(['png']);
        expect(warn).toHaveBeenCalledWith(expect.stringContaining('Excel template plan, sheet "Plan": a picture in emf format is left out of exports'));
      } finally {
        warn.mockRestore();
      }
    });
  });

  describe('writing into exceljs\'s streaming writer', () => {
    const logo = (from: TemplatePicture['from'], width: number, height: number): TemplatePicture => ({ image: LOGO, type: 'png', from, width, height });
    const pictures = {
      First: [logo({ col: 8, colOff: 3 * EMU_PER_PIXEL, row: 0, rowOff: 12_700 }, 160 * EMU_PER_PIXEL, 48 * EMU_PER_PIXEL), logo({ col: 1, colOff: 0, row: 20, rowOff: 0 }, 1_234_567, 370_371)],
      Plain: [],
      Third: [logo({ col: 0, colOff: 0, row: 0, rowOff: 0 }, 80 * EMU_PER_PIXEL, 24 * EMU_PER_PIXEL)],
    };
    const layout = (name: keyof typeof pictures): SheetLayout => ({ widths: new Map([[1, 20]]), pageSetup: {}, headerFooter: {}, pictures: pictures[name] });
    const template = new ExcelTemplate('test', new Map(), new Map(), new Map((['First', 'Plain', 'Third'] as const).map((n) => [n, layout(n)])));
    const file = join(work, 'streamed.xlsx');
    let bytesBeforeCommit = 0;

    beforeAll(async () => {
      // Counts what reaches the output before the workbook commits: the rows must still stream.
      let streamed = 0;
      const counter = new PassThrough();
      counter.on('data', (chunk: Buffer) => (streamed += chunk.length));
      const out = createWriteStream(file);
      counter.pipe(out);
      const book = streamingWorkbook(counter, 'Pictures');
      const first = addSheet(book, template, 'First');
      for (let r = 1; r <= 20_000; r++) {
        const row = first.getRow(r);
        // Text that compresses as real rows do, not to nothing.
        row.values = [`Row ${r}`, r, sha256(Buffer.from(String(r)))];
        if (r === 1) row.getCell(1).note = 'A comment: exceljs writes it as a legacyDrawing';
        if (r === 30) row.addPageBreak();
        row.commit();
        if (r % 1000 === 0) await new Promise(setImmediate);
      }
      // The zip compresses what the rows wrote as it comes (about 1.2 MB here): given a moment,
      // most of it reaches the output before the workbook commits, unless something holds it back.
      for (let wait = 0; wait < 300 && streamed < 800_000; wait++) await new Promise((done) => setTimeout(done, 10));
      addSheet(book, template, 'Plain').getCell('A1').value = 'No picture';
      addSheet(book, template, 'Third').getCell('A1').value = 'A logo over me';
      bytesBeforeCommit = streamed;
      await book.commit();
      await finished(out);
    });

    it('keeps streaming: the rows of a sheet with pictures reach the output before the workbook commits', () => {
      expect(bytesBeforeCommit).toBeGreaterThanOrEqual(800_000);
      expect(statSync(file).size).toBeLessThan(1_500_000);
    });

    it('is read back by exceljs at the same cell, offsets and size, with the same bytes', async () => {
      const book = await readBook(file);
      const read = (name: string) => book.getWorksheet(name)!.getImages().map((image) => {
        const range = image.range as unknown as { tl: ExcelJS.Anchor; br?: unknown; ext: { width: number; height: number } };
        const medium = book.getImage(Number(image.imageId));
        return { bytes: sha256(medium.buffer as unknown as Buffer), br: range.br, from: { col: range.tl.nativeCol, colOff: range.tl.nativeColOff, row: range.tl.nativeRow, rowOff: range.tl.nativeRowOff }, width: Math.round(range.ext.width * EMU_PER_PIXEL), height: Math.round(range.ext.height * EMU_PER_PIXEL) };
      });
      for (const name of ['First', 'Plain', 'Third'] as const) {
        expect(read(name)).toEqual(pictures[name].map((p) => ({ bytes: sha256(LOGO), br: undefined, from: p.from, width: p.width, height: p.height })));
      }
      expect(book.getWorksheet('First')!.getCell('A1').note).toBeTruthy();
      expect(book.getWorksheet('First')!.getCell('A20000').value).toBe('Row 20000');
    });

    it('is read back by openpyxl as one-cell anchors at the same cell, offsets and size, with the same bytes', () => {
      const images = openpyxlImages(file);
      for (const name of ['First', 'Plain', 'Third'] as const) {
        expect(images[name]).toEqual(pictures[name].map((p) => expect.objectContaining({ sha256: sha256(LOGO), format: 'png', anchor: 'OneCellAnchor', from: p.from, ext: { cx: p.width, cy: p.height } })));
      }
    });

    it('writes a drawing part per sheet with pictures, the image once, the content types, and <drawing> where the schema puts it', () => {
      const parts = xlsxParts(file);
      const names = Object.keys(parts);
      expect(names.filter((n) => /^xl\/drawings\/.*\.xml/.test(n)).sort()).toEqual(['xl/drawings/_rels/drawing1.xml.rels', 'xl/drawings/_rels/drawing3.xml.rels', 'xl/drawings/drawing1.xml', 'xl/drawings/drawing3.xml']);
      expect(names.filter((n) => n.startsWith('xl/media/'))).toEqual(['xl/media/image0.png']);
      expect(parts['xl/media/image0.png']).toBe(LOGO.length);
      expect(parts['xl/drawings/_rels/drawing1.xml.rels']).toContain('Target="../media/image0.png"');

      const types = parts['[Content_Types].xml'] as string;
      for (const n of [1, 3]) expect(types).toContain(`<Override PartName="/xl/drawings/drawing${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`);
      expect(types).toContain('<Default Extension="png" ContentType="image/png"/>');

      // Sheet 1: rowBreaks, then drawing, then the comments' legacyDrawing (CT_Worksheet's sequence).
      const sheet = parts['xl/worksheets/sheet1.xml'] as string;
      const rels = parts['xl/worksheets/_rels/sheet1.xml.rels'] as string;
      const rId = /<drawing r:id="(rId\d+)"\/>/.exec(sheet)![1];
      expect(rels).toMatch(new RegExp(`<Relationship Id="${rId}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"/>`));
      const at = (tag: string) => sheet.indexOf(tag);
      expect(at('<rowBreaks')).toBeGreaterThan(at('<headerFooter'));
      expect(at('<drawing ')).toBeGreaterThan(at('<rowBreaks'));
      expect(at('<legacyDrawing ')).toBeGreaterThan(at('<drawing '));
      expect(at('</worksheet>')).toBeGreaterThan(at('<legacyDrawing '));

      // The drawing is DrawingML's one-cell anchor, without the editAs only a two-cell anchor may carry.
      const drawing = parts['xl/drawings/drawing1.xml'] as string;
      expect(drawing.match(/<xdr:oneCellAnchor>/g)).toHaveLength(2);
      expect(drawing).not.toContain('editAs');
      expect(drawing).toContain('<xdr:ext cx="1234567" cy="370371"/>');
    });

    it('writes nothing for a sheet without pictures: no drawing, no relationship', () => {
      const parts = xlsxParts(file);
      expect(parts['xl/worksheets/sheet2.xml']).not.toContain('<drawing');
      expect(parts['xl/worksheets/_rels/sheet2.xml.rels']).toBeUndefined();
      expect(xlsxParts(file)['[Content_Types].xml']).not.toContain('drawing2');
    });

    it('refuses loudly when exceljs no longer has an internal it relies on', () => {
      const book = streamingWorkbook(new PassThrough(), 'Check');
      const sheet = book.addWorksheet('Check');
      expect(() => writerInternals(book, sheet)).not.toThrow();
      (sheet as unknown as { _writeLegacyData?: unknown })._writeLegacyData = undefined;
      expect(() => writerInternals(book, sheet)).toThrow('exceljs changed WorksheetWriter._writeLegacyData, which src/modules/export/kit/template-pictures.ts relies on (written for exceljs 4.4.0)');
      (book as unknown as { zip?: unknown }).zip = undefined;
      expect(() => writerInternals(book, sheet)).toThrow(/exceljs changed WorkbookWriter.zip.append/);
    });
  });
});
