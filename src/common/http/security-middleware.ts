import type { INestApplication } from '@nestjs/common';
import { rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import type { AppConfig } from '../config/app-config';
import { ErrorCode } from '../errors/error-codes';

/**
 * Security headers, CORS (closed unless origins are configured) and a per-address rate limit on
 * every HTTP endpoint. The limit is per instance; login attempts are throttled per email in the
 * database as well, which holds across instances.
 */
export function applySecurityMiddleware(app: INestApplication, config: AppConfig): void {
  // The Apollo explorer in development loads scripts from its CDN; production serves no HTML.
  app.use(helmet({ contentSecurityPolicy: config.isDevelopment ? false : undefined, crossOriginEmbedderPolicy: false }));
  if (config.corsOrigins.length) app.enableCors({ origin: config.corsOrigins, credentials: false });
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
