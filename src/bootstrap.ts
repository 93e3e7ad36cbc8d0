import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import type { AppConfig } from './common/config/app-config';
import { applyBodyParsing, applySecurityMiddleware } from './common/http/security-middleware';

/** Builds the application exactly as it runs, for main.ts and for the end-to-end tests. */
export async function createApp(config: AppConfig, options: { logger?: false | ('error' | 'warn' | 'log')[] } = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    logger: options.logger ?? ['error', 'warn', 'log'],
  });
  // In this order: headers, CORS and the rate limit come before any body is parsed.
  applySecurityMiddleware(app, config);
  applyBodyParsing(app);
  app.enableShutdownHooks();
  return app;
}
