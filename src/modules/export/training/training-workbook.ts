import { Inject, Injectable } from '@nestjs/common';
import type ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import { APP_CONFIG, type AppConfig } from '../../../common/config/app-config';
import type { RequestContext } from '../../../common/context/request-context';
import type { SignedExport } from '../kit/export-link';
import { excelDate, formatsOf, type LocaleFormats, type Locale } from '../../../common/i18n/locale';
import { wrappedRowHeight } from '../kit/row-height';
import { setText } from '../kit/safe-cell';
import { loadTemplate, type ExcelTemplate } from '../kit/template';
import { addSheet, columnLetter, footerText, streamingWorkbook } from '../kit/workbook';
import type { WorkbookRenderer } from '../kit/workbook-renderer';
import { TrainingDataLoader, type TrainingData } from './training-data';
import { TRAINING_LABELS } from './training-labels';
import { attendanceMatrix, excelTime, localMoment, sessionState } from './training-rows';
import { ATTENDANCE_WIDTHS, SESSION_COLUMNS, sessionColumn, type SessionColumn } from './training-template';

const SESSIONS_HEAD_ROW = 5;
/** Attendance sheet: legend in rows 2-3, session dates in row 5, titles in row 6. */
const MATRIX_DATE_ROW = 5;
const MATRIX_HEAD_ROW = 6;
const MARK_ROLE = { INVITED: 'markInvited', ATTENDED: 'markAttended', ABSENT: 'markAbsent', EXCUSED: 'markExcused' } as const;
const TIME_FORMAT = 'hh:mm';

interface Context { t: ExcelTemplate; label: (key: string) => string; formats: LocaleFormats; now: Date }

/**
 * The training schedule (EXPORTS.md 4): sheet Sessions (by date, with trainer, format, place or
 * link, audience, area, territory, capacity, invited and attended) and sheet Attendance (people ×
 * sessions). Times are the session's own time zone's, as its calendar invitation shows them.
 */
@Injectable()
export class TrainingWorkbook implements WorkbookRenderer {
  readonly kind = 'training';

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly loader: TrainingDataLoader,
  ) {}

  async render(ctx: RequestContext, request: SignedExport, out: Writable): Promise<void> {
    const data = await this.loader.load(ctx, request.projectId);
    const template = await loadTemplate(this.config.exportTemplatesDir, 'training');
    const locale = request.locale as Locale;
    await writeTrainingWorkbook(data, { t: template, label: template.labelsFor(locale, TRAINING_LABELS), formats: formatsOf(locale), now: new Date() }, out);
  }
}

export async function writeTrainingWorkbook(data: TrainingData, c: Context, out: Writable): Promise<void> {
  const book = streamingWorkbook(out, `${data.project.code} ${c.label('title')}`);
  writeSessions(book, data, c);
  writeAttendance(book, data, c);
  await book.commit();
}

