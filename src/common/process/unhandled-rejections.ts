/** The first line of a reason for the log: its kind and at most 200 characters of its message, no stack or query. */
export function describeRejection(reason: unknown): string {
  const text = reason instanceof Error ? `${reason.name}: ${reason.message}` : `a ${reason === null ? 'null' : typeof reason} value`;
  const firstLine = text.split('\n')[0];
  return firstLine.length > 200 ? `${firstLine.slice(0, 200)}…` : firstLine;
}

/**
 * Decides what to log for unhandled promise rejections: the first in full (one line), then at
 * most one line per `intervalMs` counting those since, so that a client able to cause them
 * cannot flood the log.
 */
export class RejectionReporter {
  private lastLoggedAt: number | undefined;
  private unreported = 0;

  constructor(
    private readonly log: (line: string) => void,
    private readonly now: () => number = Date.now,
    private readonly intervalMs = 60_000,
  ) {}

  report(reason: unknown): void {
    const now = this.now();
    this.unreported++;
    if (this.lastLoggedAt !== undefined && now - this.lastLoggedAt < this.intervalMs) return;
    const count = this.unreported === 1 ? 'An unhandled promise rejection' : `${this.unreported} unhandled promise rejections`;
    this.log(`${count} ignored, the service keeps serving (a bug to fix; last: ${describeRejection(reason)})`);
    this.lastLoggedAt = now;
    this.unreported = 0;
  }
}

/**
 * The safety net behind the real fixes: a promise rejection nobody awaited (in our code or a
 * library's) is logged and the process keeps serving, instead of Node's default of exiting, which
 * would let one request end every other request in flight. An uncaught exception is left to
 * Node's default (print and exit with 1): it escaped synchronous code mid-way, so the process's
 * state can no longer be trusted and a process manager should start a fresh one.
 */
export function keepServingOnUnhandledRejections(log: (line: string) => void): void {
  const reporter = new RejectionReporter(log);
  process.on('unhandledRejection', (reason) => reporter.report(reason));
}
