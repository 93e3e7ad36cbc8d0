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
