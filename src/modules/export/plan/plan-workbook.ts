import { Inject, Injectable } from '@nestjs/common';
import type ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import { APP_CONFIG, type AppConfig } from '../../../common/config/app-config';
import type { RequestContext } from '../../../common/context/request-context';
import { varianceDays } from '../../schedule/engine/rollups';
import { toleranceBand } from '../../schedule/engine/schedule-rating';
import type { SignedExport } from '../kit/export-link';
import { excelDate, formatsOf, type LocaleFormats, type Locale } from '../../../common/i18n/locale';
import { setText, textValue } from '../kit/safe-cell';
import { loadTemplate, type ExcelTemplate } from '../kit/template';
import { addSheet, columnLetter, footerText, streamingWorkbook } from '../kit/workbook';
import type { WorkbookRenderer } from '../kit/workbook-renderer';
import { ganttScale, type GanttScale } from './gantt-scale';
import { columnOf, GANTT_FIRST_COLUMN, PLAN_COLUMNS } from './plan-columns';
import { PlanDataLoader, type PlanData } from './plan-data';
import { PLAN_LABELS } from './plan-labels';
import { planRows, type PlanRow, type PlanRows, type RowKind } from './plan-rows';

/** Rows above the table: the header block, the months over the Gantt chart, the column heads. */
const MONTH_ROW = 7;
const HEAD_ROW = 8;
const FIRST_DATA_ROW = HEAD_ROW + 1;
const C = Object.fromEntries(PLAN_COLUMNS.map((c) => [c.key, columnOf(c.key)])) as Record<(typeof PLAN_COLUMNS)[number]['key'], number>;
const ROW_ROLE: Record<RowKind, string> = { stage: 'stageRow', milestone: 'milestoneRow', task: 'taskRow' };

/** Everything a plan's text and numbers are written with, set up once per export. */
export interface PlanWriteContext {
  template: ExcelTemplate;
  label: (key: string) => string;
  formats: LocaleFormats;
  locale: Locale;
  generatedAt: Date;
}

/**
 * The project plan workbook (EXPORTS.md 1): sheet Plan (header block, the WBS with outline
 * levels, baseline, variance, float, predecessors, progress and a Gantt chart in cells) and sheet
 * Rollout (function areas × territories). Streams row by row to the response.
 */
@Injectable()
export class PlanWorkbook implements WorkbookRenderer {
  readonly kind = 'plan';

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly loader: PlanDataLoader,
  ) {}

  async render(ctx: RequestContext, request: SignedExport, out: Writable): Promise<void> {
    const data = await this.loader.load(ctx, request.projectId);
    const template = await loadTemplate(this.config.exportTemplatesDir, 'plan');
    await writePlanWorkbook(data, { template, label: template.labelsFor(request.locale as Locale, PLAN_LABELS), formats: formatsOf(request.locale as Locale), locale: request.locale as Locale, generatedAt: new Date() }, out);
  }
}

/** Writes the workbook for loaded plan data; what the benchmark times against bare exceljs. */
export async function writePlanWorkbook(data: PlanData, w: PlanWriteContext, out: Writable): Promise<void> {
  const { schedule } = data;
  const project = schedule.project;
  const book = streamingWorkbook(out, `${project.code} ${w.label('title')}`);
  const rows = planRows({
    calendar: schedule.projectCalendar,
    stages: schedule.stages,
    milestones: data.milestones,
    tasks: schedule.inDateOrder(),
    links: schedule.links,
    areaNames: new Map(data.areas.map((a) => [a.id, a.name])),
    territoryNames: new Map(data.territories.map((t) => [t.id, t.name])),
    baselineEntries: data.baselineEntries,
    groupNames: { rollout: w.label('group.rollout'), other: w.label('group.other') },
    dayUnit: w.label('dayUnit'),
  });
  writePlanSheet(book, data, rows, w);
  writeRolloutSheet(book, data, w);
  await book.commit();
}

