import { Inject, Injectable } from '@nestjs/common';
import type ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import { APP_CONFIG, type AppConfig } from '../../../common/config/app-config';
import type { RequestContext } from '../../../common/context/request-context';
import { notFound } from '../../../common/errors/domain-error';
import type { SignedExport } from '../kit/export-link';
import { excelDate, formatsOf, type LocaleFormats, type Locale } from '../../../common/i18n/locale';
import { wrappedRowHeight } from '../kit/row-height';
import { setText } from '../kit/safe-cell';
import { loadTemplate, type ExcelTemplate } from '../kit/template';
import { addSheet, footerText, streamingWorkbook } from '../kit/workbook';
import type { WorkbookRenderer } from '../kit/workbook-renderer';
import { CertificateDataLoader, parseCertificateSubject, type CertificateData } from './certificate-data';
import { CERTIFICATE_LABELS } from './certificate-labels';
import { certificateLines } from './certificate-rows';
import { CERTIFICATE_WIDTHS } from './certificate-template';

const LAST_COLUMN = CERTIFICATE_WIDTHS.length;
const STATUS_ROLE: Record<string, string> = { CONFIRMED: 'statusConfirmed', REJECTED: 'statusRejected', WAIVED: 'statusWaived', PENDING: 'statusPending' };

interface Writer {
  sheet: ExcelJS.Worksheet;
  t: ExcelTemplate;
  label: (key: string) => string;
  formats: LocaleFormats;
  widths: number[];
  /** The next free row. */
  n: number;
}

/**
 * The acceptance certificate (EXPORTS.md 3) of a stage or a milestone: the document the client
 * signs. One sheet, A4 portrait, one page wide: header block, criteria with priority and status,
 * every confirmation and rejection, waivers, the gate decision (a stage), signature lines.
 */
@Injectable()
export class CertificateWorkbook implements WorkbookRenderer {
  readonly kind = 'certificate';

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly loader: CertificateDataLoader,
  ) {}

  async render(ctx: RequestContext, request: SignedExport, out: Writable): Promise<void> {
    const subject = parseCertificateSubject(request.subjectId);
    if (!subject) throw notFound('Certificate', request.subjectId);
    const data = await this.loader.load(ctx, request.projectId, subject);
    const template = await loadTemplate(this.config.exportTemplatesDir, 'certificate');
    const locale = request.locale as Locale;
    await writeCertificateWorkbook(data, template, template.labelsFor(locale, CERTIFICATE_LABELS), formatsOf(locale), new Date(), out);
  }
}

