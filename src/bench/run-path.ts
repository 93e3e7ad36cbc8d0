import { BenchModule, BenchResult, ownPeakRssMb } from './bench-result';

/**
 * Runs one bench module in this (child) process and sends its results to the harness, each
 * without its own peak RSS given this process's peak, so no path inherits another's heap.
 */
export interface PathMessage { results: BenchResult[] }

async function main(): Promise<void> {
  const [file, serverUrl] = [process.argv[2], process.env.BENCH_SERVER_URL || undefined];
  const { bench } = require(file) as { bench: BenchModule };
  const results = await bench.run({ serverUrl });
  const peakRssMb = ownPeakRssMb();
  const message: PathMessage = { results: results.map((result) => (result.peakRssMb === undefined ? { ...result, peakRssMb } : result)) };
  await new Promise<void>((done, fail) => process.send!(message, (error: Error | null) => (error ? fail(error) : done())));
}

main().then(
  () => process.exit(0), // a module's leftover timers or sockets must not keep the run waiting
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