function writePlanSheet(book: ExcelJS.stream.xlsx.WorkbookWriter, data: PlanData, plan: PlanRows, w: PlanWriteContext): void {
  const { template: t, label, formats } = w;
  const project = data.schedule.project;
  const statusDate = project.statusDate;
  let from = data.schedule.start < project.startDate ? data.schedule.start : project.startDate;
  let to = data.schedule.finishDate;
  // The chart spans the baseline too (of tasks and milestones still in the plan).
  const { baselineSpan } = plan;
  if (baselineSpan.start && baselineSpan.start < from) from = baselineSpan.start;
  if (baselineSpan.finish && baselineSpan.finish > to) to = baselineSpan.finish;
  if (statusDate && statusDate < from) from = statusDate;
  if (statusDate && statusDate > to) to = statusDate;
  const scale = ganttScale(from, to);
  const lastTableColumn = PLAN_COLUMNS.length;
  const lastRow = FIRST_DATA_ROW + plan.count - 1;
  const sheet = addSheet(book, t, 'Plan', {
    printTitlesRow: `${MONTH_ROW}:${HEAD_ROW}`,
    frozen: { rows: HEAD_ROW, columns: columnOf('name') },
    autoFilter: `A${HEAD_ROW}:${columnLetter(lastTableColumn)}${Math.max(HEAD_ROW, lastRow)}`,
    footer: `&L&8${footerText(project.code)}&C&8${footerText(`${project.name} · ${label('title')}`)}&R&8${label('page')}`,
    repeatWidthFrom: { column: GANTT_FIRST_COLUMN, count: scale.columns },
    outlineLevels: 3,
  });

  writeHeaderBlock(sheet, data, scale, w);
  const statusColumn = statusDate ? GANTT_FIRST_COLUMN + scale.indexOf(statusDate) : null;

  // The column heads, and the months (or years) over the Gantt chart.
  const months = sheet.getRow(MONTH_ROW);
  const heads = sheet.getRow(HEAD_ROW);
  heads.height = 48;
  PLAN_COLUMNS.forEach((c, i) => {
    const cell = heads.getCell(i + 1);
    cell.value = label(`col.${c.key}`);
    cell.style = t.style('tableHeader');
  });
  const ganttHead = t.compose(['ganttHeader'], { numFmt: scale.unit === 'week' ? formats.weekHead : formats.monthHead });
  const ganttHeadMarked = t.compose(['ganttHeader'], { numFmt: ganttHead.numFmt, border: { ...ganttHead.border, ...markerBorder(t) } });
  const monthStyle = t.style('ganttMonth');
  // Month (or year) names as text: they overflow into the empty cells to their right, where a date would show ###.
  const monthName = new Intl.DateTimeFormat(w.locale, scale.unit === 'week' ? { month: 'short', year: 'numeric', timeZone: 'UTC' } : { year: 'numeric', timeZone: 'UTC' });
  let lastMonth = '';
  for (let i = 0; i < scale.columns; i++) {
    const day = scale.startOf(i);
    const column = GANTT_FIRST_COLUMN + i;
    const cell = heads.getCell(column);
    cell.value = excelDate(day);
    cell.style = column === statusColumn ? ganttHeadMarked : ganttHead;
    const group = scale.unit === 'week' ? day.slice(0, 7) : day.slice(0, 4);
    if (group !== lastMonth) {
      const month = months.getCell(column);
      month.value = monthName.format(excelDate(day)!);
      month.style = monthStyle;
      lastMonth = group;
    }
  }
  months.commit();
  heads.commit();

  const styles = rowStyles(t, formats);
  const marker = t.style('statusDate');
  const [yes, no] = [label('yes'), label('no')];
  const values: ExcelJS.CellValue[] = new Array(PLAN_COLUMNS.length);
  const rowStyle: Partial<ExcelJS.Style>[] = new Array(PLAN_COLUMNS.length);
  const at = (column: number, value: ExcelJS.CellValue, style: Partial<ExcelJS.Style>) => {
    values[column - 1] = value;
    rowStyle[column - 1] = style;
  };
  /** User text: a text cell, never a formula (`textValue`, as `setText` writes it). */
  const textAt = (column: number, value: string | null, style: Partial<ExcelJS.Style>) => at(column, textValue(value), style);
  let n = FIRST_DATA_ROW;
  for (const r of plan.rows) {
    const row = sheet.getRow(n++);
    row.outlineLevel = r.level;
    const s = styles[r.kind];
    at(C.wbs, r.wbs, s.text);
    textAt(C.name, r.name, s.name[Math.min(r.level, s.name.length) - 1]);
    textAt(C.area, r.area, s.text);
    textAt(C.territory, r.territory, s.text);
    at(C.duration, r.start ? r.durationDays : null, s.days);
    at(C.start, excelDate(r.start), s.date);
    at(C.finish, excelDate(r.finish), s.date);
    at(C.baselineStart, excelDate(r.baselineStart), s.date);
    at(C.baselineFinish, excelDate(r.baselineFinish), s.date);
    at(C.variance, r.varianceDays, r.varianceDays !== null && r.varianceDays > 0 ? s.late : s.signed);
    at(C.float, r.totalFloatDays, s.days);
    at(C.critical, r.critical ? yes : no, s.center);
    at(C.predecessors, r.predecessors || null, s.text);
    at(C.percent, r.percentComplete / 100, s.percent);
    at(C.actualStart, excelDate(r.actualStart), s.date);
    at(C.actualFinish, excelDate(r.actualFinish), s.date);
    // The table's cells in one go, as exceljs makes a row from values, then their styles.
    row.values = values;
    for (let c = 0; c < rowStyle.length; c++) row.getCell(c + 1).style = rowStyle[c];
    drawBar(row, r, scale, statusColumn, styles.gantt, marker);
    row.commit();
  }
}

