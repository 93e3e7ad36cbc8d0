import { BenchResult } from './bench-result';

/** The JSON `npm run bench` writes: the figures of one run, with where and when they were taken. */
export interface BenchRun {
  commit: string;
  dirty: boolean;
  time: string;
  node: string;
  cpus: number;
  /** 1-minute load average when the run started: other work on the machine skews every figure. */
  loadAverage: number;
  results: BenchResult[];
  skipped: string[];
  errors: string[];
}

const grouped = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 0 });

export function formatFigure(value: number, unit: BenchResult['unit']): string {
  const digits = value < 10 ? 2 : value < 100 ? 1 : 0;
  return `${digits ? value.toFixed(digits) : grouped(value)} ${unit}`;
}

/** The change of a path's figure against the same path in an earlier run, e.g. "−12%"; "new" when it had none. */
export function change(result: BenchResult, earlier: BenchResult[] | undefined): string {
  const before = earlier?.find((r) => r.path === result.path);
  if (!before || before.unit !== result.unit) return earlier ? 'new' : '—';
  const percent = ((result.median - before.median) / before.median) * 100;
  const sign = percent > 0 ? '+' : percent < 0 ? '−' : '±';
  return `${sign}${Math.abs(percent).toFixed(0)}%`;
}

function verdict(result: BenchResult): string {
  if (result.target === null) return 'reported';
  return result.ok ? 'ok' : '**MISSED**';
}

function target(result: BenchResult): string {
  if (result.target === null) return '—';
  return result.floor === null ? `≤ ${formatFigure(result.target, result.unit)}` : `≤ ${result.target}×`;
}

/** One Markdown row per result: readable in a terminal and pasted as is into README. */
export function formatTable(results: BenchResult[], earlier?: BenchResult[]): string {
  const lines = [
    '| path | what | figure | floor | ratio | target | peak RSS | vs earlier | verdict |',
    '|---|---|---:|---:|---:|---|---:|---:|---|',
  ];
  for (const r of results) {
    const stat = r.stat && r.stat !== 'median' ? `${r.stat} ` : '';
    const floor = r.floor === null ? '—' : `${stat}${formatFigure(r.floor, r.unit)}`;
    const ratio = r.ratio === null ? '—' : `${r.ratio.toFixed(2)}×`;
    const rss = r.peakRssMb == null ? '—' : `${Math.round(r.peakRssMb)} MB`;
    lines.push(`| ${r.path} | ${r.label} | ${stat}${formatFigure(r.median, r.unit)} | ${floor} | ${ratio} | ${target(r)} | ${rss} | ${change(r, earlier)} | ${verdict(r)} |`);
  }
  return lines.join('\n');
}

/** Extra figures per path, one line each ("path: key value, …"); empty when no result has any. */
export function formatExtras(results: BenchResult[]): string {
  return results
    .filter((r) => r.extra && Object.keys(r.extra).length)
    .map((r) => `${r.path}: ${Object.entries(r.extra!).map(([key, value]) => `${key} ${typeof value === 'number' && !Number.isInteger(value) ? value.toFixed(1) : value}`).join(', ')}`)
    .join('\n');
}

/** The run fails when a module failed to run or any result missed its target. */
export const runFailed = (run: Pick<BenchRun, 'results' | 'errors'>): boolean => run.errors.length > 0 || run.results.some((r) => !r.ok);
