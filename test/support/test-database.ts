import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { buildEmbeddedDataSourceOptions } from '../../src/common/database/data-source-options';
import { EmbeddedPostgres, embeddedDataFolder } from '../../src/common/database/embedded-postgres';
import { createScratchDatabase } from '../../src/common/database/scratch-database';

/**
 * A database for one test run and how to get rid of it: a server's `url`, or for the embedded
 * database an `embeddedTemplate`, a migrated DATA_DIR that every test app starts on a copy of.
 */
export interface TestDatabase {
  url?: string;
  embeddedTemplate?: string;
  kind: string;
  dispose(): Promise<void>;
}

/** TEST_DATABASE_URL names a server: each run gets a fresh database on it, dropped afterwards. */
async function freshDatabaseOn(serverUrl: string): Promise<TestDatabase> {
  const database = await createScratchDatabase(serverUrl, 'rollout_test');
  return { url: database.url, kind: `server ${new URL(serverUrl).host}, database ${database.name}`, dispose: database.drop };
}

function postgresBinaries(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(root, versions[0], 'bin') : null;
}

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });

/** A throwaway cluster with durability off: starts in about a second (see STACK.md). */
async function throwawayCluster(bin: string): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'rollout-pgtest-'));
  chmodSync(dir, 0o777);
  const asRoot = process.getuid?.() === 0;
  const run = (command: string, args: string[]) => {
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, command), ...args]] : [join(bin, command), args];
    execFileSync(file, argv, { stdio: 'pipe' });
  };
  const data = join(dir, 'data');
  run('initdb', ['--no-sync', '-A', 'trust', '-U', 'postgres', '-D', data]);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  run('pg_ctl', ['-w', '-D', data, '-o', options, '-l', join(dir, 'log'), 'start']);
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    kind: `throwaway cluster on port ${port}`,
    dispose: async () => {
      const [file, argv] = asRoot
        ? ['runuser', ['-u', 'postgres', '--', join(bin, 'pg_ctl'), '-D', data, '-m', 'immediate', 'stop']]
        : [join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']];
      spawnSync(file, argv, { stdio: 'pipe' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The embedded database exactly as the application runs it (DATA_DIR, no DATABASE_URL): one
 * migrated data folder, copied for every test app, so that each app opens its own PGlite through
 * the production code path (about 3 s a start instead of 7.5 s for a fresh one, see STACK.md).
 */
async function embeddedTemplate(): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rollout-embedded-template-'));
  const db = await EmbeddedPostgres.start(embeddedDataFolder(dataDir));
  try {
    const dataSource = new DataSource(buildEmbeddedDataSourceOptions(db.url));
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    await dataSource.destroy();
  } finally {
    await db.stop();
  }
  return {
    embeddedTemplate: dataDir,
    kind: 'embedded PGlite (each app on a copy of one migrated data folder)',
    dispose: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

/**
 * TEST_DATABASE=embedded: the embedded database (as every new user runs it), whatever else is set;
 * else TEST_DATABASE_URL's server, else a throwaway cluster, else the embedded database.
 */
export async function provisionTestDatabase(): Promise<TestDatabase> {
  if (process.env.TEST_DATABASE === 'embedded') return embeddedTemplate();
  if (process.env.TEST_DATABASE_URL) return freshDatabaseOn(process.env.TEST_DATABASE_URL);
  const bin = postgresBinaries();
  if (bin) {
    try {
      return await throwawayCluster(bin);
    } catch (error) {
      console.warn(`Could not start a throwaway PostgreSQL cluster (${(error as Error).message}); using embedded PGlite`);
    }
  }
  return embeddedTemplate();
}