/** The bar of a row in the Gantt columns, the ◆ of a go-live, and the status date's marker. */
function drawBar(row: ExcelJS.Row, r: PlanRow, scale: GanttScale, statusColumn: number | null,
  g: ReturnType<typeof rowStyles>['gantt'], marker: Partial<ExcelJS.Style>): void {
  let markerPainted = false;
  if (r.start) {
    const first = scale.indexOf(r.start);
    const last = scale.indexOf(r.finish);
    const bar = r.kind === 'task' ? (r.done ? 'done' : r.critical ? 'critical' : 'normal') : 'summary';
    const doneUpTo = r.kind === 'task' && !r.done ? first + Math.round(((last - first + 1) * r.percentComplete) / 100) : -1;
    const diamondAt = r.goLive ? scale.indexOf(r.goLive) : -1;
    const drawn = !(r.kind === 'milestone' || (r.goLive && r.durationDays <= 1));
    for (let i = first; drawn && i <= last; i++) {
      const column = GANTT_FIRST_COLUMN + i;
      const kind = i < doneUpTo ? 'done' : bar;
      row.getCell(column).style = column === statusColumn ? g[kind].marked : g[kind].plain;
      if (column === statusColumn) markerPainted = true;
    }
    if (diamondAt >= 0) {
      const column = GANTT_FIRST_COLUMN + diamondAt;
      const cell = row.getCell(column);
      cell.value = '◆';
      const onBar = drawn && diamondAt >= first && diamondAt <= last;
      cell.style = onBar ? (column === statusColumn ? g.diamondOnBar.marked : g.diamondOnBar.plain) : column === statusColumn ? g.diamond.marked : g.diamond.plain;
      if (column === statusColumn) markerPainted = true;
    }
  }
  if (statusColumn !== null && !markerPainted) row.getCell(statusColumn).style = marker;
}

