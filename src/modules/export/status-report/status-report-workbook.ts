import type ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import type { Project } from '../../project/entities/project.entity';
import type { RagRating, ReportItem, ReportMilestone } from '../../reporting/dto/report.types';
import type { StatusReport } from '../../reporting/entities/status-report.entity';
import { excelDate, type LocaleFormats } from '../../../common/i18n/locale';
import { setText } from '../kit/safe-cell';
import type { ExcelTemplate } from '../kit/template';
import { addSheet, footerText, streamingWorkbook } from '../kit/workbook';
import { LAST_COLUMN, LEFT, RIGHT, STATUS_REPORT_COLUMNS } from './status-report-columns';
import { capList, excelAmount, LIST_LIMITS, rowHeight, wrappedLines } from './status-report-layout';

export const STATUS_REPORT_SHEET = 'Status report';

/** An exception raised to the steering committee, as the report prints it (built by issue 16). */
export interface ReportException {
  dimension: string;
  description: string;
  /** The message the description was made from, when found (status-report-phrases.ts renders it per locale). */
  descriptionMessage?: unknown;
  decision: string | null;
}

/** What the workbook prints: the report as read (a draft computed now, a published one from its snapshot). */
export interface StatusReportData {
  project: Pick<Project, 'code' | 'name' | 'clientName'>;
  report: Pick<StatusReport, 'periodStart' | 'periodEnd' | 'publishedAt' | 'summary' | 'costToDate' | 'forecastAtCompletion' | 'decisionsRequested'> & {
    overall: string;
    ratings: RagRating[];
    forecastFinish: string;
    baselineFinish: string | null;
    thisPeriod: ReportItem[];
    nextPeriod: ReportItem[];
    milestones: ReportMilestone[];
    risks: ReportItem[];
    issues: ReportItem[];
  };
  exceptions: ReportException[];
}

export interface StatusReportWriteContext {
  template: ExcelTemplate;
  label: (key: string) => string;
  formats: LocaleFormats;
  /** A system-made sentence in the export's locale from its message, else its English text (`reportSentence`). */
  sentence: (message: unknown, english: string | null | undefined) => string | null;
}

/** One printed row of a half (or of the whole width): how tall it must be and what it writes. */
interface Line {
  height: number;
  write(row: ExcelJS.Row, r: number): void;
}

/** Writes the workbook for a report as read. */
export async function writeStatusReportWorkbook(data: StatusReportData, w: StatusReportWriteContext, out: Writable): Promise<void> {
  const { project, report } = data;
  const { label } = w;
  const period = `${report.periodStart} – ${report.periodEnd}`;
  const book = streamingWorkbook(out, `${project.code} ${label('title')} ${period}`);
  const sheet = addSheet(book, w.template, STATUS_REPORT_SHEET, {
    footer: `&L&8${footerText(project.code)}&C&8${footerText(`${project.name} · ${label('title')} · ${period}`)}&R&8${label('page')}`,
  });
  if (report.publishedAt === null) {
    // A draft says so on paper too, above the page.
    const head = `&C&"-,Bold"&14&KC00000${footerText(label('draft'))}`;
    sheet.headerFooter.oddHeader = head;
    sheet.headerFooter.evenHeader = head;
  }
  const g = new Grid(sheet, w);

  let r = 1;
  const put = (lines: Line[]) => {
    for (const line of lines) {
      const row = sheet.getRow(r);
      row.height = line.height;
      line.write(row, r);
      r++;
    }
  };
  put(g.header(data));
  put([g.gap()]);
  put(g.ratings(report.ratings));
  put([g.gap()]);
  put(g.summary(report.summary));
  put([g.gap()]);

  const left = [
    ...g.items('section.thisPeriod', report.thisPeriod, LIST_LIMITS.thisPeriod, 'period', LEFT), g.gap(),
    ...g.items('section.nextPeriod', report.nextPeriod, LIST_LIMITS.nextPeriod, 'period', LEFT), g.gap(),
    ...g.milestones(report.milestones),
  ];
  const right = [
    ...g.items('section.risks', report.risks, LIST_LIMITS.risks, 'risk', RIGHT), g.gap(),
    ...g.items('section.issues', report.issues, LIST_LIMITS.issues, 'issue', RIGHT), g.gap(),
    ...g.exceptions(data.exceptions), g.gap(),
    ...g.decisions(report.decisionsRequested),
  ];
  // The halves side by side: each row as tall as the taller of its two lines.
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const pair = [left[i], right[i]].filter((x): x is Line => Boolean(x));
    put([{ height: Math.max(...pair.map((x) => x.height)), write: (row, n) => pair.forEach((x) => x.write(row, n)) }]);
  }
  for (let n = 1; n < r; n++) sheet.getRow(n).commit();
  await book.commit();
}

