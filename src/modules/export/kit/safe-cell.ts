import type { Cell } from 'exceljs';

/**
 * Writes user text (names, comments, reasons) as a plain text cell, never as a formula or a
 * number, whatever it starts with (`=`, `+`, `-`, `@`, tab, CR). exceljs writes a string value as
 * a string cell already; this makes it explicit and keeps a value that exceljs would read as an
 * object (a formula or rich text) from ever reaching a cell. Every workbook writes user text here.
 */
export function setText(cell: Cell, text: string | null | undefined): void {
  cell.value = textValue(text);
}

/** What `setText` stores: the safe text, or null (an empty cell). For rows written from a values array. */
export function textValue(text: string | null | undefined): string | null {
  return text == null ? null : safeText(text);
}

/**
 * The text as it must be stored: a string, with control characters XML 1.0 cannot hold (and
 * Excel would refuse to open) replaced by a space, and line ends as LF (an XML reader turns a
 * stored CR into LF anyway). The leading character stays as typed: a cell
 * typed as a string is not evaluated, so `=HYPERLINK(...)` reads as that text.
 */
export function safeText(text: string): string {
  if (!NEEDS_CLEANING.test(text)) return text;
  // eslint-disable-next-line no-control-regex
  return String(text).replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, ' ');
}

// eslint-disable-next-line no-control-regex
const NEEDS_CLEANING = /[\u0000-\u0008\u000B-\u001F\uFFFE\uFFFF]/;

/** What makes a spreadsheet read typed input as a formula (OWASP CSV injection): never a formula here. */
export const FORMULA_TRIGGERS = /^[=+\-@\t\r]/;

export function isFormulaLike(text: string): boolean {
  return FORMULA_TRIGGERS.test(text);
}
