import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import type { AppConfig } from './common/config/app-config';
import { assertDataFolderFree } from './common/database/data-folder-lock';
import { assertDatabaseReachable } from './common/database/database-reachable';
import { embeddedDataFolder } from './common/database/embedded-postgres';
import { applyBodyParsing, applySecurityMiddleware } from './common/http/security-middleware';

/** Builds the application exactly as it runs, for main.ts and for the end-to-end tests. */
export async function createApp(config: AppConfig, options: { logger?: false | ('error' | 'warn' | 'log')[] } = {}): Promise<INestApplication> {
  // Refuse a data folder another process holds before anything starts (the embedded database
  // takes the lock itself when it opens the folder).
  if (!config.databaseUrl) assertDataFolderFree(embeddedDataFolder(config.dataDir));
  else await assertDatabaseReachable(config.databaseUrl, config.databaseConnectTimeoutMs);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    // A failure while starting rejects (callers print it and exit) instead of exiting the process.
    abortOnError: false,
    logger: options.logger ?? ['error', 'warn', 'log'],
  });
  // In this order: headers, CORS and the rate limit come before any body is parsed.
  applySecurityMiddleware(app, config);
  applyBodyParsing(app);
  app.enableShutdownHooks();
  // Idle keep-alive sockets outlive the clients' own idle timeouts (undici 4 s, proxies ~60 s):
  // a server closing first races a request sent on the socket and the client sees ECONNRESET.
  const server = app.getHttpServer();
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  return app;
}
