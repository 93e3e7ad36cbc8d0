import { existsSync } from 'node:fs';
import base from './jest.config.mjs';

/**
 * The second pass of `npm test`: end-to-end suites again on the embedded database (PGlite), the
 * database every new user meets. It runs the suites whose outcome depends on the database — its
 * one connection under concurrent clients, locks and races, triggers, jsonb snapshots, streamed
 * exports, the scheduler's reads and writes, the demo — and leaves out those that test the HTTP
 * and access layers above it (security, the role matrix, cross-project access, and suites whose
 * statements the kept ones already run), which the first pass runs on the server. That keeps the
 * whole of `npm test` inside CI's 15 minutes; `TEST_DATABASE=embedded npx jest test/e2e` runs
 * every suite on the embedded database.
 */
const suites = [
  'acceptance-and-gates',
  'auth-and-people',
  'concurrent-clients',
  'demo',
  'exceptions',
  'export-status-report',
  'exports',
  'gate-flow',
  'key-users-and-training',
  'plan',
  'plan-editing',
  'progress',
  'recorded-progress',
  'registers',
  'stages-in-sequence',
  'status-reports',
  'steering',
  'waves-and-baselines',
];

// A renamed suite must not drop out of this pass unnoticed.
const missing = suites.filter((suite) => !existsSync(new URL(`./test/e2e/${suite}.e2e-spec.ts`, import.meta.url)));
if (missing.length) throw new Error(`jest.embedded.config.mjs lists suites that do not exist: ${missing.join(', ')}`);

export default {
  ...base,
  roots: ['<rootDir>/test/e2e'],
  testMatch: suites.map((suite) => `<rootDir>/test/e2e/${suite}.e2e-spec.ts`),
};
