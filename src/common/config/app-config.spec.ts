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
    });
    expect(empty).toMatchObject({
      port: 3000, nodeEnv: 'production', databaseUrl: undefined, defaultCalendarCode: 'STANDARD', jwtExpiresIn: 12 * 3600,
      adminEmail: undefined, adminPassword: undefined, graphqlIntrospection: true, corsOrigins: [], rateLimitPerMinute: 600,
      trustProxy: false, publicUrl: 'http://localhost:3000',
    });
    expect(empty.dataDir).toMatch(/\/data$/);
    expect(empty.templatesDir).toMatch(/\/templates$/);
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

  it('refuses every setting with a ConfigError (printed without a stack)', () => {
    expect(() => load({ JWT_EXPIRES_IN: 'abc' })).toThrow(ConfigError);
    expect(() => load({ RATE_LIMIT_PER_MINUTE: 'many' })).toThrow(ConfigError);
  });
});
