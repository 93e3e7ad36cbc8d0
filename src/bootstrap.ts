import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import type { AppConfig } from './common/config/app-config';
import { applySecurityMiddleware } from './common/http/security-middleware';

/** Request bodies above this are refused before parsing. */
export const MAX_BODY_SIZE = '1mb';

/** Builds the application exactly as it runs, for main.ts and for the end-to-end tests. */
export async function createApp(config: AppConfig, options: { logger?: false | ('error' | 'warn' | 'log')[] } = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    logger: options.logger ?? ['error', 'warn', 'log'],
  });
  app.useBodyParser('json', { limit: MAX_BODY_SIZE });
  applySecurityMiddleware(app, config);
  app.enableShutdownHooks();
  return app;
}
