import type { TemplateWriter } from '../kit/template-writer';
import { solid, thin } from '../kit/template-writer';
import { TRAINING_LABELS } from './training-labels';

/** The Sessions sheet's columns, in order. */
export const SESSION_COLUMNS = [
  { key: 'date', width: 11 }, { key: 'from', width: 7 }, { key: 'to', width: 7 }, { key: 'timeZone', width: 15 },
  { key: 'title', width: 30 }, { key: 'trainer', width: 20 }, { key: 'format', width: 11 }, { key: 'place', width: 28 },
  { key: 'audience', width: 14 }, { key: 'area', width: 16 }, { key: 'territory', width: 14 },
  { key: 'capacity', width: 9 }, { key: 'invited', width: 10 }, { key: 'attended', width: 9 }, { key: 'state', width: 12 },
] as const;
export type SessionColumn = (typeof SESSION_COLUMNS)[number]['key'];
export const sessionColumn = (key: SessionColumn): number => SESSION_COLUMNS.findIndex((c) => c.key === key) + 1;

/** The Attendance sheet: person, organisation, then one column per session (the width of column C), then the two totals. */
export const ATTENDANCE_WIDTHS = [28, 13, 5, 10, 10];

/** The starting look of `templates/excel/training.xlsx` (scripts/make-excel-templates.mjs). */
export function writeTrainingTemplate(t: TemplateWriter): void {
  const font = { name: 'Calibri', size: 10 };
  const grid = { top: thin('FFD9D9D9'), bottom: thin('FFD9D9D9'), left: thin('FFD9D9D9'), right: thin('FFD9D9D9') };
  const mark = (argb: string, color: string) => ({ font: { ...font, bold: true, color: { argb: color } }, fill: solid(argb), alignment: { horizontal: 'center' as const, vertical: 'middle' as const }, border: grid });
  t.style('title', { font: { ...font, size: 16, bold: true, color: { argb: 'FF1F3864' } } }, 'The title in the top-left corner')
    .style('headerLabel', { font: { ...font, color: { argb: 'FF595959' } } }, 'Labels of the header block (Client, Generated, ...)')
    .style('headerValue', { font: { ...font, bold: true }, alignment: { horizontal: 'left' } }, 'Values of the header block')
    .style('tableHeader', { font: { ...font, bold: true, color: { argb: 'FFFFFFFF' } }, fill: solid('FF1F3864'), alignment: { vertical: 'middle', horizontal: 'center', wrapText: true }, border: { left: thin('FFFFFFFF') } }, 'Column heads')
    .style('sessionHeader', { font: { ...font, size: 9, bold: true, color: { argb: 'FFFFFFFF' } }, fill: solid('FF1F3864'), alignment: { horizontal: 'center', vertical: 'bottom', textRotation: 90, wrapText: true }, border: { left: thin('FFFFFFFF') } }, 'Attendance sheet: a session\'s title over its column')
    .style('sessionDate', { font: { ...font, size: 9, color: { argb: 'FF1F3864' } }, fill: solid('FFDDEBF7'), alignment: { horizontal: 'center', textRotation: 90 }, border: grid }, 'Attendance sheet: a session\'s date over its column')
    .style('cell', { font, alignment: { vertical: 'top', wrapText: true }, border: grid }, 'Table cells')
    .style('cancelled', { font: { ...font, strike: true, color: { argb: 'FF7F7F7F' } }, alignment: { vertical: 'top', wrapText: true }, border: grid }, 'A cancelled session\'s row')
    .style('total', { font: { ...font, bold: true }, fill: solid('FFF2F2F2'), alignment: { horizontal: 'center' }, border: grid }, 'Attendance sheet: totals per person')
    .style('markInvited', mark('FFFFFFFF', 'FF595959'), 'Attendance mark: invited, not yet marked', '○')
    .style('markAttended', mark('FFC6EFCE', 'FF006100'), 'Attendance mark: attended', '✓')
    .style('markAbsent', mark('FFFFC7CE', 'FF9C0006'), 'Attendance mark: absent', '✗')
    .style('markExcused', mark('FFFFEB9C', 'FF7F6000'), 'Attendance mark: excused', 'E')
    .style('legendText', { font: { ...font, size: 9, color: { argb: 'FF595959' } } }, 'The legend\'s texts')
    .style('none', { font: { ...font, italic: true, color: { argb: 'FF7F7F7F' } } }, 'An empty schedule');
  t.labels(TRAINING_LABELS);
  const margins = { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 };
  t.layout('Sessions', SESSION_COLUMNS.map((c) => c.width), { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins });
  t.layout('Attendance', ATTENDANCE_WIDTHS, { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins });
}
