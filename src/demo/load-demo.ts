import { Logger } from '@nestjs/common';
import { createApp } from '../bootstrap';
import { loadAppConfig } from '../common/config/app-config';
import { loadDemo } from './demo-loader';
import { DEMO_PASSWORD, DEMO_PEOPLE, DEMO_PROJECT } from './demo-rollout';

/** `npm run demo`: loads the demo rollout into the configured database; running it again changes nothing. */
async function main(): Promise<void> {
  const logger = new Logger('Demo');
  const app = await createApp(loadAppConfig(), { logger: ['error', 'warn'] });
  await app.init();
  const loaded = await loadDemo(app);
  logger.log(loaded ? `Loaded ${DEMO_PROJECT.code} (project id ${DEMO_PROJECT.id})` : `${DEMO_PROJECT.code} was already loaded`);
  logger.log(`Sign in as ${DEMO_PEOPLE[0].email} (project manager) or any demo person with the password "${DEMO_PASSWORD}"`);
  await app.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
