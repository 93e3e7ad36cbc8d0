import type { INestApplication } from '@nestjs/common';
import { rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import type { AppConfig } from '../config/app-config';
import type { NextFunction, Request, Response } from 'express';
import { ErrorCode } from '../errors/error-codes';
import { QUERY_LIMITS } from '../graphql/query-limits';

/** A huge document costs its parse before any validation rule can look at it. */
function refuseOversizedQueries(req: Request, res: Response, next: NextFunction): void {
  const query = (req.body as { query?: unknown } | undefined)?.query;
  if (typeof query === 'string' && query.length > QUERY_LIMITS.maxQueryLength) {
    res.status(400).json({
      errors: [{ message: `A query may be at most ${QUERY_LIMITS.maxQueryLength} characters long; send large values as variables`, extensions: { code: ErrorCode.QUERY_TOO_COMPLEX } }],
    });
    return;
  }
  next();
}

/**
 * Security headers, CORS (closed unless origins are configured) and a per-address rate limit on
 * every HTTP endpoint. The limit is per instance; login attempts are throttled per email in the
 * database as well, which holds across instances.
 */
export function applySecurityMiddleware(app: INestApplication, config: AppConfig): void {
  // The Apollo explorer in development loads scripts from its CDN; production serves no HTML.
  app.use(helmet({ contentSecurityPolicy: config.isDevelopment ? false : undefined, crossOriginEmbedderPolicy: false }));
  if (config.corsOrigins.length) app.enableCors({ origin: config.corsOrigins, credentials: false });
  app.use('/graphql', refuseOversizedQueries);
  app.use(
    rateLimit({
      windowMs: 60_000,
      limit: config.rateLimitPerMinute,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      handler: (_req, res) => {
        res.status(429).json({
          errors: [{ message: 'Too many requests from this address; slow down and retry in a minute', extensions: { code: ErrorCode.TOO_MANY_REQUESTS } }],
        });
      },
    }),
  );
}
