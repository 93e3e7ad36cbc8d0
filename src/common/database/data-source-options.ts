import pg from 'pg';
import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

const PG_DATE_OID = 1082;

// A `date` is a calendar date: keep "YYYY-MM-DD" instead of a local-midnight Date that shifts
// by a day in zones west of UTC.
pg.types.setTypeParser(PG_DATE_OID, (value: string) => value);

export function buildDataSourceOptions(url: string, poolSize = 10): DataSourceOptions {
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
    extra: { max: poolSize },
    // Failed queries are logged by the error formatter, without their parameters.
    logging: false,
  };
}
