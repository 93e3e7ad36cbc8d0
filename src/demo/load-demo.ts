// Before anything loads graphql.
import '../common/config/production-by-default';
import { loadAppConfig } from '../common/config/app-config';
import { reportStartupFailure } from '../common/config/startup-error';
import { runDemo } from './run-demo';

/** `npm run demo`: loads the demo rollout into the configured database; running it again changes nothing. */
Promise.resolve()
  .then(() => runDemo(loadAppConfig(), (line) => console.log(line)))
  .catch(reportStartupFailure);