export async function writeCertificateWorkbook(data: CertificateData, t: ExcelTemplate, label: (key: string) => string, formats: LocaleFormats, generatedAt: Date, out: Writable): Promise<void> {
  const { project, stage, milestone } = data;
  const subjectName = stage ? `${stage.sequence}. ${stage.name}` : milestone!.name;
  const book = streamingWorkbook(out, `${project.code} ${label('title')}`);
  const layoutWidths = t.layout('Certificate').widths;
  const widths = CERTIFICATE_WIDTHS.map((w, i) => layoutWidths.get(i + 1) ?? w);
  const sheet = addSheet(book, t, 'Certificate', {
    // Every page names the document: title and subject repeat.
    printTitlesRow: '1:2',
    footer: `&L&8${footerText(project.code)}&C&8${footerText(label('title'))}&R&8${label('page')}`,
  });
  const w: Writer = { sheet, t, label, formats, widths, n: 1 };

  const title = sheet.getRow(w.n);
  title.height = 26;
  merged(w, w.n, 1, LAST_COLUMN, label('title'), 'title');
  title.commit();
  w.n++;
  const subtitle = `${project.code} · ${project.name} · ${label(stage ? 'stage' : 'milestone')}: ${subjectName}`;
  merged(w, w.n, 1, LAST_COLUMN, subtitle, 'subtitle');
  sheet.getRow(w.n).height = wrappedRowHeight([{ text: subtitle, width: sum(widths) * 0.85 }], 15, 18);
  sheet.getRow(w.n).commit();
  w.n += 2;

  // The header block.
  const dash = label('none');
  const lines: [string, string | Date | null][] = [
    ['project', `${project.code} · ${project.name}`],
    ['client', project.clientName],
    ['system', project.systemName ?? dash],
    [stage ? 'stage' : 'milestone', subjectName],
  ];
  if (milestone) {
    lines.push(['area', data.areaName ?? dash], ['territory', data.territoryName ?? dash]);
  }
  lines.push(['subjectStatus', label(`status.${stage ? stage.status : milestone!.status}`)]);
  if (stage) lines.push(['actualStart', excelDate(stage.actualStart)], ['actualFinish', excelDate(stage.actualFinish)]);
  else lines.push(['actualGoLive', excelDate(milestone!.actualGoLive)]);
  lines.push(['date', excelDate(isoDay(generatedAt))]);
  for (const [key, value] of lines) {
    const row = sheet.getRow(w.n);
    merged(w, w.n, 1, 2, label(key), 'headerLabel');
    if (value instanceof Date) {
      mergeStyled(w, w.n, 3, LAST_COLUMN, t.compose(['headerValue'], { numFmt: formats.date }));
      row.getCell(3).value = value;
    } else {
      merged(w, w.n, 3, LAST_COLUMN, value ?? dash, 'headerValue');
      row.height = wrappedRowHeight([{ text: value, width: sum(widths.slice(2)) }]);
    }
    row.commit();
    w.n++;
  }
  w.n++;
  merged(w, w.n, 1, LAST_COLUMN, label('intro'), 'intro');
  sheet.getRow(w.n).height = wrappedRowHeight([{ text: label('intro'), width: sum(widths) }]);
  sheet.getRow(w.n).commit();
  w.n += 2;

  const people = new Map([...data.users].map(([id, u]) => [id, { fullName: u.fullName, organization: u.organization as string }]));
  const { criteria, decisions, waivers } = certificateLines(data.criteria, data.confirmerIds, data.confirmations, people);
  const dateStyle = t.compose(['cell'], { numFmt: formats.date, alignment: { horizontal: 'center', vertical: 'top' } });
  const center = t.compose(['cell'], { alignment: { horizontal: 'center', vertical: 'top' } });
  const org = (o: string | null) => (o ? label(`org.${o}`) : dash);

  // 1. Criteria.
  section(w, 'section.criteria');
  tableHead(w, ['col.number', 'col.criterion', 'col.priority', 'col.status', 'col.decidedOn', 'col.confirmers']);
  if (!criteria.length) nothing(w, 'none.criteria');
  for (const c of criteria) {
    const row = sheet.getRow(w.n++);
    const confirmers = c.confirmers.join(', ');
    put(row, 1, c.number, center);
    text(row, 2, c.text, t.style('cell'));
    put(row, 3, label(`priority.${c.priority}`), center);
    put(row, 4, label(`criterion.${c.status}`), t.style(STATUS_ROLE[c.status]));
    put(row, 5, c.decidedOn ? excelDate(isoDay(c.decidedOn)) : null, dateStyle);
    text(row, 6, confirmers, t.style('cell'));
    row.height = wrappedRowHeight([{ text: c.text, width: widths[1] }, { text: confirmers, width: widths[5] }]);
    row.commit();
  }
  w.n++;

  // 2. Every confirmation and rejection, oldest first.
  section(w, 'section.decisions');
  tableHead(w, ['col.number', 'col.who', 'col.organization', 'col.decision', 'col.decidedOn', 'col.comment']);
  if (!decisions.length) nothing(w, 'none.decisions');
  for (const d of decisions) {
    const row = sheet.getRow(w.n++);
    put(row, 1, d.number, center);
    text(row, 2, d.who, t.style('cell'));
    put(row, 3, org(d.organization), center);
    put(row, 4, label(`decision.${d.decision}`), t.style(STATUS_ROLE[d.decision]));
    put(row, 5, excelDate(isoDay(d.at)), dateStyle);
    text(row, 6, d.comment, t.style('cell'));
    row.height = wrappedRowHeight([{ text: d.who, width: widths[1] }, { text: d.comment, width: widths[5] }]);
    row.commit();
  }
  w.n++;

  // 3. Waivers: the reason spans the criterion and priority columns.
  section(w, 'section.waivers');
  const head = sheet.getRow(w.n);
  put(head, 1, label('col.number'), t.style('tableHeader'));
  mergeStyled(w, w.n, 2, 3, t.style('tableHeader'));
  head.getCell(2).value = label('col.reason');
  put(head, 4, label('col.decidedBy'), t.style('tableHeader'));
  put(head, 5, label('col.decidedOn'), t.style('tableHeader'));
  put(head, 6, label('col.organization'), t.style('tableHeader'));
  head.height = wrappedRowHeight([{ text: label('col.decidedBy'), width: widths[3] }, { text: label('col.decidedOn'), width: widths[4] }]);
  head.commit();
  w.n++;
  if (!waivers.length) nothing(w, 'none.waivers');
  for (const x of waivers) {
    const row = sheet.getRow(w.n);
    put(row, 1, x.number, center);
    mergeStyled(w, w.n, 2, 3, t.style('cell'));
    setText(row.getCell(2), x.reason);
    text(row, 4, x.who, t.style('cell'));
    put(row, 5, excelDate(isoDay(x.at)), dateStyle);
    put(row, 6, org(x.organization), center);
    row.height = wrappedRowHeight([{ text: x.reason, width: widths[1] + widths[2] }, { text: x.who, width: widths[3] }]);
    row.commit();
    w.n++;
  }
  w.n++;

  // 4. The gate decision in force, for a stage.
  if (stage) {
    section(w, 'section.gate');
    const gate = data.gate;
    if (!gate) nothing(w, 'gate.none');
    else {
      const decider = data.users.get(gate.decidedById);
      const outcomeRole = gate.outcome === 'REJECTED' ? 'statusRejected' : gate.outcome === 'APPROVED' ? 'statusConfirmed' : 'statusWaived';
      const gateLines: [string, (row: ExcelJS.Row) => void, string | null][] = [
        ['gate.outcome', (row) => { mergeStyled(w, row.number, 3, 4, t.compose([outcomeRole], { alignment: { horizontal: 'left' } })); row.getCell(3).value = label(`outcome.${gate.outcome}`); }, null],
        ['gate.decidedBy', (row) => { merged(w, row.number, 3, LAST_COLUMN, decider ? `${decider.fullName} (${org(decider.organization)})` : gate.decidedById, 'headerValue'); }, null],
        ['gate.date', (row) => { mergeStyled(w, row.number, 3, LAST_COLUMN, t.compose(['headerValue'], { numFmt: formats.date })); row.getCell(3).value = excelDate(isoDay(gate.decidedAt)); }, null],
        ['gate.conditions', (row) => { merged(w, row.number, 3, LAST_COLUMN, gate.conditions ?? dash, 'headerValue'); }, gate.conditions],
      ];
      for (const [key, write, long] of gateLines) {
        const row = sheet.getRow(w.n);
        merged(w, w.n, 1, 2, label(key), 'headerLabel');
        write(row);
        row.height = wrappedRowHeight([{ text: long, width: sum(widths.slice(2)) }], 13, 17);
        row.commit();
        w.n++;
      }
    }
    w.n++;
  }

  // Signatures: the client's and the integrator's representatives.
  section(w, 'section.signatures');
  w.n++;
  for (const party of ['sign.client', 'sign.integrator']) {
    const heading = party === 'sign.client' ? `${label(party)} (${project.clientName})` : label(party);
    merged(w, w.n, 1, LAST_COLUMN, heading, 'signatureHeading');
    sheet.getRow(w.n).commit();
    w.n++;
    for (const key of ['sign.name', 'sign.position', 'sign.signature', 'sign.date']) {
      const row = sheet.getRow(w.n);
      row.height = 24;
      merged(w, w.n, 1, 2, label(key), 'signatureLabel');
      mergeStyled(w, w.n, 3, 5, t.style('signatureLine'));
      row.commit();
      w.n++;
    }
    w.n++;
  }
  await book.commit();
}

