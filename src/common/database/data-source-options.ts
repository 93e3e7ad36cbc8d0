import pg from 'pg';
import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

const PG_DATE_OID = 1082;

// A `date` is a calendar date: keep "YYYY-MM-DD" instead of a local-midnight Date that shifts
// by a day in zones west of UTC.
pg.types.setTypeParser(PG_DATE_OID, (value: string) => value);

/** Bounds on how long the server may keep a connection waiting (see README, Configuration). */
export interface ConnectionTimeouts {
  connectTimeoutMs: number;
  statementTimeoutMs: number;
  lockTimeoutMs: number;
}

/**
 * `pg` settings for the timeouts: the server cancels a statement or a lock wait that runs too
 * long, and the client gives up on a server that stops answering altogether a second later.
 */
export const pgTimeouts = (timeouts: ConnectionTimeouts) => ({
  connectionTimeoutMillis: timeouts.connectTimeoutMs,
  statement_timeout: timeouts.statementTimeoutMs,
  lock_timeout: timeouts.lockTimeoutMs,
  query_timeout: timeouts.statementTimeoutMs + 1000,
});

/**
 * PGlite is one PostgreSQL session. pglite-socket (0.2.17, the latest) feeds it the protocol
 * messages of all its connections one message at a time and keeps a connection's turn only while
 * a transaction is open, so the Parse/Bind/Execute/Sync of two connections interleave: wrong
 * portals, wrong parameters, even silently wrong rows. One connection keeps every exchange whole;
 * requests queue for it in the application's pool instead.
 */
export const EMBEDDED_CONNECTIONS = 1;

/**
 * How long a query waits for the embedded database's single connection. Requests queue for it,
 * so a burst waits its turn; a code path that asks for a second connection while it holds the
 * first (a query outside the transaction's manager) would wait forever, and gets an error instead.
 */
export const EMBEDDED_ACQUIRE_TIMEOUT_MS = 30_000;

/**
 * The embedded database (see EMBEDDED_CONNECTIONS): one connection whatever pool size is
 * configured, kept open (no idle reconnects), and a bounded wait for it.
 */
export function buildEmbeddedDataSourceOptions(url: string, acquireTimeoutMs = EMBEDDED_ACQUIRE_TIMEOUT_MS): DataSourceOptions {
  const options = buildDataSourceOptions(url, EMBEDDED_CONNECTIONS);
  return { ...options, extra: { ...options.extra, idleTimeoutMillis: 0, connectionTimeoutMillis: acquireTimeoutMs } };
}

export function buildDataSourceOptions(url: string, poolSize = 10, timeouts?: ConnectionTimeouts): DataSourceOptions {
  return {
    type: 'postgres',
    driver: pg,
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    // Built-in gen_random_uuid(): the same migrations then run on PostgreSQL 15 and PGlite.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    poolSize,
    extra: { max: poolSize, ...(timeouts ? pgTimeouts(timeouts) : {}) },
    // Failed queries are logged by the error formatter, without their parameters.
    logging: false,
  };
}
