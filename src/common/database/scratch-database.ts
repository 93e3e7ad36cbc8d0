import pg from 'pg';

/** A database of its own on a PostgreSQL server, for a test run or a benchmark. */
export interface ScratchDatabase {
  name: string;
  /** The server's URL pointing at this database. */
  url: string;
  /** Drops it, whoever is still connected (WITH FORCE). */
  drop(): Promise<void>;
}

/** Creates `<prefix>_<time>_<pid>` on the server `serverUrl` names (its user must be allowed to create databases). */
export async function createScratchDatabase(serverUrl: string, prefix: string): Promise<ScratchDatabase> {
  const name = `${prefix}_${Date.now()}_${process.pid}`;
  await onServer(serverUrl, (admin) => admin.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => onServer(serverUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
  };
}

async function onServer(serverUrl: string, work: (admin: pg.Client) => Promise<unknown>): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await work(admin);
  } finally {
    await admin.end();
  }
}
