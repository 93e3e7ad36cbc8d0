import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../src/common/database/data-source-options';
import { provisionTestDatabase, TestDatabase } from './test-database';

declare global {
  // eslint-disable-next-line no-var
  var __ROLLOUT_TEST_DB__: TestDatabase | undefined;
}

/** One database per test run, migrated once; every test file starts its app against it (embedded: on a copy of it). */
export default async function globalSetup(): Promise<void> {
  const database = await provisionTestDatabase();
  globalThis.__ROLLOUT_TEST_DB__ = database;
  if (database.url) {
    const dataSource = new DataSource(buildDataSourceOptions(database.url, 2));
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    await dataSource.destroy();
    process.env.ROLLOUT_TEST_DATABASE_URL = database.url;
  } else {
    process.env.ROLLOUT_TEST_EMBEDDED_TEMPLATE = database.embeddedTemplate;
  }
  console.log(`\nTests run on ${database.kind}`);
}
