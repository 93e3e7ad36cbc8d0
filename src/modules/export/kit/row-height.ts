/**
 * The height (points) a row of wrapped text needs: Excel does not grow a row to its wrapped text
 * when it opens a file, nor does any application for merged cells, so a row holding a long
 * comment would print cut off. Each entry is a text and the width (Excel characters) it wraps in;
 * the tallest wins. An estimate (average character width), erring on the tall side.
 */
export function wrappedRowHeight(cells: readonly { text: string | null | undefined; width: number }[], lineHeight = 13, minimum = 15): number {
  let lines = 1;
  for (const { text, width } of cells) {
    if (!text) continue;
    const perLine = Math.max(1, Math.floor(width * 1.15) - 1);
    const count = String(text).split('\n').reduce((sum, part) => sum + Math.max(1, Math.ceil(part.length / perLine)), 0);
    lines = Math.max(lines, count);
  }
  return Math.max(minimum, lines * lineHeight + 2);
}
