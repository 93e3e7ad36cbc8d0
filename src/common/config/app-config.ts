import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadCalendarDefinitions } from '../../modules/calendar/calendar-registry';
import { StartupError } from './startup-error';

/** Everything the service reads from its environment, resolved once at start-up. */
export interface AppConfig {
  port: number;
  nodeEnv: string;
  isDevelopment: boolean;
  /** Unset: the embedded PostgreSQL (PGlite) in `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  templatesDir: string;
  /** The Excel templates exports are styled from (EXPORT_TEMPLATES_DIR, default TEMPLATES_DIR/excel). */
  exportTemplatesDir: string;
  /** For projects whose template names no calendar. */
  defaultCalendarCode: string;
  jwtSecret: string;
  /** Token lifetime in seconds (JWT_EXPIRES_IN: seconds, or a number with a unit such as 30m, 12h, 7d). */
  jwtExpiresIn: number;
  adminEmail?: string;
  adminPassword?: string;
  /** Schema introspection outside development (on unless GRAPHQL_INTROSPECTION=false). */
  graphqlIntrospection: boolean;
  /** Origins allowed to call the API from a browser; none (closed) by default. */
  corsOrigins: string[];
  /** Requests per minute from one client address. */
  rateLimitPerMinute: number;
  /**
   * Which proxies' X-Forwarded-For to believe for the client address (express's `trust proxy`):
   * off, the number of proxies in front, or their addresses. Off, every client behind a proxy
   * shares the proxy's address and so its rate limit.
   */
  trustProxy: false | number | string[];
  /** Base URL used in links the API hands out (exports, calendar feeds). */
  publicUrl: string;
  /** Connections to the PostgreSQL server of DATABASE_URL (the embedded database sizes its own). */
  databasePoolSize: number;
  /** How long opening a connection to the server may take. */
  databaseConnectTimeoutMs: number;
  /** How long one statement may run before the server cancels it. */
  databaseStatementTimeoutMs: number;
  /** How long a change waits for a lock another change holds before it is refused as busy. */
  databaseLockTimeoutMs: number;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

/** A setting the service cannot start with; main prints the message alone, without a stack. */
export class ConfigError extends StartupError {
  override readonly name = 'ConfigError';
}

/** A variable's value; set but empty (`PORT=`) counts as unset, as for every variable. */
function setting(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

/**
 * A restart must keep sessions valid, so a generated secret is stored in the data folder
 * rather than regenerated on every start.
 */
function loadOrCreateJwtSecret(dataDir: string): string {
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

function positiveInteger(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1) throw new ConfigError(`${name} must be a positive whole number, got "${value}"`);
  return n;
}

/**
 * DATABASE_URL must name a PostgreSQL server. The value itself is never repeated: it may hold a
 * password.
 */
export function databaseUrl(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError('DATABASE_URL is not a URL; expected postgresql://user:password@host:5432/database');
  }
  if (url.protocol !== 'postgresql:' && url.protocol !== 'postgres:') {
    throw new ConfigError(`DATABASE_URL must be a postgresql:// or postgres:// URL (a PostgreSQL server); it starts with "${url.protocol}"`);
  }
  if (!url.hostname && !url.searchParams.get('host')) {
    throw new ConfigError('DATABASE_URL names no server; expected postgresql://user:password@host:5432/database');
  }
  return value;
}

function port(value: string | undefined): number {
  if (value === undefined) return 3000;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535) throw new ConfigError(`PORT must be a TCP port number (0–65535), got "${value}"`);
  return n;
}

function flag(value: string | undefined, name: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (/^(true|1)$/i.test(value)) return true;
  if (/^(false|0)$/i.test(value)) return false;
  throw new ConfigError(`${name} must be true or false, got "${value}"`);
}

/** The units of `ms` (which jsonwebtoken uses) from seconds up, in seconds. */
const SECONDS_PER = new Map<string, number>([
  ...['s', 'sec', 'secs', 'second', 'seconds'].map((u) => [u, 1] as const),
  ...['m', 'min', 'mins', 'minute', 'minutes'].map((u) => [u, 60] as const),
  ...['h', 'hr', 'hrs', 'hour', 'hours'].map((u) => [u, 3600] as const),
  ...['d', 'day', 'days'].map((u) => [u, 86400] as const),
  ...['w', 'week', 'weeks'].map((u) => [u, 604800] as const),
  ...['y', 'yr', 'yrs', 'year', 'years'].map((u) => [u, 31557600] as const),
]);

