import { benchServerUrl, printContention, runContentionBenchmark } from './contention.bench';
import { runScheduleBenchmark } from './schedule.bench';

/** `npm run bench`: every benchmark, each reported as ratios measured within this run. */
async function main(): Promise<void> {
  const rows = runScheduleBenchmark();
  console.log('schedule: tasks → ms (ratio to previous size)');
  for (const row of rows) console.log(`  ${row.size} → ${row.ms.toFixed(1)} ms${row.ratio === null ? '' : ` (${row.ratio.toFixed(2)}×)`}`);

  const url = benchServerUrl();
  if (!url) {
    console.log('contention: skipped; set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a PostgreSQL server (the bench creates and drops its own database there)');
    return;
  }
  if (!printContention(await runContentionBenchmark(url))) {
    console.error('contention: reads of an idle project slowed down more than allowed while another project was busy');
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