function writeHeaderBlock(sheet: ExcelJS.Worksheet, data: PlanData, scale: GanttScale, w: PlanWriteContext): void {
  const { template: t, label, formats } = w;
  const project = data.schedule.project;
  const title = sheet.getRow(1);
  title.height = 24;
  const titleCell = title.getCell(1);
  setText(titleCell, `${label('title')} · ${project.code} · ${project.name}`);
  titleCell.style = t.style('title');
  const value = (cell: ExcelJS.Cell, v: string | Date | null, numFmt?: string, span = 3) => {
    if (typeof v === 'string' || v === null) setText(cell, v);
    else cell.value = v;
    cell.style = numFmt ? t.compose(['headerValue'], { numFmt }) : t.style('headerValue');
    // Several columns wide, so that a date and time fits (a date never overflows into the next cell).
    const at = Number(cell.col);
    sheet.mergeCells(Number(cell.row), at, Number(cell.row), at + span - 1);
  };
  const calendar = data.schedule.projectCalendar;
  const lines: [string, (row: ExcelJS.Row) => void][] = [
    ['client', (row) => value(row.getCell(3), project.clientName)],
    ['calendar', (row) => value(row.getCell(3), `${calendar.code} · ${calendar.name}`)],
    ['statusDate', (row) => value(row.getCell(3), project.statusDate ? excelDate(project.statusDate) : label('noStatusDate'), project.statusDate ? formats.date : undefined)],
    ['baseline', (row) => {
      // The name as wide as the columns up to the baseline's own, its capture date under the baseline columns' heads.
      const dateAt = columnOf('baselineStart');
      value(row.getCell(3), data.baseline ? data.baseline.name : label('noBaseline'), undefined, data.baseline ? dateAt - 3 : 3);
      if (data.baseline) value(row.getCell(dateAt), excelDate(data.baseline.capturedAt.toISOString()), formats.date, 2);
    }],
    ['generated', (row) => value(row.getCell(3), w.generatedAt, formats.dateTime)],
  ];
  // The legend, over the Gantt chart.
  const legend: [string, Partial<ExcelJS.Style>, string | null][] = [
    ['legend.critical', t.style('ganttCritical'), null],
    ['legend.normal', t.style('ganttNormal'), null],
    ['legend.done', t.style('ganttDone'), null],
    ['legend.milestone', t.style('ganttMilestone'), '◆'],
    ['legend.statusDate', t.style('statusDate'), null],
  ];
  const legendColumn = GANTT_FIRST_COLUMN + Math.min(1, scale.columns - 1);
  lines.forEach(([key, write], i) => {
    const row = sheet.getRow(2 + i);
    const cell = row.getCell(columnOf('name'));
    cell.value = label(key);
    cell.style = t.style('headerLabel');
    write(row);
    const [legendKey, swatch, mark] = legend[i];
    const sample = row.getCell(legendColumn);
    sample.value = mark;
    sample.style = swatch;
    const text = row.getCell(legendColumn + 1);
    text.value = label(legendKey);
    text.style = t.style('legendText');
    row.commit();
  });
}

/** Every style a row uses, per row kind and column, set up once (the streaming writer keys styles by object). */
function rowStyles(t: ExcelTemplate, f: LocaleFormats) {
  const forKind = (kind: RowKind) => {
    const role = ROW_ROLE[kind];
    return {
      text: t.style(role),
      name: [1, 2, 3].map((level) => t.compose([role], { alignment: { indent: (level - 1) * 2, vertical: 'middle' } })),
      center: t.compose([role], { alignment: { horizontal: 'center' } }),
      date: t.compose([role], { numFmt: f.date, alignment: { horizontal: 'center' } }),
      days: t.compose([role], { numFmt: f.days }),
      signed: t.compose([role], { numFmt: f.signedDays }),
      late: t.compose([role, 'late'], { numFmt: f.signedDays }),
      percent: t.compose([role], { numFmt: f.percent }),
    };
  };
  // The marker adds its border only: a role read back from a template carries a default font and an empty fill.
  const pair = (roles: string[]) => {
    const plain = t.compose(roles);
    return { plain, marked: t.compose(roles, { border: { ...plain.border, ...markerBorder(t) } }) };
  };
  return {
    stage: forKind('stage'), milestone: forKind('milestone'), task: forKind('task'),
    gantt: {
      critical: pair(['ganttCritical']), normal: pair(['ganttNormal']), done: pair(['ganttDone']), summary: pair(['ganttSummary']),
      diamond: pair(['ganttMilestone']), diamondOnBar: pair(['ganttNormal', 'ganttMilestone']),
    },
  };
}

/**
 * Sheet Rollout: function areas down, territories across (go-live, baseline, status each); a cell
 * is the latest planned go-live of the milestones of that area and territory, coloured as the
 * project's schedule health is rated (GREEN within half the time tolerance of the baseline).
 */
