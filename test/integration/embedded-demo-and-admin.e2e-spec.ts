import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/bootstrap';
import { loadAppConfig } from '../../src/common/config/app-config';
import { DataFolderInUseError } from '../../src/common/database/data-folder-lock';
import { EmbeddedPostgres, embeddedDataFolder } from '../../src/common/database/embedded-postgres';
import { DEMO_PASSWORD, DEMO_PROJECT } from '../../src/demo/demo-rollout';
import { runDemo } from '../../src/demo/run-demo';

/**
 * A newcomer's sequence on the embedded database: `npm run demo` on a fresh data folder, then
 * `npm start` with ADMIN_* — one process on the folder at a time.
 */
describe('demo, administrator and one process per embedded data folder', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'rollout-demo-admin-'));
  const env = (extra: Record<string, string> = {}) => loadAppConfig({ PATH: process.env.PATH, DATA_DIR: dataDir, NODE_ENV: 'test', PORT: '0', ...extra });

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  afterEach(() => jest.restoreAllMocks());

  const start = async (extra: Record<string, string> = {}) => {
    const app = await createApp(env(extra), { logger: ['error'] });
    await app.listen(0, '127.0.0.1');
    const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const login = async (email: string, password: string) => {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', variables: { e: email, p: password } }),
      });
      return (await response.json()) as { data?: { login: { token: string } } | null; errors?: unknown[] };
    };
    return { app, login };
  };

  it('`npm run demo` says what it loaded and how to sign in', async () => {
    const lines: string[] = [];
    expect(await runDemo(env(), (line) => lines.push(line))).toBe(true);
    const text = lines.join('\n');
    expect(text).toContain(`Loaded the demo rollout ${DEMO_PROJECT.code}`);
    expect(text).toContain(`project id ${DEMO_PROJECT.id}: 6 stages, 6 milestones`);
    expect(text).toMatch(/3 key users, 3 training sessions, 2 baselines/);
    expect(text).toContain(`with the password "${DEMO_PASSWORD}"`);
    expect(text).toMatch(/pm@demo\.rollout +Anna Sokolova — project manager/);

    const again: string[] = [];
    expect(await runDemo(env(), (line) => again.push(line))).toBe(false);
    expect(again[0]).toContain('was already in the embedded database');
  }, 180_000);

  it('a second process on the same data folder is refused, and the folder opens again once the first has stopped', async () => {
    const first = await start();
    const refusal = `The embedded database in ${embeddedDataFolder(dataDir)} is in use by process ${process.pid}; stop it first or point DATABASE_URL at a server`;
    // `npm run demo` while the server runs: refused before it touches anything.
    await expect(runDemo(env(), () => undefined)).rejects.toThrow(refusal);
    await expect(createApp(env(), { logger: false })).rejects.toThrow(DataFolderInUseError);
    // The embedded database itself refuses too (the lock is taken where the folder is opened).
    await expect(EmbeddedPostgres.start(embeddedDataFolder(dataDir))).rejects.toThrow(refusal);
    await first.app.close();

    const second = await start();
    expect((await second.login('pm@demo.rollout', DEMO_PASSWORD)).data?.login.token).toBeTruthy();
    await second.app.close();
  }, 180_000);

  it('after the demo, the configured administrator is created; later ADMIN_* are ignored, saying why', async () => {
    const warnings = jest.spyOn(Logger.prototype, 'warn');
    const logs = jest.spyOn(Logger.prototype, 'log');
    const said = () => [...warnings.mock.calls, ...logs.mock.calls].map((call) => String(call[0]));

    const withAdmin = await start({ ADMIN_EMAIL: 'Admin@Example.test', ADMIN_PASSWORD: 'admin-password-1' });
    expect(said()).toContain('Created the administrator admin@example.test');
    expect((await withAdmin.login('admin@example.test', 'admin-password-1')).data?.login.token).toBeTruthy();
    await withAdmin.app.close();

    const again = await start({ ADMIN_EMAIL: 'admin@example.test', ADMIN_PASSWORD: 'another-password' });
    expect(said()).toContain('ADMIN_EMAIL and ADMIN_PASSWORD ignored: the user admin@example.test already exists (its password is not changed; use changePassword)');
    expect((await again.login('admin@example.test', 'another-password')).errors).toBeDefined();
    await again.app.close();

    const other = await start({ ADMIN_EMAIL: 'second@example.test', ADMIN_PASSWORD: 'admin-password-2' });
    expect(said()).toContain('ADMIN_EMAIL and ADMIN_PASSWORD ignored: the database already has an administrator, so second@example.test is not created');
    expect((await other.login('second@example.test', 'admin-password-2')).errors).toBeDefined();
    await other.app.close();
  }, 180_000);
});
