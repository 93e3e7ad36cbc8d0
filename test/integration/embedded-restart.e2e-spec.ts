import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/bootstrap';
import { loadAppConfig } from '../../src/common/config/app-config';

/**
 * The default a newcomer runs: no DATABASE_URL, so the app starts its embedded PostgreSQL in the
 * data folder, creates the administrator, and keeps everything across a restart.
 */
describe('embedded database in a data folder', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'rollout-restart-'));
  const env = {
    PATH: process.env.PATH, DATA_DIR: dataDir, NODE_ENV: 'test', PORT: '0',
    ADMIN_EMAIL: 'admin@rollout.test', ADMIN_PASSWORD: 'admin-password-1',
  };

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const start = async () => {
    const app = await createApp(loadAppConfig(env), { logger: ['error'] });
    await app.listen(0, '127.0.0.1');
    const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const gql = async (query: string, variables: object = {}, token?: string) => {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as any;
    };
    return { app, url, gql };
  };

  it('keeps users, projects and sessions across a restart', async () => {
    const first = await start();
    expect((await fetch(`${first.url}/health`)).status).toBe(200);
    const login = await first.gql('mutation { login(email: "admin@rollout.test", password: "admin-password-1") { token } }');
    const token = login.data.login.token;
    const created = await first.gql(
      'mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }',
      { i: { code: 'RESTART-1', name: 'Restart', clientName: 'Client', templateKey: 'prince2-crm', startDate: '2026-03-02' } },
      token,
    );
    expect(created.errors).toBeUndefined();
    await first.app.close();

    const second = await start();
    // The JWT secret was generated into the data folder, so the old token still works.
    const read = await second.gql('query($id: ID!) { project(id: $id) { code stages { kind } } }', { id: created.data.createProject.id }, token);
    expect(read.data.project.code).toBe('RESTART-1');
    expect(read.data.project.stages).toHaveLength(5);
    await second.app.close();
  }, 120_000);
});
