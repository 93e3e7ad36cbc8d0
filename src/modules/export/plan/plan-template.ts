import type { TemplateWriter } from '../kit/template-writer';
import { solid, thin } from '../kit/template-writer';
import { PLAN_LABELS } from './plan-labels';
import { PLAN_COLUMNS } from './plan-columns';

/** The starting look of `templates/excel/plan.xlsx` (scripts/make-excel-templates.mjs). */
export function writePlanTemplate(t: TemplateWriter): void {
  const font = { name: 'Calibri', size: 10 };
  const grid = { bottom: thin('FFD9D9D9') };
  t.style('title', { font: { ...font, size: 16, bold: true, color: { argb: 'FF1F3864' } } }, 'The title in the top-left corner')
    .style('headerLabel', { font: { ...font, color: { argb: 'FF595959' } } }, 'Labels of the header block (Client, Calendar, ...)')
    .style('headerValue', { font: { ...font, bold: true }, alignment: { horizontal: 'left' } }, 'Values of the header block')
    .style('tableHeader', { font: { ...font, bold: true, color: { argb: 'FFFFFFFF' } }, fill: solid('FF1F3864'), alignment: { vertical: 'middle', horizontal: 'center', wrapText: true }, border: { bottom: thin('FF1F3864') } }, 'The column heads of the table')
    .style('ganttHeader', { font: { ...font, size: 8, color: { argb: 'FF595959' } }, alignment: { horizontal: 'center', vertical: 'middle', textRotation: 90 }, border: { bottom: thin('FFBFBFBF') } }, 'The week (or month) heads of the Gantt chart')
    .style('ganttMonth', { font: { ...font, size: 9, bold: true, color: { argb: 'FF1F3864' } } }, 'The month names above the Gantt chart')
    .style('stageRow', { font: { ...font, bold: true }, fill: solid('FFDDEBF7'), border: grid }, 'Rows of stages (outline level 1)')
    .style('milestoneRow', { font: { ...font, bold: true, italic: true }, fill: solid('FFF2F2F2'), border: grid }, 'Rows of milestones (outline level 2)')
    .style('taskRow', { font, border: grid }, 'Rows of tasks')
    .style('late', { font: { ...font, bold: true, color: { argb: 'FFC00000' } }, border: grid }, 'A variance against the baseline: finishing later')
    .style('ganttCritical', { fill: solid('FFE06666') }, 'Gantt bar of critical work', '')
    .style('ganttNormal', { fill: solid('FF6FA8DC') }, 'Gantt bar of other work', '')
    .style('ganttDone', { fill: solid('FF274E13') }, 'Gantt bar of finished work (and the finished part of work under way)', '')
    .style('ganttSummary', { fill: solid('FF595959') }, 'Gantt bar of a stage or a milestone (summary)', '')
    .style('ganttMilestone', { font: { name: 'Calibri', size: 10, bold: true, color: { argb: 'FF000000' } }, alignment: { horizontal: 'center' } }, 'The ◆ of a go-live', '◆')
    .style('statusDate', { border: { left: { style: 'medium', color: { argb: 'FFC00000' } } } }, 'The status date\'s column in the Gantt chart', '')
    .style('legendText', { font: { ...font, size: 9, color: { argb: 'FF595959' } } }, 'The legend\'s texts')
    .style('matrixHeader', { font: { ...font, bold: true, color: { argb: 'FFFFFFFF' } }, fill: solid('FF1F3864'), alignment: { horizontal: 'center', vertical: 'middle', wrapText: true }, border: { left: thin('FFFFFFFF') } }, 'Rollout sheet: territory and column heads')
    .style('matrixArea', { font: { ...font, bold: true }, fill: solid('FFDDEBF7'), border: grid, alignment: { vertical: 'middle' } }, 'Rollout sheet: function area names')
    .style('matrixCell', { font, border: grid, alignment: { horizontal: 'center' } }, 'Rollout sheet: dates and statuses')
    .style('ragGreen', { font, fill: solid('FFC6EFCE'), border: grid, alignment: { horizontal: 'center' } }, 'Rollout sheet: a go-live on or before its baseline')
    .style('ragAmber', { font, fill: solid('FFFFEB9C'), border: grid, alignment: { horizontal: 'center' } }, 'Rollout sheet: a go-live later than its baseline, within the time tolerance')
    .style('ragRed', { font: { ...font, bold: true }, fill: solid('FFFFC7CE'), border: grid, alignment: { horizontal: 'center' } }, 'Rollout sheet: a go-live later than its baseline beyond the time tolerance');
  t.labels(PLAN_LABELS);
  const margins = { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 };
  t.layout('Plan', [...PLAN_COLUMNS.map((c) => c.width), 2.6], {
    orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins,
  });
  t.layout('Rollout', [34, 12, 12, 14], { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins });
}
