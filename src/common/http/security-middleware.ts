import type { NestExpressApplication } from '@nestjs/platform-express';
import { MemoryStore, rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import type { AppConfig } from '../config/app-config';
import type { NextFunction, Request, Response } from 'express';
import { ErrorCode } from '../errors/error-codes';
import { QUERY_LIMITS } from '../graphql/query-limits';
import { reportPlainIpv4Addresses } from './client-address';

/** The load balancer's health check (HealthController), exempt from the rate limit. */
export const HEALTH_PATH = '/health';

/** Request bodies above this (in MB) are refused before parsing. */
export const MAX_BODY_MB = 1;

/** A refusal in the shape GraphQL clients read, for requests that never reach Apollo. */
const refuse = (res: Response, status: number, code: ErrorCode, message: string): void => {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
};

/** A huge document costs its parse before any validation rule can look at it. */
function refuseOversizedQueries(req: Request, res: Response, next: NextFunction): void {
  const query = (req.body as { query?: unknown } | undefined)?.query;
  if (typeof query === 'string' && query.length > QUERY_LIMITS.maxQueryLength) {
    refuse(res, 400, ErrorCode.QUERY_TOO_COMPLEX, `A query may be at most ${QUERY_LIMITS.maxQueryLength} characters long; send large values as variables`);
    return;
  }
  next();
}

/**
 * A body the JSON parser refused, answered like every other refusal. Without this, Nest answers
 * in a shape of its own with the parser's message, which can quote part of the body. An
 * oversized body is BAD_USER_INPUT (with 413): QUERY_TOO_COMPLEX is the contract's code for the
 * operation's depth, aliases and cost, while a big body is big values, which the client fixes by
 * sending less, as with an over-long string.
 */
function answerUnreadableBodies(error: unknown, _req: Request, res: Response, next: NextFunction): void {
  const { type, status } = (error ?? {}) as { type?: unknown; status?: unknown };
  if (typeof type !== 'string' || typeof status !== 'number' || status < 400 || status >= 500 || res.headersSent) {
    next(error);
    return;
  }
  const message = type === 'entity.too.large' ? `A request body may be at most ${MAX_BODY_MB} MB`
    : type === 'entity.parse.failed' ? 'The request body is not valid JSON'
      : 'The request body could not be read';
  refuse(res, status, ErrorCode.BAD_USER_INPUT, message);
}

/**
 * Security headers, CORS (closed unless origins are configured) and a per-address rate limit on
 * every HTTP endpoint, ahead of body parsing so that a flood costs no parsing. The limit is per
 * instance; login attempts are throttled per email in the database as well, which holds across
 * instances.
 */
export function applySecurityMiddleware(app: NestExpressApplication, config: AppConfig): void {
  // Behind a load balancer the client's address is in X-Forwarded-For; without this every client
  // would share the proxy's address, and with it one rate limit.
  app.set('trust proxy', config.trustProxy);
  reportPlainIpv4Addresses(app);
  // The Apollo explorer in development loads scripts from its CDN; production serves no HTML.
  app.use(helmet({ contentSecurityPolicy: config.isDevelopment ? false : undefined, crossOriginEmbedderPolicy: false }));
  if (config.corsOrigins.length) app.enableCors({ origin: config.corsOrigins, credentials: false });
  // An ETag is a hash of the whole answer (a 5,000-task plan is a megabyte), and it turns the
  // answer into a Buffer written apart from its headers; GraphQL answers are POSTs, never
  // conditional. The calendar feed, a GET, sets its own (CalendarFeedController).
  app.set('etag', false);
  // The store's clean-up timer runs until the store is shut down: with the server, so that a closed
  // app leaves no timer behind.
  const store = new MemoryStore();
  app.getHttpServer().once('close', () => store.shutdown());
  app.use(
    rateLimit({
      store,
      windowMs: 60_000,
      limit: config.rateLimitPerMinute,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      // A load balancer checks every instance often from one address; a 429 there would take a
      // healthy instance out of rotation. A flood of checks costs little: the controller asks the
      // database at most once a second.
      skip: (req) => req.path.replace(/\/+$/, '') === HEALTH_PATH,
      handler: (_req, res) => {
        refuse(res, 429, ErrorCode.TOO_MANY_REQUESTS, 'Too many requests from this address; slow down and retry in a minute');
      },
    }),
  );
}

/** JSON bodies up to MAX_BODY_MB; refusals of unreadable bodies and oversized queries as GraphQL errors. */
export function applyBodyParsing(app: NestExpressApplication): void {
  app.useBodyParser('json', { limit: `${MAX_BODY_MB}mb` });
  app.use(answerUnreadableBodies);
  app.use('/graphql', refuseOversizedQueries);
}
