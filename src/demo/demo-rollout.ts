/**
 * The demo rollout: a food producer's client-service platform launched in waves — order intake
 * first, document issuing after — over three territories. Fixed ids, so that the README and a
 * newcomer's first queries can name them. Its dates are placed relative to the day it is loaded
 * (demo-loader.ts): the project is mid-flight, and every demo user has something to do.
 */
export const DEMO_PASSWORD = 'demo-password';

export const DEMO_PROJECT = {
  id: 'd0000000-0000-4000-8000-000000000001',
  code: 'DEMO-FOOD',
  name: 'Client-service platform for Severnaya Niva',
  clientName: 'Severnaya Niva food producer',
  systemName: 'Client-service platform',
  templateKey: 'client-service-waves',
  calendarCode: 'RU',
};

export const DEMO_PEOPLE = [
  { id: 'd0000000-0000-4000-8001-000000000001', email: 'pm@demo.rollout', fullName: 'Anna Sokolova', organization: 'INTEGRATOR', roles: ['PROJECT_MANAGER'] },
  { id: 'd0000000-0000-4000-8001-000000000002', email: 'sponsor@demo.rollout', fullName: 'Pavel Orlov', organization: 'CLIENT', roles: ['STEERING_COMMITTEE'] },
  { id: 'd0000000-0000-4000-8001-000000000003', email: 'supplier@demo.rollout', fullName: 'Dmitry Volkov', organization: 'INTEGRATOR', roles: ['STEERING_COMMITTEE'] },
  { id: 'd0000000-0000-4000-8001-000000000004', email: 'orders.ku@demo.rollout', fullName: 'Elena Kuznetsova', organization: 'CLIENT', roles: ['KEY_USER'] },
  { id: 'd0000000-0000-4000-8001-000000000005', email: 'docs.ku@demo.rollout', fullName: 'Olga Smirnova', organization: 'CLIENT', roles: ['KEY_USER'] },
  { id: 'd0000000-0000-4000-8001-000000000006', email: 'plant2.ku@demo.rollout', fullName: 'Sergey Popov', organization: 'CLIENT', roles: ['KEY_USER'] },
  { id: 'd0000000-0000-4000-8001-000000000007', email: 'consultant@demo.rollout', fullName: 'Igor Lebedev', organization: 'INTEGRATOR', roles: ['CONSULTANT', 'TRAINER'] },
  { id: 'd0000000-0000-4000-8001-000000000008', email: 'auditor@demo.rollout', fullName: 'Marina Fedorova', organization: 'CLIENT', roles: ['OBSERVER'] },
] as const;

export const DEMO_TERRITORIES = [
  { id: 'd0000000-0000-4000-8002-000000000001', name: 'Head office, Moscow', calendarCode: 'RU' },
  { id: 'd0000000-0000-4000-8002-000000000002', name: 'Plant 2, Ryazan', calendarCode: 'RU' },
  { id: 'd0000000-0000-4000-8002-000000000003', name: 'Warehouse 5, Tula', calendarCode: 'RU' },
];

/** The template creates the function areas; these are the two the waves are cut along. */
export const DEMO_WAVE_FUNCTIONS = ['Order intake', 'Document issuing'];

/** The stage under way on the load day; the ones before it are closed through their gates. */
export const DEMO_CURRENT_STAGE = 'CONFIGURATION';
/** The load day is the current stage's last working day but this many: its gate is submitted. */
export const DEMO_WORKING_DAYS_LEFT = 1;

/**
 * After the baseline, the first wave's preparation is re-estimated: every later wave is chained to
 * it, so all of them and the project finish slip by these working days — more than half the time
 * tolerance (10), within it: schedule health AMBER.
 */
export const DEMO_SLIP = { milestone: 'Order intake — Head office, Moscow', extraDays: 7 };