type Half = { first: number; last: number };
type ItemKind = 'period' | 'risk' | 'issue';

/** Column spans of each table in its half: [first, last] column per field. */
const SPANS: Record<ItemKind, { date: [number, number]; name: [number, number]; detail: [number, number]; dateFirst: boolean }> = {
  period: { date: [1, 1], name: [2, 5], detail: [6, 8], dateFirst: true },
  risk: { name: [10, 11], detail: [12, 13], date: [14, 14], dateFirst: false },
  issue: { name: [10, 11], detail: [12, 13], date: [14, 14], dateFirst: false },
};
const HEADS: Record<ItemKind, { name: string; date: string }> = {
  period: { name: 'col.item', date: 'col.date' },
  risk: { name: 'col.risk', date: 'col.proximity' },
  issue: { name: 'col.issue', date: 'col.raised' },
};

/** Cell writing on the report's grid: spans (merged), styles from the template, user text as text. */
class Grid {
  private readonly widths: number[];
  private readonly s: ReturnType<typeof styles>;

  constructor(private readonly sheet: ExcelJS.Worksheet, private readonly w: StatusReportWriteContext) {
    const layout = w.template.layout(STATUS_REPORT_SHEET).widths;
    this.widths = STATUS_REPORT_COLUMNS.map((c, i) => layout.get(i + 1) ?? c.width);
    this.s = styles(w.template, w.formats);
  }

  private width(from: number, to: number): number {
    let sum = 0;
    for (let c = from; c <= to; c++) sum += this.widths[c - 1];
    return sum;
  }

  /** Writes a value (user text through setText) into columns from..to of row r, merged, every cell styled. */
  private span(row: ExcelJS.Row, r: number, [from, to]: [number, number], value: ExcelJS.CellValue | { text: string | null }, style: Partial<ExcelJS.Style>): void {
    for (let c = from; c <= to; c++) row.getCell(c).style = style;
    const cell = row.getCell(from);
    if (value !== null && typeof value === 'object' && 'text' in value && !(value instanceof Date)) setText(cell, value.text);
    else cell.value = value as ExcelJS.CellValue;
    if (to > from) this.sheet.mergeCells(r, from, r, to);
  }

  private label(key: string, values: Record<string, string | number> = {}): string {
    return this.w.label(key).replace(/\{(\w+)\}/g, (_m, k: string) => String(values[k] ?? ''));
  }

  gap(): Line {
    return { height: 6, write: () => undefined };
  }

  private sectionHead(key: string, half: Half): Line {
    return { height: 16, write: (row, r) => this.span(row, r, [half.first, half.last], this.label(key), this.s.sectionHead) };
  }

  private tableHead(cells: [[number, number], string][]): Line {
    const lines = Math.max(...cells.map(([[a, b], key]) => wrappedLines(this.label(key), this.width(a, b))));
    return { height: rowHeight(lines), write: (row, r) => cells.forEach(([span, key]) => this.span(row, r, span, this.label(key), this.s.tableHeader)) };
  }

