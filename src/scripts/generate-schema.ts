import { writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../bootstrap';
import { loadAppConfig } from '../common/config/app-config';
import { printAppSchema, SCHEMA_FILE } from '../common/graphql/print-schema';

/** Boots the app (on a scratch embedded database unless DATABASE_URL is set) and writes schema.gql. */
async function main(): Promise<void> {
  const config = loadAppConfig({ ...process.env, DATA_DIR: process.env.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'rollout-schema-')) });
  const app = await createApp(config, { logger: ['error'] });
  await app.init();
  writeFileSync(SCHEMA_FILE, printAppSchema(app));
  await app.close();
  console.log(`Wrote ${SCHEMA_FILE}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