function section(w: Writer, key: string): void {
  merged(w, w.n, 1, LAST_COLUMN, w.label(key), 'sectionTitle');
  w.sheet.getRow(w.n).height = 20;
  w.sheet.getRow(w.n).commit();
  w.n++;
}

function tableHead(w: Writer, keys: string[]): void {
  const row = w.sheet.getRow(w.n++);
  keys.forEach((key, i) => put(row, i + 1, w.label(key), w.t.style('tableHeader')));
  row.height = wrappedRowHeight(keys.map((key, i) => ({ text: w.label(key), width: w.widths[i] })));
  row.commit();
}

function nothing(w: Writer, key: string): void {
  merged(w, w.n, 1, LAST_COLUMN, w.label(key), 'none');
  w.sheet.getRow(w.n).commit();
  w.n++;
}

/** Text across columns `from`..`to` of a row (user text through setText). */
function merged(w: Writer, row: number, from: number, to: number, value: string, role: string): void {
  mergeStyled(w, row, from, to, w.t.style(role));
  setText(w.sheet.getRow(row).getCell(from), value);
}

function mergeStyled(w: Writer, row: number, from: number, to: number, style: Partial<ExcelJS.Style>): void {
  const r = w.sheet.getRow(row);
  for (let c = from; c <= to; c++) r.getCell(c).style = style;
  if (to > from) w.sheet.mergeCells(row, from, row, to);
}

function put(row: ExcelJS.Row, column: number, value: ExcelJS.CellValue, style: Partial<ExcelJS.Style>): void {
  const cell = row.getCell(column);
  cell.value = value;
  cell.style = style;
}

function text(row: ExcelJS.Row, column: number, value: string | null, style: Partial<ExcelJS.Style>): void {
  const cell = row.getCell(column);
  setText(cell, value);
  cell.style = style;
}

/** The calendar day of a moment, in UTC (the service's day; the date a decision is recorded under). */
const isoDay = (at: Date): string => at.toISOString().slice(0, 10);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