function writeRolloutSheet(book: ExcelJS.stream.xlsx.WorkbookWriter, data: PlanData, w: PlanWriteContext): void {
  const { template: t, label, formats } = w;
  const { schedule } = data;
  const project = schedule.project;
  const goLives = new Map<string, string>();
  for (const task of schedule.tasks) {
    if (!task.milestoneId) continue;
    const known = goLives.get(task.milestoneId);
    if (task.milestonePhase === 'LAUNCH') goLives.set(task.milestoneId, task.finish);
    else if (!known) goLives.set(task.milestoneId, task.finish);
  }
  const baselineOf = new Map(data.baselineEntries.filter((e) => e.milestoneId).map((e) => [e.milestoneId!, e.finish]));
  const areas: { id: string | null; name: string }[] = data.areas.map((a) => ({ id: a.id, name: a.name }));
  const territories: { id: string | null; name: string }[] = data.territories.map((x) => ({ id: x.id, name: x.name }));
  if (data.milestones.some((m) => !m.functionAreaId)) areas.push({ id: null, name: label('rollout.noArea') });
  if (data.milestones.some((m) => !m.territoryId)) territories.unshift({ id: null, name: label('rollout.allTerritories') });
  const cells = new Map<string, (typeof data.milestones)[number]>();
  for (const m of data.milestones) {
    const key = `${m.functionAreaId}|${m.territoryId}`;
    const other = cells.get(key);
    if (!other || (goLives.get(m.id) ?? '') > (goLives.get(other.id) ?? '')) cells.set(key, m);
  }

  const widthOf = t.layout('Rollout').widths;
  const sheet = addSheet(book, t, 'Rollout', {
    printTitlesRow: '3:4', frozen: { rows: 4, columns: 1 },
    footer: `&L&8${footerText(project.code)}&C&8${footerText(label('rollout.title'))}&R&8${label('page')}`,
  });
  sheet.columns = [{ width: widthOf.get(1) ?? 28 }, ...territories.flatMap(() => [2, 3, 4].map((c) => ({ width: widthOf.get(c) ?? 12 })))];
  const title = sheet.getRow(1);
  title.height = 24;
  setText(title.getCell(1), `${label('rollout.title')} · ${project.code} · ${project.name}`);
  title.getCell(1).style = t.style('title');
  title.commit();
  const head = sheet.getRow(3);
  const sub = sheet.getRow(4);
  head.height = 30;
  head.getCell(1).value = label('rollout.area');
  head.getCell(1).style = t.style('matrixHeader');
  sub.getCell(1).style = t.style('matrixHeader');
  territories.forEach((territory, i) => {
    const column = 2 + 3 * i;
    setText(head.getCell(column), territory.name);
    for (let c = column; c < column + 3; c++) head.getCell(c).style = t.style('matrixHeader');
    ['rollout.goLive', 'rollout.baseline', 'rollout.status'].forEach((key, k) => {
      sub.getCell(column + k).value = label(key);
      sub.getCell(column + k).style = t.style('matrixHeader');
    });
    sheet.mergeCells(3, column, 3, column + 2);
  });
  sheet.mergeCells(3, 1, 4, 1);
  head.commit();
  sub.commit();

  const date = t.compose(['matrixCell'], { numFmt: formats.date });
  const rag = { GREEN: t.compose(['ragGreen'], { numFmt: formats.date }), AMBER: t.compose(['ragAmber'], { numFmt: formats.date }), RED: t.compose(['ragRed'], { numFmt: formats.date }) };
  areas.forEach((area, i) => {
    const row = sheet.getRow(5 + i);
    setText(row.getCell(1), area.name);
    row.getCell(1).style = t.style('matrixArea');
    territories.forEach((territory, k) => {
      const column = 2 + 3 * k;
      const m = cells.get(`${area.id}|${territory.id}`);
      const goLive = m ? goLives.get(m.id) ?? null : null;
      const baseline = m ? baselineOf.get(m.id) ?? null : null;
      const planned = row.getCell(column);
      planned.value = excelDate(goLive);
      planned.style = goLive && baseline ? rag[toleranceBand(varianceDays(schedule.projectCalendar, baseline, goLive), project.timeToleranceDays)] : date;
      const base = row.getCell(column + 1);
      base.value = excelDate(baseline);
      base.style = date;
      const status = row.getCell(column + 2);
      status.value = m ? label(`status.${m.status}`) : null;
      status.style = t.style('matrixCell');
    });
    row.commit();
  });
}

/** The status date's marker: the border of the `statusDate` role. */
function markerBorder(t: ExcelTemplate): Partial<ExcelJS.Borders> {
  return t.style('statusDate').border ?? {};
}
