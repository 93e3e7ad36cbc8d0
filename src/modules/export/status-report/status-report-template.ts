import type { TemplateWriter } from '../kit/template-writer';
import { solid, thin } from '../kit/template-writer';
import { STATUS_REPORT_COLUMNS } from './status-report-columns';
import { STATUS_REPORT_LABELS } from './status-report-labels';

/** The starting look of `templates/excel/status-report.xlsx` (scripts/make-excel-templates.mjs). */
export function writeStatusReportTemplate(t: TemplateWriter): void {
  const font = { name: 'Calibri', size: 9 };
  const line = thin('FFD9D9D9');
  const box = { top: line, bottom: line, left: line, right: line };
  const rag = (argb: string, color: string) => ({
    font: { ...font, bold: true, color: { argb: color } }, fill: solid(argb), border: box, alignment: { horizontal: 'center' as const, vertical: 'middle' as const },
  });
  t.style('title', { font: { ...font, size: 16, bold: true, color: { argb: 'FF1F3864' } }, alignment: { vertical: 'middle' } }, 'The title: report, project code and name')
    .style('draftMark', { font: { ...font, size: 18, bold: true, color: { argb: 'FFC00000' } }, alignment: { horizontal: 'center', vertical: 'middle' }, border: { top: thin('FFC00000'), bottom: thin('FFC00000'), left: thin('FFC00000'), right: thin('FFC00000') } }, 'DRAFT in the top-right corner of a draft', 'DRAFT')
    .style('headerLabel', { font: { ...font, color: { argb: 'FF595959' } }, alignment: { vertical: 'middle' } }, 'Labels of the header block (Client, Period, ...)')
    .style('headerValue', { font: { ...font, bold: true }, alignment: { horizontal: 'left', vertical: 'middle' } }, 'Values of the header block')
    .style('sectionHead', { font: { ...font, size: 10, bold: true, color: { argb: 'FFFFFFFF' } }, fill: solid('FF1F3864'), alignment: { vertical: 'middle' } }, 'The heading of each section (Ratings, Summary, Milestones, ...)')
    .style('tableHeader', { font: { ...font, bold: true, color: { argb: 'FF1F3864' } }, fill: solid('FFDDEBF7'), border: box, alignment: { vertical: 'middle', wrapText: true } }, 'The column heads of a table')
    .style('cell', { font, border: box, alignment: { vertical: 'top', wrapText: true } }, 'Table cells: text')
    .style('cellCenter', { font, border: box, alignment: { vertical: 'top', horizontal: 'center' } }, 'Table cells: dates and numbers')
    .style('late', { font: { ...font, bold: true, color: { argb: 'FFC00000' } }, border: box, alignment: { vertical: 'top', horizontal: 'center' } }, 'A variance against the baseline: later')
    .style('note', { font: { ...font, italic: true, color: { argb: 'FF7F7F7F' } }, border: box, alignment: { vertical: 'top' } }, 'An empty list ("none") and "… and N more"')
    .style('summary', { font: { ...font, size: 10 }, border: box, alignment: { vertical: 'top', wrapText: true } }, 'The project manager\'s summary')
    .style('ragGreen', rag('FF00B050', 'FFFFFFFF'), 'A GREEN rating (and a milestone that is ready)', 'GREEN')
    .style('ragAmber', rag('FFFFC000', 'FF000000'), 'An AMBER rating', 'AMBER')
    .style('ragRed', rag('FFC00000', 'FFFFFFFF'), 'A RED rating (and a milestone that is not ready)', 'RED')
    .style('ragNone', { ...rag('FFF2F2F2', 'FF7F7F7F'), font: { ...font, italic: true, color: { argb: 'FF7F7F7F' } } }, 'A dimension not rated (cost without a budget or a forecast)', 'not rated');
  t.labels(STATUS_REPORT_LABELS);
  t.layout('Status report', STATUS_REPORT_COLUMNS.map((c) => c.width), {
    orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 1, horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.25, footer: 0.25 },
  });
}