function writeSessions(book: ExcelJS.stream.xlsx.WorkbookWriter, data: TrainingData, c: Context): void {
  const { t, label, formats } = c;
  const { project, sessions } = data;
  const last = SESSION_COLUMNS.length;
  const sheet = addSheet(book, t, 'Sessions', {
    printTitlesRow: `${SESSIONS_HEAD_ROW}:${SESSIONS_HEAD_ROW}`,
    frozen: { rows: SESSIONS_HEAD_ROW, columns: 0 },
    autoFilter: `A${SESSIONS_HEAD_ROW}:${columnLetter(last)}${SESSIONS_HEAD_ROW + Math.max(1, sessions.length)}`,
    footer: `&L&8${footerText(project.code)}&C&8${footerText(label('title'))}&R&8${label('page')}`,
  });
  headerBlock(sheet, data, c);

  const head = sheet.getRow(SESSIONS_HEAD_ROW);
  SESSION_COLUMNS.forEach((col, i) => {
    head.getCell(i + 1).value = label(`col.${col.key}`);
    head.getCell(i + 1).style = t.style('tableHeader');
  });
  head.height = wrappedRowHeight(SESSION_COLUMNS.map((col) => ({ text: label(`col.${col.key}`), width: col.width })));
  head.commit();

  const counts = new Map<string, { invited: number; attended: number }>();
  for (const a of data.attendance) {
    const n = counts.get(a.sessionId) ?? { invited: 0, attended: 0 };
    n.invited++;
    if (a.status === 'ATTENDED') n.attended++;
    counts.set(a.sessionId, n);
  }
  const stylesFor = (role: string) => ({
    text: t.style(role),
    date: t.compose([role], { numFmt: formats.date, alignment: { horizontal: 'center', vertical: 'top' } }),
    time: t.compose([role], { numFmt: TIME_FORMAT, alignment: { horizontal: 'center', vertical: 'top' } }),
    number: t.compose([role], { numFmt: '0', alignment: { horizontal: 'center', vertical: 'top' } }),
    center: t.compose([role], { alignment: { horizontal: 'center', vertical: 'top', wrapText: true } }),
  });
  const normal = stylesFor('cell');
  const cancelled = stylesFor('cancelled');
  if (!sessions.length) {
    const row = sheet.getRow(SESSIONS_HEAD_ROW + 1);
    row.getCell(1).value = label('none.sessions');
    row.getCell(1).style = t.style('none');
    row.commit();
  }
  sessions.forEach((s, i) => {
    const row = sheet.getRow(SESSIONS_HEAD_ROW + 1 + i);
    const state = sessionState(s, c.now);
    const st = state === 'CANCELLED' ? cancelled : normal;
    const start = localMoment(s.startsAt, s.timeZone);
    const end = localMoment(s.endsAt, s.timeZone);
    const n = counts.get(s.id) ?? { invited: 0, attended: 0 };
    const trainer = data.users.get(s.trainerId)?.fullName ?? s.trainerId;
    const place = s.format === 'REMOTE' ? s.meetingUrl ?? s.location : s.location ?? s.meetingUrl;
    const put = (key: SessionColumn, value: ExcelJS.CellValue, style: Partial<ExcelJS.Style>) => {
      const cell = row.getCell(sessionColumn(key));
      cell.value = value;
      cell.style = style;
    };
    const text = (key: SessionColumn, value: string | null, style = st.text) => {
      const cell = row.getCell(sessionColumn(key));
      setText(cell, value);
      cell.style = style;
    };
    put('date', excelDate(start.day), st.date);
    put('from', excelTime(start.minutes), st.time);
    // A session past midnight ends the next day: the end time alone would read as before the start.
    put('to', end.day === start.day ? excelTime(end.minutes) : excelTime(end.minutes) + 1, end.day === start.day ? st.time : t.compose([state === 'CANCELLED' ? 'cancelled' : 'cell'], { numFmt: '[hh]:mm', alignment: { horizontal: 'center', vertical: 'top' } }));
    text('timeZone', s.timeZone ?? label('utc'));
    text('title', s.title);
    text('trainer', trainer);
    put('format', label(`format.${s.format}`), st.center);
    text('place', place);
    put('audience', label(`audience.${s.audience}`), st.center);
    text('area', s.functionAreaId ? data.areaNames.get(s.functionAreaId) ?? null : null);
    text('territory', s.territoryId ? data.territoryNames.get(s.territoryId) ?? null : null);
    put('capacity', s.capacity, st.number);
    put('invited', n.invited, st.number);
    put('attended', n.attended, st.number);
    put('state', label(`state.${state}`), st.center);
    const width = (key: SessionColumn) => SESSION_COLUMNS[sessionColumn(key) - 1].width;
    row.height = wrappedRowHeight([
      { text: s.title, width: width('title') }, { text: trainer, width: width('trainer') }, { text: place, width: width('place') },
      { text: label(`audience.${s.audience}`), width: width('audience') },
    ]);
    row.commit();
  });
}

function headerBlock(sheet: ExcelJS.Worksheet, data: TrainingData, c: Context): void {
  const { t, label, formats } = c;
  const title = sheet.getRow(1);
  title.height = 24;
  setText(title.getCell(1), `${label('title')} · ${data.project.code} · ${data.project.name}`);
  title.getCell(1).style = t.style('title');
  title.commit();
  const lines: [string, ExcelJS.CellValue, Partial<ExcelJS.Style>][] = [
    ['client', data.project.clientName, t.style('headerValue')],
    ['generated', c.now, t.compose(['headerValue'], { numFmt: formats.dateTime })],
  ];
  lines.forEach(([key, value, style], i) => {
    const row = sheet.getRow(2 + i);
    row.getCell(1).value = label(key);
    row.getCell(1).style = t.style('headerLabel');
    // Across From..Session: a date and time does not fit the narrow time columns.
    const cell = row.getCell(2);
    if (typeof value === 'string') setText(cell, value);
    else cell.value = value;
    for (let col = 2; col <= sessionColumn('title'); col++) row.getCell(col).style = style;
    sheet.mergeCells(row.number, 2, row.number, sessionColumn('title'));
    row.commit();
  });
}