/**
 * JWT_EXPIRES_IN in seconds: a whole number of seconds ("3600") or a number with a unit as
 * jsonwebtoken's `ms` reads it ("30m", "12h", "7d", "1.5h"). A bare number means seconds, as a
 * numeric `expiresIn` does for jsonwebtoken (a bare string would be read as milliseconds).
 */
export function parseTokenLifetime(value: string): number {
  const match = /^(\d+(?:\.\d+)?|\.\d+)\s*([a-z]*)$/i.exec(value);
  const factor = match ? (match[2] ? SECONDS_PER.get(match[2].toLowerCase()) : 1) : undefined;
  const seconds = factor === undefined ? NaN : Math.floor(Number(match![1]) * factor);
  if (!(seconds >= 1)) {
    throw new ConfigError(`JWT_EXPIRES_IN must be a token lifetime: a number of seconds or a number with a unit, e.g. "3600", "30m", "12h", "7d"; got "${value}"`);
  }
  return seconds;
}

/** The calendar for projects whose template names none must be one of templates/calendars. */
function defaultCalendar(value: string | undefined, templatesDir: string): string {
  const code = value ?? 'STANDARD';
  const known = loadCalendarDefinitions(join(templatesDir, 'calendars')).map((c) => c.code);
  if (!known.includes(code)) {
    throw new ConfigError(`DEFAULT_CALENDAR "${code}" is not a known work calendar; known: ${known.join(', ')} (files in ${join(templatesDir, 'calendars')})`);
  }
  return code;
}

function trustProxy(value: string | undefined): false | number | string[] {
  const text = (value ?? '').trim();
  if (text === '' || text === 'false' || text === '0') return false;
  // Trusting every hop lets any client name its own address and so escape the rate limit.
  if (text === 'true') throw new ConfigError('TRUST_PROXY=true would believe any client\'s X-Forwarded-For; give the number of proxies in front (e.g. 1) or their addresses');
  if (/^\d+$/.test(text)) return Number(text);
  return text.split(',').map((entry) => entry.trim()).filter(Boolean);
}

/** Reads and checks the environment; refuses (ConfigError) a value the service could not run with. */
export function loadAppConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const get = (name: string) => setting(env, name);
  const nodeEnv = get('NODE_ENV') ?? 'production';
  const dataDir = resolve(get('DATA_DIR') ?? 'data');
  const templatesDir = resolve(get('TEMPLATES_DIR') ?? 'templates');
  const listenPort = port(get('PORT'));
  const checked = {
    port: listenPort,
    nodeEnv,
    isDevelopment: nodeEnv === 'development',
    databaseUrl: databaseUrl(get('DATABASE_URL')),
    dataDir,
    templatesDir,
    exportTemplatesDir: resolve(get('EXPORT_TEMPLATES_DIR') ?? join(templatesDir, 'excel')),
    defaultCalendarCode: defaultCalendar(get('DEFAULT_CALENDAR'), templatesDir),
    jwtExpiresIn: parseTokenLifetime(get('JWT_EXPIRES_IN') ?? '12h'),
    adminEmail: get('ADMIN_EMAIL'),
    // Not trimmed: spaces may be part of a password.
    adminPassword: env.ADMIN_PASSWORD || undefined,
    graphqlIntrospection: flag(get('GRAPHQL_INTROSPECTION'), 'GRAPHQL_INTROSPECTION', true),
    corsOrigins: (get('CORS_ORIGINS') ?? '').split(',').map((o) => o.trim()).filter(Boolean),
    rateLimitPerMinute: positiveInteger(get('RATE_LIMIT_PER_MINUTE'), 'RATE_LIMIT_PER_MINUTE', 600),
    trustProxy: trustProxy(get('TRUST_PROXY')),
    publicUrl: (get('PUBLIC_URL') ?? `http://localhost:${listenPort}`).replace(/\/$/, ''),
    databasePoolSize: positiveInteger(get('DATABASE_POOL_SIZE'), 'DATABASE_POOL_SIZE', 10),
    databaseConnectTimeoutMs: positiveInteger(get('DATABASE_CONNECT_TIMEOUT_MS'), 'DATABASE_CONNECT_TIMEOUT_MS', 5000),
    databaseStatementTimeoutMs: positiveInteger(get('DATABASE_STATEMENT_TIMEOUT_MS'), 'DATABASE_STATEMENT_TIMEOUT_MS', 15000),
    databaseLockTimeoutMs: positiveInteger(get('DATABASE_LOCK_TIMEOUT_MS'), 'DATABASE_LOCK_TIMEOUT_MS', 5000),
  };
  // Last, so that a refused setting leaves no generated secret behind.
  return { ...checked, jwtSecret: get('JWT_SECRET') ?? loadOrCreateJwtSecret(dataDir) };
}
