import { runScheduleBenchmark } from './schedule.bench';

/** `npm run bench`: every benchmark, each reported as ratios measured within this run. */
const rows = runScheduleBenchmark();
console.log('schedule: tasks → ms (ratio to previous size)');
for (const row of rows) console.log(`  ${row.size} → ${row.ms.toFixed(1)} ms${row.ratio === null ? '' : ` (${row.ratio.toFixed(2)}×)`}`);