  private note(text: string, half: Half): Line {
    return { height: rowHeight(1), write: (row, r) => this.span(row, r, [half.first, half.last], text, this.s.note) };
  }

  private rag(rating: string | null | undefined): { text: string; style: Partial<ExcelJS.Style> } {
    switch (rating) {
      case 'GREEN': return { text: this.label('rag.GREEN'), style: this.s.ragGreen };
      case 'AMBER': return { text: this.label('rag.AMBER'), style: this.s.ragAmber };
      case 'RED': return { text: this.label('rag.RED'), style: this.s.ragRed };
      default: return { text: this.label('rag.none'), style: this.s.ragNone };
    }
  }

  header(data: StatusReportData): Line[] {
    const { project, report } = data;
    const s = this.s;
    const draft = report.publishedAt === null;
    const pair = (row: ExcelJS.Row, r: number, at: 'a' | 'b' | 'c', key: string, write: (span: [number, number]) => void) => {
      const [labelSpan, valueSpan]: [[number, number], [number, number]] =
        at === 'a' ? [[1, 1], [2, 3]] : at === 'b' ? [[4, 5], [6, 8]] : [[10, 11], [12, 14]];
      this.span(row, r, labelSpan, this.label(key), s.headerLabel);
      write(valueSpan);
    };
    const amount = (value: string | null) => (span: [number, number]) => (row: ExcelJS.Row, r: number) => {
      const number = excelAmount(value);
      if (value === null) this.span(row, r, span, this.label('notEntered'), s.headerNote);
      else if (number === null) this.span(row, r, span, { text: value }, s.headerValue);
      else this.span(row, r, span, number, s.amount);
    };
    const overall = this.rag(report.overall);
    return [
      { height: 30, write: (row, r) => {
        this.span(row, r, [1, 9], { text: `${this.label('title')} · ${project.code} · ${project.name}` }, s.title);
        if (draft) this.span(row, r, [RIGHT.first + 2, RIGHT.last], this.label('draft'), s.draftMark);
      } },
      { height: 16, write: (row, r) => {
        pair(row, r, 'a', 'client', (span) => this.span(row, r, span, { text: project.clientName }, s.headerValue));
        pair(row, r, 'b', 'period', () => {
          this.span(row, r, [6, 6], excelDate(report.periodStart), s.headerDate);
          this.span(row, r, [7, 8], excelDate(report.periodEnd), s.headerPeriodEnd);
        });
        pair(row, r, 'c', 'statusDate', (span) => this.span(row, r, span, excelDate(report.periodEnd), s.headerDate));
      } },
      { height: 18, write: (row, r) => {
        pair(row, r, 'a', 'overall', (span) => this.span(row, r, span, overall.text, overall.style));
        pair(row, r, 'b', 'forecastFinish', (span) => this.span(row, r, span, excelDate(report.forecastFinish), s.headerDate));
        pair(row, r, 'c', 'published', (span) => draft
          ? this.span(row, r, span, this.label('draft'), s.headerDraft)
          : this.span(row, r, span, report.publishedAt, s.headerDateTime));
      } },
      { height: 16, write: (row, r) => {
        pair(row, r, 'a', 'costToDate', (span) => amount(report.costToDate)(span)(row, r));
        pair(row, r, 'b', 'baselineFinish', (span) => report.baselineFinish
          ? this.span(row, r, span, excelDate(report.baselineFinish), s.headerDate)
          : this.span(row, r, span, this.label('noBaseline'), s.headerNote));
        pair(row, r, 'c', 'forecastAtCompletion', (span) => amount(report.forecastAtCompletion)(span)(row, r));
      } },
    ];
  }

