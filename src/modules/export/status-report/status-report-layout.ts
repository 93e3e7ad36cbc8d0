/**
 * Pure rules that keep a status report on one printed page (EXPORTS.md: "one printable page"):
 * how many lines of each list are printed, and how tall a row of wrapped text must be (Excel and
 * LibreOffice do not grow a row for wrapped text in merged cells, so the export sets it).
 */

/** The most lines a list prints; the rest is counted in a "… and N more" line. A steering committee reads the top of each. */
export const LIST_LIMITS = {
  thisPeriod: 6,
  nextPeriod: 6,
  milestones: 8,
  risks: 5,
  issues: 5,
  decisions: 5,
} as const;

export function capList<T>(items: readonly T[], limit: number): { shown: T[]; more: number } {
  // A single hidden line costs the same room as showing it.
  if (items.length <= limit + 1) return { shown: [...items], more: 0 };
  return { shown: items.slice(0, limit), more: items.length - limit };
}

/**
 * Lines a text wraps to in a cell `width` units wide (Excel's column width unit: the width of a
 * '0' in the default 11 pt font). Measured in LibreOffice's PDF: 9 pt Calibri prose fits 1.35–1.45
 * characters per unit; 1.28 errs on the taller side (a clipped line is worse than a gap).
 * Words longer than a line are cut, as Excel does. Line breaks the writer typed are kept.
 */
export function wrappedLines(text: string | null | undefined, width: number, fontSize = 9): number {
  if (!text) return 1;
  const perLine = Math.max(1, Math.floor((width * 11.5) / fontSize));
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let used = 0;
    let count = 1;
    // A no-break space (Russian digit groups: 1 070 000,00) joins, as Excel keeps it on one line.
    for (const word of paragraph.split(/[^\S\u00a0\u202f]+/).filter(Boolean)) {
      const length = word.length;
      if (used === 0) {
        count += Math.floor(Math.max(0, length - 1) / perLine);
        used = length % perLine || perLine;
      } else if (used + 1 + length <= perLine) {
        used += 1 + length;
      } else {
        count += 1 + Math.floor(Math.max(0, length - 1) / perLine);
        used = length % perLine || perLine;
      }
    }
    lines += count;
  }
  return Math.max(1, lines);
}

/** The height in points of a row showing `lines` lines of 9 pt text. */
export function rowHeight(lines: number, fontSize = 9): number {
  return Math.ceil(lines * (fontSize + 3.2) + 3);
}

/**
 * An exact decimal amount (as PostgreSQL numeric gives it, "1070000.00") as an Excel number when
 * a double holds it exactly to the cent (up to 15 significant digits, Excel's own precision);
 * otherwise null, and the caller writes the amount as text rather than a rounded number.
 */
export function excelAmount(amount: string | null | undefined): number | null {
  if (amount == null || !/^-?\d+(\.\d+)?$/.test(amount)) return null;
  const digits = amount.replace(/^-/, '').replace('.', '').replace(/^0+/, '');
  if (digits.length > 15) return null;
  return Number(amount);
}
