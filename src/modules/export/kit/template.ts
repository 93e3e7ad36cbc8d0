import ExcelJS from 'exceljs';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { COMMON_LABELS, type LabelSet } from './labels';
import { picturesOf, type TemplatePicture } from './template-pictures';
import { LOCALES, type Locale } from '../../../common/i18n/locale';

/** What a page of a workbook takes from its template sheet: widths, print set-up, pictures. */
export interface SheetLayout {
  /** Column widths by column number (1 = A), as the template has them. */
  widths: Map<number, number>;
  pageSetup: Partial<ExcelJS.PageSetup>;
  headerFooter: Partial<ExcelJS.HeaderFooter>;
  /** Tab colour, when the template gives one. */
  tabColor?: Partial<ExcelJS.Color>;
  /** Pictures placed on the sheet (a logo): the output sheet shows them at the same place. */
  pictures: TemplatePicture[];
}

/**
 * A workbook's look, read from `templates/excel/<name>.xlsx`:
 * - sheet `Styles`: a role name in column A (e.g. `tableHeader`, `ganttCritical`) and in column
 *   B a cell styled as that role should look (font, fill, border, alignment, number format);
 * - sheet `Labels`: a key in column A and its text in English, Russian and Indonesian (B, C, D);
 * - every other sheet: the layout of the output sheet of the same name (column widths, page
 *   set-up, header and footer, pictures such as a logo).
 * A person restyles the workbook by editing these in Excel; nothing in code names a colour.
 */
export class ExcelTemplate {
  constructor(
    readonly name: string,
    private readonly styles: Map<string, Partial<ExcelJS.Style>>,
    private readonly labels: Map<Locale, LabelSet>,
    private readonly layouts: Map<string, SheetLayout>,
  ) {}

  /**
   * The style of a role, one object per role: exceljs's streaming writer keys styles by object
   * identity, so handing out the same object keeps a 20,000-row export from re-hashing styles.
   * `numFmt` gives a variant (a date, a percentage) of the role, also cached.
   */
  style(role: string, numFmt?: string): Partial<ExcelJS.Style> {
    const key = numFmt ? `${role}\u0000${numFmt}` : role;
    let style = this.styles.get(key);
    if (!style) {
      const base = this.styles.get(role);
      if (!base) throw new Error(`Excel template ${this.name} has no style "${role}" in its Styles sheet`);
      style = { ...base, numFmt };
      this.styles.set(key, style);
    }
    return style;
  }

  /**
   * Several roles layered (later ones win per font, fill, alignment and border side), plus
   * `extra` (a number format, an indent): e.g. a task row's cell under the status date's marker.
   * Cached like `style`: call it while setting up, not per cell.
   */
  compose(roles: string[], extra: Partial<ExcelJS.Style> = {}): Partial<ExcelJS.Style> {
    const key = `${roles.join('+')}\u0000${JSON.stringify(extra)}`;
    let style = this.styles.get(key);
    if (!style) {
      style = {};
      for (const layer of [...roles.map((r) => this.style(r)), extra]) {
        if (layer.font) style.font = { ...style.font, ...layer.font };
        if (layer.fill) style.fill = layer.fill;
        if (layer.alignment) style.alignment = { ...style.alignment, ...layer.alignment };
        if (layer.border) style.border = { ...style.border, ...layer.border };
        if (layer.numFmt) style.numFmt = layer.numFmt;
      }
      this.styles.set(key, style);
    }
    return style;
  }

  hasStyle(role: string): boolean {
    return this.styles.has(role);
  }

  /** The fill colour of a role as ARGB (e.g. for a legend or a chart). */
  fillColor(role: string): string | undefined {
    const fill = this.style(role).fill;
    return fill && fill.type === 'pattern' ? fill.fgColor?.argb : undefined;
  }

  /**
   * A label in the locale: the template's text, else the workbook's built-in one (`defaults`),
   * else the common one, else the key itself (a missing text shows, it does not break the export).
   */
  labelsFor(locale: Locale, defaults?: Record<Locale, LabelSet>): (key: string) => string {
    const set = this.labels.get(locale) ?? {};
    const own = defaults?.[locale] ?? {};
    return (key) => set[key] ?? own[key] ?? COMMON_LABELS[locale][key] ?? key;
  }

  layout(sheet: string): SheetLayout {
    return this.layouts.get(sheet) ?? { widths: new Map(), pageSetup: {}, headerFooter: {}, pictures: [] };
  }
}

const cache = new Map<string, { mtimeMs: number; template: Promise<ExcelTemplate> }>();

/**
 * Loads `<dir>/<name>.xlsx`, again whenever the file changed (its modification time): an edited
 * template applies to the next export without a restart.
 */
export function loadTemplate(dir: string, name: string): Promise<ExcelTemplate> {
  const file = join(dir, `${name}.xlsx`);
  const { mtimeMs } = statSync(file);
  const hit = cache.get(file);
  if (hit && hit.mtimeMs === mtimeMs) return hit.template;
  const template = readTemplate(file, name);
  cache.set(file, { mtimeMs, template });
  template.catch(() => cache.delete(file));
  return template;
}

async function readTemplate(file: string, name: string): Promise<ExcelTemplate> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const styles = new Map<string, Partial<ExcelJS.Style>>();
  const labels = new Map<Locale, LabelSet>(LOCALES.map((l) => [l, {}]));
  const layouts = new Map<string, SheetLayout>();
  for (const sheet of book.worksheets) {
    if (sheet.name === 'Styles') {
      sheet.eachRow((row, n) => {
        const role = textOf(row.getCell(1).value);
        if (n > 1 && role) styles.set(role, copyStyle(row.getCell(2).style));
      });
    } else if (sheet.name === 'Labels') {
      sheet.eachRow((row, n) => {
        const key = textOf(row.getCell(1).value);
        if (n === 1 || !key) return;
        LOCALES.forEach((locale, i) => {
          const text = textOf(row.getCell(2 + i).value);
          if (text) labels.get(locale)![key] = text;
        });
      });
    } else {
      const widths = new Map<number, number>();
      // Every column the sheet defines (<cols>), not only those holding values.
      (sheet.columns ?? []).forEach((column, i) => {
        if (column.width) widths.set(i + 1, column.width);
      });
      // exceljs reads the print set-up but not the print titles (STACK.md): each workbook
      // builder sets the rows to repeat itself, knowing where its table's header lands.
      const { printTitlesRow: _rows, printTitlesColumn: _columns, printArea: _area, ...pageSetup } = sheet.pageSetup;
      layouts.set(sheet.name, { widths, pageSetup, headerFooter: { ...sheet.headerFooter }, tabColor: sheet.properties.tabColor, pictures: picturesOf(book, sheet, name) });
    }
  }
  return new ExcelTemplate(name, styles, labels, layouts);
}

/** Only what a cell's look is made of, deep-copied (the template's objects stay the template's). */
function copyStyle(style: Partial<ExcelJS.Style>): Partial<ExcelJS.Style> {
  const copy: Partial<ExcelJS.Style> = {};
  for (const key of ['font', 'fill', 'border', 'alignment', 'numFmt'] as const) {
    if (style[key] !== undefined) (copy as Record<string, unknown>)[key] = structuredClone(style[key]);
  }
  return copy;
}

function textOf(value: ExcelJS.CellValue): string {
  if (value == null) return '';
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('').trim();
  return String(value).trim();
}
