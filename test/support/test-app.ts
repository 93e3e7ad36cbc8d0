import type { INestApplication } from '@nestjs/common';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/bootstrap';
import { AppConfig, loadAppConfig } from '../../src/common/config/app-config';
import { RequestContext } from '../../src/common/context/request-context';
import { Organization } from '../../src/modules/auth/auth.enums';
import { UserService } from '../../src/modules/people/user.service';

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, any> }[];
}

export interface TestUser {
  id: string;
  email: string;
  token: string;
}

let counter = 0;
/** Unique per test run so that files sharing the run's database never collide. */
export const unique = (prefix: string): string => `${prefix}-${process.pid}-${Date.now().toString(36)}-${++counter}`;

/** The application as it runs in production, on the run's database, listening on a free port. */
export class TestApp {
  private constructor(
    readonly app: INestApplication,
    readonly url: string,
    readonly config: AppConfig,
  ) {}

  static async start(env: Record<string, string> = {}): Promise<TestApp> {
    const databaseUrl = process.env.ROLLOUT_TEST_DATABASE_URL;
    const embeddedTemplate = process.env.ROLLOUT_TEST_EMBEDDED_TEMPLATE;
    if (!databaseUrl && !embeddedTemplate) throw new Error('The Jest global setup did not provide a test database');
    const dataDir = mkdtempSync(join(tmpdir(), 'rollout-data-'));
    // Embedded: the app opens its own copy of the migrated data folder, as `npm start` would.
    if (embeddedTemplate) cpSync(embeddedTemplate, dataDir, { recursive: true });
    const config = loadAppConfig({
      ...process.env,
      DATABASE_URL: databaseUrl ?? '',
      NODE_ENV: 'test',
      JWT_SECRET: 'test-secret-not-for-production',
      DATA_DIR: dataDir,
      ADMIN_EMAIL: '',
      ADMIN_PASSWORD: '',
      // Suites send hundreds of requests a minute from one address; the limiter has its own test.
      RATE_LIMIT_PER_MINUTE: '100000',
      ...env,
    });
    const app = await createApp(config, { logger: ['error'] });
    await app.listen(0, '127.0.0.1');
    return new TestApp(app, (await app.getUrl()).replace('[::1]', '127.0.0.1'), config);
  }

  get dataSource(): DataSource {
    return this.app.get(DataSource);
  }

  private stopped = false;

  /** Stops the application but keeps its data folder (the embedded database), e.g. for `npm run demo`. */
  async stop(): Promise<void> {
    if (!this.stopped) await this.app.close();
    this.stopped = true;
  }

  async close(): Promise<void> {
    await this.stop();
    rmSync(this.config.dataDir, { recursive: true, force: true });
  }

  async gql<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<GraphQLResponse<T>> {
    const response = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResponse<T>;
  }

  /** The data of a request that must succeed; fails the test with the errors otherwise. */
  async ok<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
    const result = await this.gql<T>(query, variables, token);
    if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
    return result.data as T;
  }

  /** Creates a user directly (as the first administrator would be) and signs them in. */
  async user(options: { admin?: boolean; organization?: Organization; name?: string } = {}): Promise<TestUser> {
    const email = `${unique(options.admin ? 'admin' : 'user')}@example.test`;
    const password = 'correct-horse-battery';
    const ctx = new RequestContext(this.dataSource, null);
    const user = await ctx.inTransaction(() =>
      this.app.get(UserService).insertUser(ctx, {
        email, password, fullName: options.name ?? email, organization: options.organization ?? Organization.INTEGRATOR,
      }, options.admin ?? false),
    );
    const { login } = await this.ok<{ login: { token: string } }>(
      'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: email, p: password });
    return { id: user.id, email, token: login.token };
  }
}

/** The first error's code, for asserting refusals. */
export const codeOf = (result: GraphQLResponse): string | undefined => result.errors?.[0]?.extensions?.code;
