import { Organization, ProjectRole } from '../auth/auth.enums';
import { CriterionForBulk, Person, planBulkConfirmers, whySelectorInvalid } from './bulk-confirmers';
import { BulkConfirmersMode, CriterionKind } from './criterion.enums';
import { MAX_CONFIRMERS } from './dto/add-criterion.input';

const { ADD, REPLACE } = BulkConfirmersMode;
const person = (roles: ProjectRole[], keyUserAssignments: Person['keyUserAssignments'] = [], organization = Organization.CLIENT): Person =>
  ({ fullName: 'x', organization, roles, keyUserAssignments });
const people = new Map<string, Person>([
  ['north', person([ProjectRole.KEY_USER], [{ functionAreaId: 'orders', territoryId: 'north' }])],
  ['south', person([ProjectRole.KEY_USER], [{ functionAreaId: 'orders', territoryId: 'south' }])],
  ['sponsor', person([ProjectRole.STEERING_COMMITTEE])],
  ['consultant', person([ProjectRole.CONSULTANT], [], Organization.INTEGRATOR)],
  ['pm', person([ProjectRole.PROJECT_MANAGER])],
]);
const acceptance = (id: string, territoryId: string, more: Partial<CriterionForBulk> = {}): CriterionForBulk =>
  ({ id, confirmerIds: [], standingRejecterIds: [], waived: false, milestone: { functionAreaId: 'orders', territoryId }, ...more });
const exit = (id: string, more: Partial<CriterionForBulk> = {}): CriterionForBulk =>
  ({ id, confirmerIds: [], standingRejecterIds: [], waived: false, milestone: null, ...more });

describe('bulk confirmers', () => {
  describe('the selector', () => {
    it('must say which criteria', () => {
      expect(whySelectorInvalid({})).toMatchObject({ field: 'stageId' });
      expect(whySelectorInvalid({ stageId: 's' })).toBeNull();
      expect(whySelectorInvalid({ functionAreaId: 'a', territoryId: 't' })).toBeNull();
      expect(whySelectorInvalid({ territoryId: 't', kind: CriterionKind.ACCEPTANCE })).toBeNull();
      expect(whySelectorInvalid({ kind: CriterionKind.COMPLETION })).toBeNull();
    });

    it('refuses a stage with a function area, and kinds the selection cannot have', () => {
      expect(whySelectorInvalid({ stageId: 's', functionAreaId: 'a' })).toMatchObject({ field: 'functionAreaId' });
      expect(whySelectorInvalid({ stageId: 's', kind: CriterionKind.ACCEPTANCE })).toMatchObject({ field: 'kind' });
      expect(whySelectorInvalid({ territoryId: 't', kind: CriterionKind.EXIT })).toMatchObject({ field: 'kind' });
    });
  });

  it('adds each key user to the criteria of their territory and reports the others as skipped', () => {
    const plan = planBulkConfirmers([acceptance('n1', 'north'), acceptance('s1', 'south', { confirmerIds: ['sponsor'] })], ['north', 'south'], people, ADD);
    expect(plan.changes).toEqual([{ criterionId: 'n1', confirmerIds: ['north'] }, { criterionId: 's1', confirmerIds: ['sponsor', 'south'] }]);
    expect(plan.skipped).toEqual([
      { criterionId: 'n1', userIds: ['south'], reason: expect.stringContaining('function area and territory') },
      { criterionId: 's1', userIds: ['north'], reason: expect.stringContaining('function area and territory') },
    ]);
    expect(plan.refused).toEqual([]);
  });

  it('refuses people who may confirm none of the criteria, whatever the others', () => {
    const plan = planBulkConfirmers([acceptance('n1', 'north'), exit('e1')], ['north', 'consultant', 'pm', 'stranger'], people, ADD);
    expect(plan.refused).toEqual([
      { userId: 'consultant', reason: 'is not of the client organisation' },
      { userId: 'pm', reason: expect.stringContaining('project manager') },
      { userId: 'stranger', reason: 'is not a member of the project' },
    ]);
  });

  it('ADD leaves a criterion that already has everyone unchanged; REPLACE sets exactly the people given', () => {
    const criterion = exit('e1', { confirmerIds: ['north', 'sponsor'] });
    expect(planBulkConfirmers([criterion], ['sponsor'], people, ADD)).toMatchObject({ changes: [], unchanged: ['e1'] });
    expect(planBulkConfirmers([criterion], ['sponsor'], people, REPLACE)).toMatchObject({ changes: [{ criterionId: 'e1', confirmerIds: ['sponsor'] }], unchanged: [] });
    expect(planBulkConfirmers([criterion], ['sponsor', 'north'], people, REPLACE)).toMatchObject({ changes: [], unchanged: ['e1'] });
  });

  it('REPLACE never drops a confirmer whose rejection stands (unless waived), nor leaves a criterion without confirmers', () => {
    const rejected = exit('e1', { confirmerIds: ['north', 'sponsor'], standingRejecterIds: ['north'] });
    expect(planBulkConfirmers([rejected], ['sponsor'], people, REPLACE)).toMatchObject({
      changes: [], unchanged: [], skipped: [{ criterionId: 'e1', userIds: ['north'], reason: expect.stringContaining('rejection stands') }],
    });
    expect(planBulkConfirmers([{ ...rejected, waived: true }], ['sponsor'], people, REPLACE).changes).toEqual([{ criterionId: 'e1', confirmerIds: ['sponsor'] }]);
    const southOnly = acceptance('s1', 'south', { confirmerIds: ['south'] });
    const plan = planBulkConfirmers([southOnly, acceptance('n1', 'north')], ['north'], people, REPLACE);
    expect(plan.changes).toEqual([{ criterionId: 'n1', confirmerIds: ['north'] }]);
    expect(plan.skipped).toEqual([{ criterionId: 's1', userIds: ['north'], reason: expect.any(String) }]);
  });

  it('ADD never takes a criterion past the confirmer cap: it is left as it was and reported', () => {
    const full = exit('full', { confirmerIds: Array.from({ length: MAX_CONFIRMERS }, (_, i) => `c${i}`) });
    const plan = planBulkConfirmers([full, exit('e2')], ['sponsor'], people, ADD);
    expect(plan.changes).toEqual([{ criterionId: 'e2', confirmerIds: ['sponsor'] }]);
    expect(plan.skipped).toEqual([{ criterionId: 'full', userIds: ['sponsor'], reason: expect.stringContaining(`more than ${MAX_CONFIRMERS} confirmers`) }]);
  });

  it('duplicates count once', () => {
    expect(planBulkConfirmers([exit('e1')], ['sponsor', 'sponsor'], people, ADD).changes).toEqual([{ criterionId: 'e1', confirmerIds: ['sponsor'] }]);
  });
});
