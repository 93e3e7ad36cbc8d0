import { judged, median, percentile } from './bench-result';
import { change, formatTable, runFailed } from './report';

const time = (path: string, figure: number, floor: number | null, target: number | null) =>
  judged({ path, label: path, unit: 'ms', median: figure, floor, target });

describe('judged', () => {
  it('gives a time its ratio to the floor and fails it above the target', () => {
    expect(time('a', 300, 100, 2)).toMatchObject({ ratio: 3, ok: false });
    expect(time('a', 150, 100, 2)).toMatchObject({ ratio: 1.5, ok: true });
  });

  it('turns a throughput round, so the ratio still says how many times worse than the floor', () => {
    const result = judged({ path: 's', label: 's', unit: 'req/s', median: 400, floor: 1000, target: 2, higherIsBetter: true });
    expect(result).toMatchObject({ ratio: 2.5, ok: false });
  });

  it('takes a ratio of pairs measured together, when given, instead of the ratio of the medians', () => {
    expect(judged({ path: 'p', label: 'p', unit: 'ms', median: 300, floor: 100, target: 2, pairedRatio: 1.9 })).toMatchObject({ ratio: 1.9, ok: true });
    expect(judged({ path: 'p', label: 'p', unit: 'ms', median: 150, floor: 100, target: 2, pairedRatio: 2.1 })).toMatchObject({ ratio: 2.1, ok: false });
  });

  it('holds the figure itself to the target when there is no floor, and judges nothing without a target', () => {
    expect(time('start', 6_000, null, 5_000)).toMatchObject({ ratio: null, ok: false });
    expect(time('start', 4_000, null, 5_000).ok).toBe(true);
    expect(time('start', 60_000, null, null).ok).toBe(true);
  });
});

describe('report', () => {
  it('fails the run when any path misses its target or a module failed', () => {
    expect(runFailed({ results: [time('a', 1, 1, 2), time('b', 5, 1, 2)], errors: [] })).toBe(true);
    expect(runFailed({ results: [time('a', 1, 1, 2)], errors: ['read-path: exited with 1'] })).toBe(true);
    expect(runFailed({ results: [time('a', 1, 1, 2), time('c', 9, null, null)], errors: [] })).toBe(false);
  });

  it('shows the change of each figure against the same path in an earlier run', () => {
    const earlier = [time('a', 200, null, null)];
    expect(change(time('a', 150, null, null), earlier)).toBe('−25%');
    expect(change(time('a', 230, null, null), earlier)).toBe('+15%');
    expect(change(time('b', 1, null, null), earlier)).toBe('new');
    expect(change(time('a', 1, null, null), undefined)).toBe('—');
  });

  it('prints one Markdown row per path, marking a missed target', () => {
    const table = formatTable([time('plan-read-5k', 412.4, 150, 2), { ...time('startup-pg-warm', 1_820, null, 5_000), peakRssMb: 151.4 }]);
    const rows = table.split('\n');
    expect(rows).toHaveLength(4);
    expect(rows[2]).toBe('| plan-read-5k | plan-read-5k | 412 ms | 150 ms | 2.75× | ≤ 2× | — | — | **MISSED** |');
    expect(rows[3]).toBe('| startup-pg-warm | startup-pg-warm | 1,820 ms | — | — | ≤ 5,000 ms | 151 MB | — | ok |');
  });

  it('takes medians and percentiles of the timed runs', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(percentile([...Array(100).keys()].map((i) => i + 1), 95)).toBe(95);
  });
});
