import { execFileSync, fork } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { BenchModule, BenchResult } from './bench-result';
import { BenchRun, formatExtras, formatTable, runFailed } from './report';
import type { PathMessage } from './run-path';

/**
 * `npm run bench [-- name …] [-- --save-baseline]`: every bench module (dist/bench/*.bench.js
 * exporting `bench`), each in its own child process; a table, the JSON of the run, and exit 1
 * when a path missed its target. See src/bench/README.md.
 */
const RESULTS_DIR = resolve('bench-results');
const LATEST = join(RESULTS_DIR, 'latest.json');
const BASELINE = resolve('bench', 'baseline.json');

function git(...args: string[]): string {
  try {
    return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

function discover(only: string[]): { file: string; bench: BenchModule }[] {
  return readdirSync(__dirname)
    .filter((name) => name.endsWith('.bench.js'))
    .map((name) => ({ file: join(__dirname, name), bench: (require(join(__dirname, name)) as { bench?: BenchModule }).bench }))
    .filter((m): m is { file: string; bench: BenchModule } => m.bench !== undefined && (!only.length || only.includes(m.bench.name)))
    .sort((a, b) => (a.bench.order ?? 50) - (b.bench.order ?? 50) || a.bench.name.localeCompare(b.bench.name));
}

/** Runs one module in a child process; its own output goes straight to ours. */
function runInChild(file: string, serverUrl: string | undefined): Promise<BenchResult[]> {
  return new Promise((done, fail) => {
    let results: BenchResult[] | undefined;
    // --expose-gc: a path may collect garbage between timed runs, so that neither side of a pair pays for the other's.
    const child = fork(join(__dirname, 'run-path.js'), [file], { env: { ...process.env, BENCH_SERVER_URL: serverUrl ?? '' }, execArgv: [...process.execArgv, '--expose-gc'] });
    child.on('message', (message: PathMessage) => { results = message.results; });
    child.on('error', fail);
    child.on('exit', (code, signal) => {
      if (results && code === 0) done(results);
      else fail(new Error(`exited with ${signal ?? code} before reporting results`));
    });
  });
}

const readRun = (path: string): BenchRun | undefined => (existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as BenchRun) : undefined);

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const saveBaseline = args.includes('--save-baseline');
  const modules = discover(args.filter((arg) => !arg.startsWith('--')));
  const serverUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || undefined;
  const run: BenchRun = {
    commit: git('rev-parse', '--short', 'HEAD') || 'unknown',
    dirty: git('status', '--porcelain', '--untracked-files=no') !== '',
    time: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    loadAverage: loadavg()[0],
    results: [],
    skipped: [],
    errors: [],
  };
  console.log(`npm run bench at ${run.commit}${run.dirty ? ' (uncommitted changes)' : ''}, node ${run.node}, ${run.cpus} cores, load ${run.loadAverage.toFixed(1)}`);

  for (const { file, bench } of modules) {
    if (bench.needsServer && !serverUrl) {
      run.skipped.push(`${bench.name}: needs a PostgreSQL server; set BENCH_DATABASE_URL (or TEST_DATABASE_URL), the bench creates and drops its own database there`);
      continue;
    }
    console.log(`\n— ${bench.name}`);
    try {
      run.results.push(...(await runInChild(file, serverUrl)));
    } catch (error) {
      run.errors.push(`${bench.name}: ${(error as Error).message}`);
    }
  }

  const previous = readRun(LATEST);
  const earlier = previous ?? readRun(BASELINE);
  console.log(`\n${formatTable(run.results, earlier?.results)}`);
  if (earlier) console.log(`\nvs earlier: the figure's change against ${previous ? 'the previous run' : 'bench/baseline.json'} (${earlier.commit}, ${earlier.time})`);
  const extras = formatExtras(run.results);
  if (extras) console.log(`\n${extras}`);
  for (const line of run.skipped) console.log(`skipped ${line}`);
  for (const line of run.errors) console.error(`FAILED ${line}`);

  mkdirSync(RESULTS_DIR, { recursive: true });
  const json = `${JSON.stringify(run, null, 2)}\n`;
  const file = join(RESULTS_DIR, `${run.time.replace(/[:.]/g, '-')}-${run.commit}.json`);
  writeFileSync(file, json);
  writeFileSync(LATEST, json);
  console.log(`\nwritten: ${file} (and bench-results/latest.json)`);
  if (saveBaseline) {
    mkdirSync(dirname(BASELINE), { recursive: true });
    writeFileSync(BASELINE, json);
    console.log('written: bench/baseline.json');
  }

  const missed = run.results.filter((r) => !r.ok).map((r) => r.path);
  if (runFailed(run)) {
    console.error(`\nbench FAILED: ${[...missed.map((p) => `${p} missed its target`), ...run.errors].join('; ')}`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
