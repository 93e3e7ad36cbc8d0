// Before anything loads graphql.
import './common/config/production-by-default';
import { Logger } from '@nestjs/common';
import { createApp } from './bootstrap';
import { loadAppConfig } from './common/config/app-config';
import { reportStartupFailure } from './common/config/startup-error';
import { keepServingOnUnhandledRejections } from './common/process/unhandled-rejections';

async function main(): Promise<void> {
  const config = loadAppConfig();
  const app = await createApp(config);
  await app.listen(config.port);
  // Once serving, a refusal is an answer, never an exit (see the function, also for why uncaught
  // exceptions still end the process); a failure while starting still stops the start.
  keepServingOnUnhandledRejections((line) => new Logger('Process').error(line));
  const database = config.databaseUrl ? 'PostgreSQL from DATABASE_URL' : `embedded PostgreSQL in ${config.dataDir}`;
  new Logger('Rollout Planner').log(`GraphQL at ${config.publicUrl}/graphql (${database})`);
}

main().catch(reportStartupFailure);
