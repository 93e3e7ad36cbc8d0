import pg from 'pg';
import { StartupError } from '../config/startup-error';

export class DatabaseUnreachableError extends StartupError {
  override readonly name = 'DatabaseUnreachableError';
}

/** Where DATABASE_URL points, without the user and password. */
function serverOf(url: string): string {
  const parsed = new URL(url);
  return parsed.searchParams.get('host') ?? `${parsed.hostname}:${parsed.port || 5432}`;
}

/** Why a connection failed, in words an operator can act on; the URL's password is never repeated. */
export function unreachableReason(error: unknown, server: string, connectTimeoutMs: number): string {
  const { code, message } = error as { code?: string; message?: string };
  if (code === 'ECONNREFUSED') return `nothing accepts connections at ${server} (connection refused)`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `the host of ${server} was not found`;
  if (/timeout|terminated unexpectedly/i.test(message ?? '')) {
    return `the server at ${server} did not answer within ${connectTimeoutMs} ms (DATABASE_CONNECT_TIMEOUT_MS)`;
  }
  // The server's own refusal (unknown role or database, wrong password) names no secret.
  return `the server at ${server} refused the connection: ${message ?? String(error)}`;
}

/**
 * Opens one connection and runs one query before the application starts, so that a wrong or
 * unreachable DATABASE_URL stops the start with one sentence instead of a driver stack trace
 * (Nest logs errors thrown while its modules initialise).
 */
export async function assertDatabaseReachable(url: string, connectTimeoutMs: number): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: connectTimeoutMs, query_timeout: connectTimeoutMs });
  // A connection that fails after connecting emits 'error'; the failed query reports it already.
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new DatabaseUnreachableError(`DATABASE_URL: ${unreachableReason(error, serverOf(url), connectTimeoutMs)}`);
  } finally {
    // A server that never answers never acknowledges the goodbye either.
    await Promise.race([client.end().catch(() => undefined), new Promise((done) => setTimeout(done, 200).unref())]);
  }
}
