import ExcelJS from 'exceljs';
import { COMMON_LABELS, type LabelSet } from './labels';
import { LOCALES, type Locale } from '../../../common/i18n/locale';

/**
 * Writes the starting point of a template (scripts/make-excel-templates.mjs): the `Styles` and
 * `Labels` sheets that ExcelTemplate reads, and a layout sheet per output sheet. Once written,
 * the .xlsx is what a person edits; regenerate only to start over.
 */
export class TemplateWriter {
  readonly book = new ExcelJS.Workbook();
  private readonly stylesSheet: ExcelJS.Worksheet;

  constructor(readonly purpose: string) {
    this.book.creator = 'Rollout Planner';
    this.stylesSheet = this.book.addWorksheet('Styles');
    this.stylesSheet.columns = [
      { header: 'Role (do not rename)', width: 22 },
      { header: 'Sample: restyle this cell', width: 28 },
      { header: 'Used for', width: 70 },
    ];
    this.stylesSheet.getRow(1).font = { bold: true };
  }

  /** A role and how it looks; `sample` is the text shown in the sample cell. */
  style(role: string, style: Partial<ExcelJS.Style>, usedFor: string, sample = 'Sample'): this {
    const row = this.stylesSheet.addRow([role, sample, usedFor]);
    row.getCell(2).style = style;
    return this;
  }

  /** The Labels sheet: the common texts and the workbook's own, per locale. */
  labels(own: Record<Locale, LabelSet>): this {
    const sheet = this.book.addWorksheet('Labels');
    sheet.columns = [{ header: 'Key (do not rename)', width: 26 }, ...LOCALES.map((l) => ({ header: l, width: 40 }))];
    sheet.getRow(1).font = { bold: true };
    const keys = [...new Set([...Object.keys(COMMON_LABELS.en), ...Object.keys(own.en)])];
    for (const key of keys) sheet.addRow([key, ...LOCALES.map((l) => own[l][key] ?? COMMON_LABELS[l][key] ?? '')]);
    return this;
  }

  /** A layout sheet for the output sheet `name`: column widths, print set-up, and any picture a person places on it. */
  layout(name: string, widths: number[], pageSetup: Partial<ExcelJS.PageSetup>, headerFooter: Partial<ExcelJS.HeaderFooter> = {}): ExcelJS.Worksheet {
    const sheet = this.book.addWorksheet(name, { pageSetup, headerFooter });
    widths.forEach((width, i) => (sheet.getColumn(i + 1).width = width));
    sheet.getCell('A1').value = `Layout of the "${name}" sheet of the ${this.purpose}: column widths, page set-up (File → Page Setup) and pictures placed here (Insert → Pictures: a logo, at the same cell and size) apply to the export.`;
    return sheet;
  }
}

export const solid = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });
export const thin = (argb: string): Partial<ExcelJS.Border> => ({ style: 'thin', color: { argb } });