  ratings(ratings: RagRating[]): Line[] {
    const basis: [number, number] = [4, 11];
    const reason: [number, number] = [12, 14];
    return [
      this.sectionHead('section.ratings', { first: 1, last: LAST_COLUMN }),
      this.tableHead([[[1, 1], 'col.dimension'], [[2, 2], 'col.computed'], [[3, 3], 'col.rating'], [basis, 'col.basis'], [reason, 'col.override']]),
      ...ratings.map((rating): Line => {
        const basisText = this.w.sentence(rating.basisMessage, rating.basis);
        const lines = Math.max(wrappedLines(basisText, this.width(...basis)), wrappedLines(rating.overrideReason, this.width(...reason)));
        return { height: rowHeight(lines), write: (row, r) => {
          this.span(row, r, [1, 1], this.label(`dim.${rating.dimension}`), this.s.dimension);
          const computed = this.rag(rating.computed);
          this.span(row, r, [2, 2], computed.text, computed.style);
          const effective = this.rag(rating.rating);
          this.span(row, r, [3, 3], effective.text, effective.style);
          this.span(row, r, basis, { text: basisText }, this.s.cell);
          this.span(row, r, reason, { text: rating.overrideReason }, this.s.cell);
        } };
      }),
    ];
  }

  summary(summary: string | null): Line[] {
    const all: [number, number] = [1, LAST_COLUMN];
    return [
      this.sectionHead('section.summary', { first: 1, last: LAST_COLUMN }),
      summary
        ? { height: rowHeight(wrappedLines(summary, this.width(...all), 10), 10), write: (row, r) => this.span(row, r, all, { text: summary }, this.s.summary) }
        : this.note(this.label('noSummary'), { first: 1, last: LAST_COLUMN }),
    ];
  }

  items(section: string, items: ReportItem[], limit: number, kind: ItemKind, half: Half): Line[] {
    const spans = SPANS[kind];
    const heads = HEADS[kind];
    const { shown, more } = capList(items, limit);
    const headCells: [[number, number], string][] = spans.dateFirst
      ? [[spans.date, heads.date], [spans.name, heads.name], [spans.detail, 'col.detail']]
      : [[spans.name, heads.name], [spans.detail, 'col.detail'], [spans.date, heads.date]];
    return [
      this.sectionHead(section, half),
      ...(shown.length ? [this.tableHead(headCells)] : [this.note(this.label('nothing'), half)]),
      ...shown.map((item): Line => {
        const name = this.w.sentence(item.nameMessage, item.name) ?? item.name;
        const detail = this.w.sentence(item.detailMessage, item.detail);
        const lines = Math.max(wrappedLines(name, this.width(...spans.name)), wrappedLines(detail, this.width(...spans.detail)));
        return { height: rowHeight(lines), write: (row, r) => {
          this.span(row, r, spans.date, excelDate(item.date), this.s.date);
          this.span(row, r, spans.name, { text: name }, this.s.cell);
          this.span(row, r, spans.detail, { text: detail }, this.s.cell);
        } };
      }),
      ...(more ? [this.note(this.label('more', { n: more }), half)] : []),
    ];
  }

  milestones(milestones: ReportMilestone[]): Line[] {
    const { shown, more } = capList(milestones, LIST_LIMITS.milestones);
    const name: [number, number] = [1, 3];
    return [
      this.sectionHead('section.milestones', LEFT),
      ...(shown.length
        ? [this.tableHead([[name, 'col.milestone'], [[4, 4], 'col.planned'], [[5, 5], 'col.baseline'], [[6, 6], 'col.forecast'], [[7, 7], 'col.variance'], [[8, 8], 'col.ready']])]
        : [this.note(this.label('nothing'), LEFT)]),
      ...shown.map((m): Line => ({
        height: rowHeight(wrappedLines(m.name, this.width(...name))),
        write: (row, r) => {
          this.span(row, r, name, { text: m.name }, this.s.cell);
          this.span(row, r, [4, 4], excelDate(m.plannedGoLive), this.s.date);
          this.span(row, r, [5, 5], excelDate(m.baselineGoLive), this.s.date);
          this.span(row, r, [6, 6], excelDate(m.forecastGoLive), this.s.date);
          this.span(row, r, [7, 7], m.varianceDays, m.varianceDays !== null && m.varianceDays > 0 ? this.s.late : this.s.signed);
          this.span(row, r, [8, 8], this.label(m.ready ? 'yes' : 'no'), m.ready ? this.s.ragGreen : this.s.ragRed);
        },
      })),
      ...(more ? [this.note(this.label('more', { n: more }), LEFT)] : []),
    ];
  }

