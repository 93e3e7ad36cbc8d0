/**
 * The common shape of `npm run bench` (see src/bench/README.md).
 *
 * A benchmark module is a file `src/bench/<name>.bench.ts` that exports `bench: BenchModule`. The
 * harness (run-all.ts) finds every such file in dist/bench, runs each module in its own child
 * process (so one path's heap does not inflate another's peak RSS), prints one table row per
 * result, writes all results as JSON and exits non-zero when any result is not `ok`.
 */

/** One measured path: a figure, the floor it is compared with in the same run, and the verdict. */
export interface BenchResult {
  /** Stable key, compared across runs and commits: 'schedule-20k', 'plan-read-5k', 'startup-pg-warm'. */
  path: string;
  /** What was measured and against what, one line for the table. */
  label: string;
  unit: 'ms' | 'req/s';
  /** Which statistic `median` holds when it is not the median of the timed runs (e.g. 'p95'). */
  stat?: 'median' | 'p95';
  /** The path's figure after warm-up: the median of the timed runs unless `stat` says otherwise. */
  median: number;
  /** The floor measured in the same run, in the same unit; null when the target is an absolute limit. */
  floor: number | null;
  /**
   * How many times worse than the floor, so lower is better and 1 is the floor itself:
   * median / floor for times, floor / median for throughputs; null without a floor.
   */
  ratio: number | null;
  /** ok when ratio ≤ target, or without a floor when median ≤ target (ms); null: reported, not judged. */
  target: number | null;
  ok: boolean;
  /**
   * Peak RSS in MB of the process that did the work. Left undefined, the harness fills in the
   * bench child's own peak; a path whose work runs in a service process sets that process's.
   */
  peakRssMb?: number | null;
  /** Anything else worth keeping in the JSON (sizes, p95, statement counts, errors). */
  extra?: Record<string, number | string | boolean | null>;
}

export interface BenchContext {
  /** A PostgreSQL server to create throwaway databases on (BENCH_DATABASE_URL, else TEST_DATABASE_URL). */
  serverUrl: string | undefined;
}

export interface BenchModule {
  /** Short name, e.g. 'schedule'; `npm run bench -- schedule read-path` runs only those modules. */
  name: string;
  /** Runs order by this, lowest first (ties by name). */
  order?: number;
  /** Without a server the module is reported as skipped (and does not fail the run). */
  needsServer: boolean;
  run(context: BenchContext): Promise<BenchResult[]>;
}

/**
 * Fills in ratio and ok from the figure, the floor and the target. `pairedRatio`, when given, is
 * the ratio: the median of ratios taken in pairs measured together (steadier on a loaded machine
 * than the ratio of two medians measured at different moments).
 */
export function judged(result: Omit<BenchResult, 'ratio' | 'ok'> & { higherIsBetter?: boolean; pairedRatio?: number }): BenchResult {
  const { higherIsBetter, pairedRatio, ...rest } = result;
  const ratio = rest.floor === null ? null : pairedRatio ?? (higherIsBetter ? rest.floor / rest.median : rest.median / rest.floor);
  const judgedFigure = ratio ?? rest.median;
  return { ...rest, ratio, ok: rest.target === null || judgedFigure <= rest.target };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Peak resident set size of this process so far, in MB (Linux reports maxRSS in KiB). */
export const ownPeakRssMb = (): number => process.resourceUsage().maxRSS / 1024;
