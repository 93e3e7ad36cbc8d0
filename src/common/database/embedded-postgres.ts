import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { lockDataFolder } from './data-folder-lock';
import { EMBEDDED_CONNECTIONS } from './data-source-options';

/** Where the embedded database of DATA_DIR lives. */
export const embeddedDataFolder = (dataDir: string): string => join(dataDir, 'pgdata');

/** The socket name libpq (and so `pg`) looks for in a socket directory. */
const SOCKET_PORT = 5432;

/**
 * PostgreSQL compiled to WASM, persisted in a folder and served in-process on a unix socket,
 * so that TypeORM's ordinary `postgres` driver talks to it exactly as to a server.
 */
export class EmbeddedPostgres {
  private constructor(
    private readonly db: PGlite,
    private readonly server: PGLiteSocketServer,
    private readonly socketDir: string,
    private readonly unlock: () => void,
    readonly url: string,
  ) {}

  /**
   * `dataDir` undefined keeps the database in memory (tests). A folder is locked for this process
   * (see data-folder-lock.ts): a second process on it is refused with DataFolderInUseError.
   */
  static async start(dataDir: string | undefined): Promise<EmbeddedPostgres> {
    if (dataDir) mkdirSync(dataDir, { recursive: true });
    const unlock = dataDir ? lockDataFolder(dataDir) : () => {};
    let db: PGlite | undefined;
    try {
      db = await PGlite.create(dataDir ? { dataDir } : {});
      const socketDir = mkdtempSync(join(tmpdir(), 'rollout-pg-'));
      const server = new PGLiteSocketServer({
        db,
        path: join(socketDir, `.s.PGSQL.${SOCKET_PORT}`),
        // A second connection is refused ("Too many connections") rather than interleaved.
        maxConnections: EMBEDDED_CONNECTIONS,
      });
      await server.start();
      const url = `postgresql://postgres@localhost:${SOCKET_PORT}/postgres?host=${encodeURIComponent(socketDir)}`;
      return new EmbeddedPostgres(db, server, socketDir, unlock, url);
    } catch (error) {
      await db?.close().catch(() => undefined);
      unlock();
      throw error;
    }
  }

  /** Call after the connection pool is closed; frees the data folder for the next process. */
  async stop(): Promise<void> {
    try {
      await this.server.stop();
      await this.db.close();
      rmSync(this.socketDir, { recursive: true, force: true });
    } finally {
      this.unlock();
    }
  }
}
