import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import type { ExcelTemplate } from './template';
import { addPictures } from './template-pictures';

/**
 * A workbook written straight to `out` (the HTTP response) as rows are committed: only the rows
 * not yet committed are in memory. Strings inline (no shared-string table to keep whole).
 */
export function streamingWorkbook(out: Writable, title: string): ExcelJS.stream.xlsx.WorkbookWriter {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  book.creator = 'Rollout Planner';
  book.created = new Date();
  book.title = title;
  return book;
}

export interface SheetOptions {
  /** Rows repeated on every printed page, e.g. '7:8' (exceljs drops them when reading a template: set here). */
  printTitlesRow?: string;
  /** Frozen panes: rows above and columns left of the first scrolling cell. */
  frozen?: { rows: number; columns: number };
  autoFilter?: string;
  /** Footer (Excel header/footer codes; user text through `footerText`). */
  footer?: string;
  /** Width of every column from this one on (a Gantt chart's weeks): the template's width of that column. */
  repeatWidthFrom?: { column: number; count: number };
  /** Deepest outline level of the rows (written before the rows stream); summary rows sit above their details. */
  outlineLevels?: number;
}

/**
 * A sheet laid out as the template's sheet of the same name says (widths, page set-up,
 * header/footer, tab colour, pictures such as a logo), with what only the builder knows (print
 * titles, panes, filter).
 */
export function addSheet(book: ExcelJS.stream.xlsx.WorkbookWriter, template: ExcelTemplate, name: string, options: SheetOptions = {}): ExcelJS.Worksheet {
  const layout = template.layout(name);
  const sheet = book.addWorksheet(name, {
    pageSetup: { ...layout.pageSetup, ...(options.printTitlesRow ? { printTitlesRow: options.printTitlesRow } : {}) },
    headerFooter: { ...layout.headerFooter, ...(options.footer ? { oddFooter: options.footer, evenFooter: options.footer } : {}) },
    views: options.frozen ? [{ state: 'frozen', xSplit: options.frozen.columns, ySplit: options.frozen.rows, showGridLines: false }] : [{ showGridLines: false }],
    properties: {
      ...(layout.tabColor ? { tabColor: layout.tabColor } : {}),
      ...(options.outlineLevels ? { outlineLevelRow: options.outlineLevels, outlineProperties: { summaryBelow: false, summaryRight: false } } : {}),
    } as Partial<ExcelJS.WorksheetProperties>,
  } as Partial<ExcelJS.AddWorksheetOptions>);
  addPictures(book, sheet, layout.pictures);
  if (options.autoFilter) sheet.autoFilter = options.autoFilter;
  const widths = new Map(layout.widths);
  if (options.repeatWidthFrom) {
    const { column, count } = options.repeatWidthFrom;
    const width = layout.widths.get(column);
    for (let c = column; c < column + count && width; c++) widths.set(c, width);
  }
  const last = Math.max(0, ...widths.keys());
  sheet.columns = Array.from({ length: last }, (_, i) => ({ width: widths.get(i + 1) ?? 9 }));
  return sheet;
}

/** User text inside a header or footer: `&` starts a code there, so it is doubled. */
export function footerText(text: string): string {
  return text.replace(/&/g, '&&');
}

/** A column's letters: 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
