/**
 * A reason the service refuses to start that the operator can act on (a setting, a data folder
 * in use): the start-up scripts print its message alone, without a stack trace.
 */
export class StartupError extends Error {
  override readonly name: string = 'StartupError';
}

/** For the start-up scripts: prints why the start failed (a StartupError by its message alone) and exits with 1. */
export function reportStartupFailure(error: unknown): never {
  console.error(error instanceof StartupError ? `Cannot start: ${error.message}` : error);
  process.exit(1);
}
