/**
 * The report's grid on an A4 landscape page: a left half (A–H: periods and milestones) and a
 * right half (J–N: risks, issues, exceptions, decisions) with a narrow gutter (I) between; the
 * header, ratings and summary span both. Widths are the template's starting point.
 */
export const STATUS_REPORT_COLUMNS = [
  { key: 'A', width: 14 }, { key: 'B', width: 14 }, { key: 'C', width: 14 }, { key: 'D', width: 12 },
  { key: 'E', width: 12 }, { key: 'F', width: 13 }, { key: 'G', width: 10 }, { key: 'H', width: 10 },
  { key: 'I', width: 2 },
  { key: 'J', width: 12 }, { key: 'K', width: 15 }, { key: 'L', width: 15 }, { key: 'M', width: 15 }, { key: 'N', width: 12 },
] as const;

/** Column numbers (1 = A) of the halves. */
export const LEFT = { first: 1, last: 8 } as const;
export const RIGHT = { first: 10, last: 14 } as const;
export const LAST_COLUMN = 14;
