/** What work is ordered by when it is shown: when it starts, then when it finishes, then its name. */
export interface DatedWork {
  start: string;
  finish: string;
  name: string;
}

// Names as a person reads them (the default collation, as String.prototype.localeCompare), one collator for every comparison.
const names = new Intl.Collator();

/** Work in the order it runs: by start, then finish (ISO dates compare as text), then name. */
export function compareInDateOrder(a: DatedWork, b: DatedWork): number {
  return a.start < b.start ? -1 : a.start > b.start ? 1 : a.finish < b.finish ? -1 : a.finish > b.finish ? 1 : names.compare(a.name, b.name);
}

/** A copy of `work` in date order (`compareInDateOrder`). */
export function inDateOrder<T extends DatedWork>(work: readonly T[]): T[] {
  return [...work].sort(compareInDateOrder);
}

/** Whether `work` is in date order already: one pass, so that a caller can skip the sort. */
export function isInDateOrder(work: readonly DatedWork[]): boolean {
  for (let i = 1; i < work.length; i++) if (compareInDateOrder(work[i - 1], work[i]) > 0) return false;
  return true;
}