/** People down, the sessions held or to come across (cancelled ones left out), a mark where invited. */
function writeAttendance(book: ExcelJS.stream.xlsx.WorkbookWriter, data: TrainingData, c: Context): void {
  const { t, label, formats } = c;
  const sessions = data.sessions.filter((s) => !s.cancelledAt);
  const people = new Map([...data.users].map(([id, u]) => [id, { fullName: u.fullName, organization: u.organization as string }]));
  const rows = attendanceMatrix(sessions, data.attendance, people);
  const widths = t.layout('Attendance').widths;
  const first = 3;
  const totals = first + sessions.length;
  const sheet = addSheet(book, t, 'Attendance', {
    printTitlesRow: `${MATRIX_DATE_ROW}:${MATRIX_HEAD_ROW}`,
    frozen: { rows: MATRIX_HEAD_ROW, columns: 2 },
    footer: `&L&8${footerText(data.project.code)}&C&8${footerText(label('matrix.title'))}&R&8${label('page')}`,
  });
  sheet.columns = [
    { width: widths.get(1) ?? ATTENDANCE_WIDTHS[0] }, { width: widths.get(2) ?? ATTENDANCE_WIDTHS[1] },
    ...sessions.map(() => ({ width: widths.get(3) ?? ATTENDANCE_WIDTHS[2] })),
    { width: widths.get(4) ?? ATTENDANCE_WIDTHS[3] }, { width: widths.get(5) ?? ATTENDANCE_WIDTHS[4] },
  ];
  // Column titles print on every page too: the person's name on a page of later sessions.
  sheet.pageSetup.printTitlesColumn = 'A:B';

  const title = sheet.getRow(1);
  title.height = 24;
  setText(title.getCell(1), `${label('matrix.title')} · ${data.project.code} · ${data.project.name}`);
  title.getCell(1).style = t.style('title');
  title.commit();
  // The legend: each mark with its meaning.
  const legend = sheet.getRow(3);
  const legendText = (['ATTENDED', 'ABSENT', 'EXCUSED', 'INVITED'] as const).map((s) => `${label(`mark.${s}`)} ${label(`legend.${s}`)}`).join('   ');
  legend.getCell(1).value = legendText;
  legend.getCell(1).style = t.style('legendText');
  legend.commit();

  const dates = sheet.getRow(MATRIX_DATE_ROW);
  const heads = sheet.getRow(MATRIX_HEAD_ROW);
  dates.height = 58;
  heads.height = 120;
  for (const [c1, key] of [[1, 'matrix.person'], [2, 'matrix.organization'], [totals, 'matrix.invited'], [totals + 1, 'matrix.attended']] as const) {
    // Merged down over the date row and the title row: the text lives in the top cell.
    dates.getCell(c1).value = label(key);
    dates.getCell(c1).style = t.style('tableHeader');
    heads.getCell(c1).style = t.style('tableHeader');
    sheet.mergeCells(MATRIX_DATE_ROW, c1, MATRIX_HEAD_ROW, c1);
  }
  const dateStyle = t.compose(['sessionDate'], { numFmt: formats.date });
  sessions.forEach((s, i) => {
    const d = dates.getCell(first + i);
    d.value = excelDate(localMoment(s.startsAt, s.timeZone).day);
    d.style = dateStyle;
    const h = heads.getCell(first + i);
    setText(h, s.title);
    h.style = t.style('sessionHeader');
  });
  dates.commit();
  heads.commit();

  const styles = {
    INVITED: t.style(MARK_ROLE.INVITED), ATTENDED: t.style(MARK_ROLE.ATTENDED), ABSENT: t.style(MARK_ROLE.ABSENT), EXCUSED: t.style(MARK_ROLE.EXCUSED),
  };
  const empty = t.compose(['cell'], { alignment: { horizontal: 'center' } });
  const total = t.compose(['total'], { numFmt: '0' });
  rows.forEach((p, i) => {
    const row = sheet.getRow(MATRIX_HEAD_ROW + 1 + i);
    setText(row.getCell(1), p.fullName);
    row.getCell(1).style = t.style('cell');
    row.getCell(2).value = p.organization ? label(`org.${p.organization}`) : null;
    row.getCell(2).style = t.style('cell');
    p.marks.forEach((mark, k) => {
      const cell = row.getCell(first + k);
      cell.value = mark ? label(`mark.${mark}`) : null;
      cell.style = mark ? styles[mark] : empty;
    });
    row.getCell(totals).value = p.invited;
    row.getCell(totals).style = total;
    row.getCell(totals + 1).value = p.attended;
    row.getCell(totals + 1).style = total;
    row.commit();
  });
}
