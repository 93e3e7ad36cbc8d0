import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Everything the service reads from its environment, resolved once at start-up. */
export interface AppConfig {
  port: number;
  nodeEnv: string;
  isDevelopment: boolean;
  /** Unset: the embedded PostgreSQL (PGlite) in `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  templatesDir: string;
  /** For projects whose template names no calendar. */
  defaultCalendarCode: string;
  jwtSecret: string;
  jwtExpiresIn: string;
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
}

export const APP_CONFIG = Symbol('APP_CONFIG');

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
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive whole number, got "${value}"`);
  return n;
}

function trustProxy(value: string | undefined): false | number | string[] {
  const text = (value ?? '').trim();
  if (text === '' || text === 'false' || text === '0') return false;
  // Trusting every hop lets any client name its own address and so escape the rate limit.
  if (text === 'true') throw new Error('TRUST_PROXY=true would believe any client\'s X-Forwarded-For; give the number of proxies in front (e.g. 1) or their addresses');
  if (/^\d+$/.test(text)) return Number(text);
  return text.split(',').map((entry) => entry.trim()).filter(Boolean);
}

export function loadAppConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const nodeEnv = env.NODE_ENV ?? 'production';
  const dataDir = resolve(env.DATA_DIR ?? 'data');
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a TCP port number, got "${env.PORT}"`);
  }
  return {
    port,
    nodeEnv,
    isDevelopment: nodeEnv === 'development',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    templatesDir: resolve(env.TEMPLATES_DIR ?? 'templates'),
    defaultCalendarCode: env.DEFAULT_CALENDAR ?? 'STANDARD',
    jwtSecret: env.JWT_SECRET || loadOrCreateJwtSecret(dataDir),
    jwtExpiresIn: env.JWT_EXPIRES_IN ?? '12h',
    adminEmail: env.ADMIN_EMAIL || undefined,
    adminPassword: env.ADMIN_PASSWORD || undefined,
    graphqlIntrospection: env.GRAPHQL_INTROSPECTION !== 'false',
    corsOrigins: (env.CORS_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean),
    rateLimitPerMinute: positiveInteger(env.RATE_LIMIT_PER_MINUTE, 'RATE_LIMIT_PER_MINUTE', 600),
    trustProxy: trustProxy(env.TRUST_PROXY),
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, ''),
  };
}
