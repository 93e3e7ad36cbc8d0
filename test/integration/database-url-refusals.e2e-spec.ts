import { jest } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/bootstrap';
import { ConfigError, loadAppConfig } from '../../src/common/config/app-config';
import { reportStartupFailure } from '../../src/common/config/startup-error';
import { DatabaseUnreachableError } from '../../src/common/database/database-reachable';

const listening = (server: Server) => new Promise<number>((done) => server.listen(0, '127.0.0.1', () => done((server.address() as { port: number }).port)));

/**
 * A DATABASE_URL the service cannot use stops the start with one sentence naming DATABASE_URL and
 * what is wrong, before Nest starts (which would log a driver stack trace).
 */
describe('a DATABASE_URL the service cannot use', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'rollout-db-url-'));
  const config = (url: string, extra: Record<string, string> = {}) =>
    loadAppConfig({ PATH: process.env.PATH, DATA_DIR: dataDir, JWT_SECRET: 'test', NODE_ENV: 'test', DATABASE_URL: url, ...extra });
  let silent: Server;
  let silentPort: number;
  const sockets = new Set<Socket>();

  beforeAll(async () => {
    // Accepts connections and never answers: a hung database.
    silent = createServer((socket) => { sockets.add(socket); socket.on('data', () => undefined); });
    silentPort = await listening(silent);
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((done) => silent.close(done));
    rmSync(dataDir, { recursive: true, force: true });
  });
  afterEach(() => jest.restoreAllMocks());

  /** What the start printed (stdout and stderr together) and how it exited. */
  async function start(url: string, extra: Record<string, string> = {}): Promise<{ printed: string; exitCode: unknown; ms: number }> {
    let printed = '';
    const capture = (chunk: unknown) => { printed += String(chunk); return true; };
    jest.spyOn(process.stdout, 'write').mockImplementation(capture as typeof process.stdout.write);
    jest.spyOn(process.stderr, 'write').mockImplementation(capture as typeof process.stderr.write);
    jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => { printed += `${args.join(' ')}\n`; });
    let exitCode: unknown;
    jest.spyOn(process, 'exit').mockImplementation(((code: unknown) => { exitCode = code; }) as typeof process.exit);
    const began = Date.now();
    try {
      const app = await createApp(config(url, extra));
      await app.close();
    } catch (error) {
      reportStartupFailure(error);
    }
    const ms = Date.now() - began;
    jest.restoreAllMocks();
    return { printed, exitCode, ms };
  }

  it('is refused when nothing listens there', async () => {
    const closed = createServer();
    const port = await listening(closed);
    await new Promise((done) => closed.close(done));
    await expect(createApp(config(`postgresql://postgres:secret@127.0.0.1:${port}/rollout`))).rejects.toThrow(DatabaseUnreachableError);
    expect(await start(`postgresql://postgres:secret@127.0.0.1:${port}/rollout`)).toMatchObject({
      printed: `Cannot start: DATABASE_URL: nothing accepts connections at 127.0.0.1:${port} (connection refused)\n`,
      exitCode: 1,
    });
  });

  it('is refused within the connect timeout when the server there never answers', async () => {
    const result = await start(`postgresql://postgres@127.0.0.1:${silentPort}/rollout`, { DATABASE_CONNECT_TIMEOUT_MS: '500' });
    expect(result).toMatchObject({
      printed: `Cannot start: DATABASE_URL: the server at 127.0.0.1:${silentPort} did not answer within 500 ms (DATABASE_CONNECT_TIMEOUT_MS)\n`,
      exitCode: 1,
    });
    expect(result.ms).toBeLessThan(2000);
  });

  it('is refused when the server refuses the connection (a database that does not exist), with the server\'s reason', async () => {
    const server = new URL(process.env.ROLLOUT_TEST_DATABASE_URL!);
    server.pathname = '/no_such_database_here';
    expect(await start(server.toString())).toMatchObject({
      printed: `Cannot start: DATABASE_URL: the server at ${server.hostname}:${server.port || 5432} refused the connection: database "no_such_database_here" does not exist\n`,
      exitCode: 1,
    });
  });

  it('is refused when it is not a PostgreSQL URL, without repeating it', () => {
    for (const [url, reason] of [
      ['mysql://root:secret@127.0.0.1/rollout', 'DATABASE_URL must be a postgresql:// or postgres:// URL (a PostgreSQL server); it starts with "mysql:"'],
      ['secret-not-a-url', 'DATABASE_URL is not a URL; expected postgresql://user:password@host:5432/database'],
    ]) {
      expect(() => config(url)).toThrow(ConfigError);
      expect(() => config(url)).toThrow(reason);
    }
  });
});
