import { ConfigError, loadAppConfig } from './app-config';

const trustProxy = (value?: string) => loadAppConfig({ JWT_SECRET: 'test', TRUST_PROXY: value }).trustProxy;

describe('TRUST_PROXY', () => {
  it('is off unless set', () => {
    for (const off of [undefined, '', 'false', '0']) expect(trustProxy(off)).toBe(false);
  });

  it('takes the number of proxies in front, or their addresses', () => {
    expect(trustProxy('1')).toBe(1);
    expect(trustProxy('10.0.0.0/8, loopback')).toEqual(['10.0.0.0/8', 'loopback']);
  });

  it('refuses true, which would let any client choose its own address', () => {
    expect(() => trustProxy('true')).toThrow(/number of proxies/);
  });
});

describe('start-up settings', () => {
  const load = (env: Record<string, string | undefined>) => loadAppConfig({ JWT_SECRET: 'test', ...env });

  it('takes JWT_EXPIRES_IN as seconds or a number with a unit, and refuses anything else at start', () => {
    expect(load({}).jwtExpiresIn).toBe(12 * 3600);
    expect(load({ JWT_EXPIRES_IN: '3600' }).jwtExpiresIn).toBe(3600);
    expect(load({ JWT_EXPIRES_IN: '30m' }).jwtExpiresIn).toBe(1800);
    expect(load({ JWT_EXPIRES_IN: '7d' }).jwtExpiresIn).toBe(7 * 86400);
    expect(load({ JWT_EXPIRES_IN: '1.5 hours' }).jwtExpiresIn).toBe(5400);
    for (const bad of ['abc', '12x', '-5', '0', '0s', 'h', '12h30m', 'constructor']) {
      expect(() => load({ JWT_EXPIRES_IN: bad })).toThrow(`JWT_EXPIRES_IN must be a token lifetime: a number of seconds or a number with a unit, e.g. "3600", "30m", "12h", "7d"; got "${bad}"`);
    }
  });

  it('treats a variable set but empty as unset, for every variable', () => {
    const empty = load({
      PORT: '', DATA_DIR: '', TEMPLATES_DIR: '', NODE_ENV: '', DATABASE_URL: '', DEFAULT_CALENDAR: '', JWT_EXPIRES_IN: ' ',
      ADMIN_EMAIL: '', ADMIN_PASSWORD: '', GRAPHQL_INTROSPECTION: '', CORS_ORIGINS: '', RATE_LIMIT_PER_MINUTE: '', TRUST_PROXY: '', PUBLIC_URL: '',
      DATABASE_POOL_SIZE: '', DATABASE_CONNECT_TIMEOUT_MS: '', DATABASE_STATEMENT_TIMEOUT_MS: '', DATABASE_LOCK_TIMEOUT_MS: '', EXPORT_TEMPLATES_DIR: '',
    });
    expect(empty).toMatchObject({
      port: 3000, nodeEnv: 'production', databaseUrl: undefined, defaultCalendarCode: 'STANDARD', jwtExpiresIn: 12 * 3600,
      adminEmail: undefined, adminPassword: undefined, graphqlIntrospection: true, corsOrigins: [], rateLimitPerMinute: 600,
      trustProxy: false, publicUrl: 'http://localhost:3000',
      databasePoolSize: 10, databaseConnectTimeoutMs: 5000, databaseStatementTimeoutMs: 15000, databaseLockTimeoutMs: 5000,
    });
    expect(empty.dataDir).toMatch(/\/data$/);
    expect(empty.templatesDir).toMatch(/\/templates$/);
    expect(empty.exportTemplatesDir).toMatch(/\/templates\/excel$/);
  });

  it('refuses a PORT that is not a port number', () => {
    expect(load({ PORT: '8080' }).port).toBe(8080);
    for (const bad of ['abc', '70000', '-1', '1e3', '80.5']) expect(() => load({ PORT: bad })).toThrow(`PORT must be a TCP port number (0–65535), got "${bad}"`);
  });

  it('refuses a DEFAULT_CALENDAR that is not one of the calendars, naming those there are', () => {
    expect(load({ DEFAULT_CALENDAR: 'RU' }).defaultCalendarCode).toBe('RU');
    expect(() => load({ DEFAULT_CALENDAR: 'XX' })).toThrow(/DEFAULT_CALENDAR "XX" is not a known work calendar; known: RU, STANDARD/);
  });

  it('refuses GRAPHQL_INTROSPECTION other than true or false', () => {
    expect(load({ GRAPHQL_INTROSPECTION: 'false' }).graphqlIntrospection).toBe(false);
    expect(load({ GRAPHQL_INTROSPECTION: '0' }).graphqlIntrospection).toBe(false);
    expect(load({ GRAPHQL_INTROSPECTION: 'TRUE' }).graphqlIntrospection).toBe(true);
    expect(() => load({ GRAPHQL_INTROSPECTION: 'off' })).toThrow('GRAPHQL_INTROSPECTION must be true or false, got "off"');
  });

  it('takes DATABASE_URL only as a postgresql:// or postgres:// URL, without repeating it (it may hold a password)', () => {
    expect(load({ DATABASE_URL: 'postgresql://u:p@db:5432/rollout' }).databaseUrl).toBe('postgresql://u:p@db:5432/rollout');
    expect(load({ DATABASE_URL: 'postgres://db/rollout' }).databaseUrl).toBe('postgres://db/rollout');
    expect(load({ DATABASE_URL: 'postgresql:///rollout?host=/var/run/postgresql' }).databaseUrl).toBe('postgresql:///rollout?host=/var/run/postgresql');
    expect(() => load({ DATABASE_URL: 'mysql://u:secret@db/rollout' }))
      .toThrow('DATABASE_URL must be a postgresql:// or postgres:// URL (a PostgreSQL server); it starts with "mysql:"');
    expect(() => load({ DATABASE_URL: 'not a url with secret' }))
      .toThrow('DATABASE_URL is not a URL; expected postgresql://user:password@host:5432/database');
    expect(() => load({ DATABASE_URL: 'postgresql:///rollout' }))
      .toThrow('DATABASE_URL names no server; expected postgresql://user:password@host:5432/database');
    for (const bad of ['mysql://u:secret@db/rollout', 'not a url with secret']) {
      expect(() => load({ DATABASE_URL: bad })).toThrow(ConfigError);
      expect(() => load({ DATABASE_URL: bad })).not.toThrow(/secret/);
    }
  });

  it('takes the pool size and the database timeouts as positive whole numbers, with defaults', () => {
    expect(load({})).toMatchObject({
      databasePoolSize: 10, databaseConnectTimeoutMs: 5000, databaseStatementTimeoutMs: 15000, databaseLockTimeoutMs: 5000,
    });
    expect(load({
      DATABASE_POOL_SIZE: '20', DATABASE_CONNECT_TIMEOUT_MS: '2000', DATABASE_STATEMENT_TIMEOUT_MS: '60000', DATABASE_LOCK_TIMEOUT_MS: '1500',
    })).toMatchObject({ databasePoolSize: 20, databaseConnectTimeoutMs: 2000, databaseStatementTimeoutMs: 60000, databaseLockTimeoutMs: 1500 });
    for (const name of ['DATABASE_POOL_SIZE', 'DATABASE_CONNECT_TIMEOUT_MS', 'DATABASE_STATEMENT_TIMEOUT_MS', 'DATABASE_LOCK_TIMEOUT_MS']) {
      for (const bad of ['0', '-1', '2.5', 'ten']) expect(() => load({ [name]: bad })).toThrow(`${name} must be a positive whole number, got "${bad}"`);
    }
  });

  it('refuses every setting with a ConfigError (printed without a stack)', () => {
    expect(() => load({ JWT_EXPIRES_IN: 'abc' })).toThrow(ConfigError);
    expect(() => load({ RATE_LIMIT_PER_MINUTE: 'many' })).toThrow(ConfigError);
  });
});