  exceptions(exceptions: ReportException[]): Line[] {
    const all: [number, number] = [RIGHT.first, RIGHT.last];
    return [
      this.sectionHead('section.exceptions', RIGHT),
      ...(exceptions.length
        ? exceptions.map((e): Line => {
          const description = this.w.sentence(e.descriptionMessage, e.description);
          const text = `${this.label(`dim.${e.dimension}`)}: ${description}${e.decision ? ` — ${this.label(`exceptionDecision.${e.decision}`)}` : ''}`;
          return { height: rowHeight(wrappedLines(text, this.width(...all))), write: (row, r) => this.span(row, r, all, { text }, this.s.cell) };
        })
        : [this.note(this.label('nothing'), RIGHT)]),
    ];
  }

  decisions(decisions: string[]): Line[] {
    const all: [number, number] = [RIGHT.first, RIGHT.last];
    const { shown, more } = capList(decisions, LIST_LIMITS.decisions);
    return [
      this.sectionHead('section.decisions', RIGHT),
      ...(shown.length
        ? shown.map((text, i): Line => ({
          height: rowHeight(wrappedLines(`${i + 1}. ${text}`, this.width(...all))),
          write: (row, r) => this.span(row, r, all, { text: `${i + 1}. ${text}` }, this.s.cell),
        }))
        : [this.note(this.label('nothing'), RIGHT)]),
      ...(more ? [this.note(this.label('more', { n: more }), RIGHT)] : []),
    ];
  }
}

/** Every style the report uses, set up once (the streaming writer keys styles by object). */
function styles(t: ExcelTemplate, f: LocaleFormats) {
  return {
    title: t.style('title'),
    draftMark: t.style('draftMark'),
    headerLabel: t.style('headerLabel'),
    headerValue: t.style('headerValue'),
    headerDate: t.compose(['headerValue'], { numFmt: f.date }),
    // The period's end reads "– 13 Mar 2026" after its start and stays a date cell.
    headerPeriodEnd: t.compose(['headerValue'], { numFmt: f.date.replace(/^(\[\$-[0-9A-Fa-f]+\])?/, (lcid) => `${lcid}"– "`) }),
    headerDateTime: t.compose(['headerValue'], { numFmt: f.dateTime }),
    headerNote: t.compose(['headerValue'], { font: { ...t.style('note').font } }),
    headerDraft: t.compose(['headerValue'], { font: { ...t.style('headerValue').font, bold: true, color: t.style('draftMark').font?.color } }),
    amount: t.compose(['headerValue'], { numFmt: '#,##0.00' }),
    sectionHead: t.style('sectionHead'),
    tableHeader: t.style('tableHeader'),
    dimension: t.compose(['cell'], { font: { ...t.style('cell').font, bold: true }, alignment: { vertical: 'middle' } }),
    cell: t.style('cell'),
    note: t.style('note'),
    summary: t.style('summary'),
    date: t.compose(['cellCenter'], { numFmt: f.date }),
    signed: t.compose(['cellCenter'], { numFmt: f.signedDays }),
    late: t.compose(['late'], { numFmt: f.signedDays }),
    ragGreen: t.style('ragGreen'),
    ragAmber: t.style('ragAmber'),
    ragRed: t.style('ragRed'),
    ragNone: t.style('ragNone'),
  };
}
