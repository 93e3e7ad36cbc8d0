import type { TemplateWriter } from '../kit/template-writer';
import { solid, thin } from '../kit/template-writer';
import { CERTIFICATE_LABELS } from './certificate-labels';

/** Column widths of the Certificate sheet: №, criterion / who, priority / organisation, status / decision, date, confirmers / comment. */
export const CERTIFICATE_WIDTHS = [5, 36, 15, 15, 13, 28];

/** The starting look of `templates/excel/certificate.xlsx` (scripts/make-excel-templates.mjs). */
export function writeCertificateTemplate(t: TemplateWriter): void {
  const font = { name: 'Calibri', size: 10 };
  const grid = { top: thin('FFBFBFBF'), bottom: thin('FFBFBFBF'), left: thin('FFBFBFBF'), right: thin('FFBFBFBF') };
  const wrap = { vertical: 'top' as const, wrapText: true };
  t.style('title', { font: { ...font, size: 16, bold: true, color: { argb: 'FF1F3864' } }, alignment: { horizontal: 'center' } }, 'The title: "Acceptance certificate"')
    .style('subtitle', { font: { ...font, size: 11, color: { argb: 'FF1F3864' } }, alignment: { horizontal: 'center', wrapText: true } }, 'Under the title: project and stage or milestone (repeated on every page)')
    .style('headerLabel', { font: { ...font, color: { argb: 'FF595959' } }, alignment: { vertical: 'top' } }, 'Labels of the header block (Project, Client, ...)')
    .style('headerValue', { font: { ...font, bold: true }, alignment: { horizontal: 'left', ...wrap } }, 'Values of the header block')
    .style('intro', { font: { ...font, italic: true }, alignment: wrap }, 'The sentence above the criteria')
    .style('sectionTitle', { font: { ...font, size: 12, bold: true, color: { argb: 'FF1F3864' } }, border: { bottom: { style: 'medium', color: { argb: 'FF1F3864' } } } }, 'Section titles (1. Criteria, ...)')
    .style('tableHeader', { font: { ...font, bold: true, color: { argb: 'FFFFFFFF' } }, fill: solid('FF1F3864'), alignment: { vertical: 'middle', horizontal: 'center', wrapText: true }, border: grid }, 'Column heads of the tables')
    .style('cell', { font, alignment: wrap, border: grid }, 'Table cells')
    .style('statusConfirmed', { font: { ...font, bold: true, color: { argb: 'FF006100' } }, fill: solid('FFC6EFCE'), alignment: { horizontal: 'center', vertical: 'top', wrapText: true }, border: grid }, 'Status Confirmed (and a confirmation)')
    .style('statusRejected', { font: { ...font, bold: true, color: { argb: 'FF9C0006' } }, fill: solid('FFFFC7CE'), alignment: { horizontal: 'center', vertical: 'top', wrapText: true }, border: grid }, 'Status Rejected (and a rejection)')
    .style('statusWaived', { font: { ...font, bold: true, color: { argb: 'FF7F6000' } }, fill: solid('FFFFEB9C'), alignment: { horizontal: 'center', vertical: 'top', wrapText: true }, border: grid }, 'Status Waived')
    .style('statusPending', { font: { ...font, color: { argb: 'FF595959' } }, fill: solid('FFF2F2F2'), alignment: { horizontal: 'center', vertical: 'top', wrapText: true }, border: grid }, 'Status Pending')
    .style('none', { font: { ...font, italic: true, color: { argb: 'FF7F7F7F' } } }, 'An empty section ("No criterion was waived.")')
    .style('signatureHeading', { font: { ...font, bold: true } }, 'Above each party\'s signature lines')
    .style('signatureLabel', { font: { ...font, color: { argb: 'FF595959' } }, alignment: { horizontal: 'right', vertical: 'bottom' } }, 'Name, Position, Signature, Date')
    .style('signatureLine', { font, border: { bottom: thin('FF000000') }, alignment: { vertical: 'bottom' } }, 'The line to write or sign on', '');
  t.labels(CERTIFICATE_LABELS);
  t.layout('Certificate', CERTIFICATE_WIDTHS, {
    orientation: 'portrait', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0,
    margins: { left: 0.6, right: 0.5, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 },
    horizontalCentered: true,
  });
}
