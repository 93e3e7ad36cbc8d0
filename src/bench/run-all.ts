import { benchServerUrl, printContention, runContentionBenchmark } from './contention.bench';
import { printScheduleBenchmark, runScheduleBenchmark } from './schedule.bench';

/** `npm run bench`: every benchmark, each reported as ratios measured within this run. */
async function main(): Promise<void> {
  if (!printScheduleBenchmark(runScheduleBenchmark())) {
    console.error('schedule: a target was missed');
    process.exitCode = 1;
  }

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
