/** The plan table's columns, in order; the Gantt chart starts right after them. */
export const PLAN_COLUMNS = [
  { key: 'wbs', width: 7 },
  { key: 'name', width: 44 },
  { key: 'area', width: 15 },
  { key: 'territory', width: 13 },
  { key: 'duration', width: 8 },
  { key: 'start', width: 12 },
  { key: 'finish', width: 12 },
  { key: 'baselineStart', width: 12 },
  { key: 'baselineFinish', width: 12 },
  { key: 'variance', width: 9 },
  { key: 'float', width: 9 },
  { key: 'critical', width: 7 },
  { key: 'predecessors', width: 14 },
  { key: 'percent', width: 8 },
  { key: 'actualStart', width: 12 },
  { key: 'actualFinish', width: 12 },
] as const;

export type PlanColumn = (typeof PLAN_COLUMNS)[number]['key'];

/** 1-based column number of a table column. */
export const columnOf = (key: PlanColumn): number => PLAN_COLUMNS.findIndex((c) => c.key === key) + 1;

/** The first Gantt column. */
export const GANTT_FIRST_COLUMN = PLAN_COLUMNS.length + 1;
