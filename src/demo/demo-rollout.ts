import { IssuePriority, IssueType, RiskResponse } from '../modules/registers/registers.enums';
import { Rag } from '../modules/schedule/rag.enum';
import { RagDimension } from '../modules/reporting/reporting.enums';

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
/**
 * The load day is the current stage's last working day but this many: its gate is submitted while
 * its testing is finishing (under way on the status date, the working day before) and the
 * demonstration to key users is still to come.
 */
export const DEMO_WORKING_DAYS_LEFT = 2;

/**
 * The first wave's preparation is re-estimated twice; every later wave is chained to it, so all of
 * them and the project finish slip with it. First by `beforeException` working days after the
 * baseline "Approved plan" (the finish by 15: the chain had 5 days of float) — beyond the time
 * tolerance (10): the report of the week before the two weekly ones is RED and raises an exception, whose plan the committee approves (a new baseline). Then by
 * `extraDays` more since that baseline — more than half the tolerance, within it: AMBER.
 */
export const DEMO_SLIP = { milestone: 'Order intake — Head office, Moscow', beforeException: 20, extraDays: 7 };

/** The budget the sponsor sets (setTolerances), in the project's currency. */
export const DEMO_BUDGET = '18500000.00';

/**
 * The published status reports, oldest first, each a week of five working days ending
 * `weeksBeforeStatusDate` weeks before the status date (0: the week ending on it). The first found
 * the schedule RED; the other two are the weekly reports since the exception plan was approved.
 */
export const DEMO_REPORTS = [
  {
    weeksBeforeStatusDate: 2, costToDate: '6900000.00', forecastAtCompletion: '18900000.00',
    summary: 'Preparation of the first order-intake wave was re-estimated after the data-migration trial: 12 working days more. Every wave moves with it.',
    decisionsRequested: ['Approve an exception plan moving every wave by 12 working days, or tell us what to cut'],
  },
  {
    weeksBeforeStatusDate: 1, costToDate: '7600000.00', forecastAtCompletion: '19100000.00',
    summary: 'The exception plan is the new baseline. Configuration testing started; the Ryazan plant joined the test system.',
    decisionsRequested: [],
  },
  {
    weeksBeforeStatusDate: 0, costToDate: '8300000.00', forecastAtCompletion: '19400000.00',
    summary: 'Configuration testing is at 85 %; its gate is submitted. The first wave’s preparation grew again, by 7 working days, within tolerance. Delivery notes print without batch and shelf life (issue raised, HIGH).',
    decisionsRequested: [
      'Name key users for the self-service portal and the later functions before their waves’ training',
      'Waive "Temporary integrations tested in both directions" for the Configuration gate, or let the rejection stand',
    ],
  },
] as const;

/** The project manager's rating on the latest weekly report (computed RED: a MUST criterion stands rejected), with her reason. */
export const DEMO_OVERRIDE = {
  dimension: RagDimension.QUALITY, rating: Rag.AMBER,
  reason: 'The outbound direction passed; the inbound one can only be tested at the pilot (the plant’s warehouse system has no test copy), with the supplier’s manual fallback meanwhile. The committee is asked to waive the criterion',
};

/** The decision the steering committee left open, owned by the sponsor. */
export const DEMO_OPEN_DECISION = 'Name key users for the self-service portal and the later functions before their waves’ training';

/** The exception the first report raised: the committee first asks for a plan, then approves it. */
export const DEMO_EXCEPTION = {
  request: 'Re-plan the first wave with the consultant’s estimate of the data migration and bring it to the next committee',
  approval: 'Approved: every wave moves by 12 working days; no function is cut',
};


/**
 * The risk register the project manager keeps (REPORTING.md "Steering"): each risk owned, its
 * proximity a wave's planned go-live (`milestone`) or the current stage's gate (`gate`); open
 * risks top out at 12 (AMBER, none ≥ 15); the last one has passed and is closed.
 */
export const DEMO_RISKS = [
  {
    title: 'Inbound integration with the Ryazan plant’s warehouse system untested until the pilot',
    description: 'The plant’s legacy warehouse system has no test copy; if the inbound direction fails at go-live, orders are keyed twice at the plant.',
    probability: 3, impact: 4, owner: 'consultant@demo.rollout', response: RiskResponse.REDUCE, proximity: { milestone: 'Order intake — Plant 2, Ryazan' },
  },
  {
    title: 'Key users for the later functions not named before their waves’ training',
    description: 'Self-service portal and the other later functions have no key users yet; without them nobody can accept those waves or train their colleagues.',
    probability: 3, impact: 3, owner: 'sponsor@demo.rollout', response: RiskResponse.REDUCE, proximity: { milestone: 'Document issuing — Head office, Moscow' },
  },
  {
    title: 'The first order-intake wave goes live in a peak of distributors’ orders',
    description: 'Order volumes double before public holidays and at the start of the barbecue season; a first week with teething troubles then costs deliveries of fresh products.',
    probability: 2, impact: 3, owner: 'pm@demo.rollout', response: RiskResponse.ACCEPT, proximity: { milestone: 'Order intake — Head office, Moscow' },
  },
  {
    title: 'The e-document operator (ЭДО) changes its exchange format during the rollout',
    description: 'The operator announced a new format version; the document-issuing waves would then need a second round of tests.',
    probability: 2, impact: 2, owner: 'supplier@demo.rollout', response: RiskResponse.TRANSFER, proximity: { milestone: 'Document issuing — Warehouse 5, Tula' },
  },
  {
    title: 'Test system not delivered in time for configuration',
    description: 'Delivered by the client’s IT before configuration started; closed.',
    probability: 3, impact: 3, owner: 'supplier@demo.rollout', response: RiskResponse.AVOID, proximity: { gate: 'ANALYSIS' }, closed: true,
  },
] as const;

/**
 * The issue register: raised by the people who found them (key users, the consultant), owned and
 * worked by whom the project manager gives them; one resolved.
 */
export const DEMO_ISSUES = [
  {
    raisedBy: 'orders.ku@demo.rollout', type: IssueType.REQUEST_FOR_CHANGE, priority: IssuePriority.MEDIUM, owner: 'pm@demo.rollout',
    title: 'Check each distributor’s order against the minimum load of its delivery route',
    description: 'Distributors phone in small orders that the route cannot carry; the old system warned the operator, the new one does not (not in the ТЗ).',
  },
  {
    raisedBy: 'docs.ku@demo.rollout', type: IssueType.OFF_SPECIFICATION, priority: IssuePriority.HIGH, owner: 'consultant@demo.rollout',
    title: 'Delivery notes (УПД) print without batch number and shelf life',
    description: 'The specification requires batch and shelf life on every line for dairy products; the test system leaves both empty.',
  },
  {
    raisedBy: 'plant2.ku@demo.rollout', type: IssueType.PROBLEM, priority: IssuePriority.MEDIUM, owner: 'consultant@demo.rollout',
    title: 'Ryazan plant users have no accounts on the test system',
    description: 'The plant could not join the demonstration of order intake.',
    resolution: 'Accounts created for the plant’s twelve users; they signed in at the follow-up session.',
  },
] as const;
