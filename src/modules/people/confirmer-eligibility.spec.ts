import { assignmentCovers, ConfirmerCandidate, confirmerIneligibility } from './confirmer-eligibility';
import { Organization, ProjectRole } from '../auth/auth.enums';

const { CLIENT, INTEGRATOR } = Organization;
const { PROJECT_MANAGER, STEERING_COMMITTEE, KEY_USER, CONSULTANT, TRAINER, OBSERVER } = ProjectRole;
const person = (organization: Organization, roles: ProjectRole[], keyUserAssignments: ConfirmerCandidate['keyUserAssignments'] = []): ConfirmerCandidate =>
  ({ organization, roles, keyUserAssignments });
const ordersEverywhere = { functionAreaId: 'orders', territoryId: null };
const ordersPlant2 = { functionAreaId: 'orders', territoryId: 'plant-2' };

describe('confirmerIneligibility', () => {
  it('accepts client steering committee members for every criterion, assigned or not', () => {
    for (const milestone of [null, { functionAreaId: 'orders', territoryId: 'plant-2' }, { functionAreaId: null, territoryId: 'plant-5' }]) {
      expect(confirmerIneligibility(person(CLIENT, [STEERING_COMMITTEE]), milestone)).toBeNull();
    }
  });

  it('accepts client key users for exit and completion criteria', () => {
    expect(confirmerIneligibility(person(CLIENT, [KEY_USER]), null)).toBeNull();
  });

  it('refuses the integrator’s people, whatever their role', () => {
    for (const roles of [[STEERING_COMMITTEE], [KEY_USER], [CONSULTANT], [OBSERVER]]) {
      expect(confirmerIneligibility(person(INTEGRATOR, roles, [ordersEverywhere]), null)).toBe('is not of the client organisation');
    }
  });

  it('refuses client members without the KEY_USER or STEERING_COMMITTEE role', () => {
    for (const roles of [[OBSERVER], [CONSULTANT], [TRAINER], [OBSERVER, TRAINER]]) {
      expect(confirmerIneligibility(person(CLIENT, roles, [ordersEverywhere]), null)).toMatch(/neither the KEY_USER nor the STEERING_COMMITTEE role/);
    }
  });

  it('refuses the project manager even from the client and on the committee’s role', () => {
    expect(confirmerIneligibility(person(CLIENT, [PROJECT_MANAGER, KEY_USER]), null)).toMatch(/project manager/);
  });

  it('accepts for a milestone only key users assigned to its function area and territory', () => {
    const orders = { functionAreaId: 'orders', territoryId: null };
    const ordersAtPlant2 = { functionAreaId: 'orders', territoryId: 'plant-2' };
    const ordersAtPlant5 = { functionAreaId: 'orders', territoryId: 'plant-5' };
    const plant2Alone = { functionAreaId: null, territoryId: 'plant-2' };
    const keyUser = (...assignments: ConfirmerCandidate['keyUserAssignments']) => person(CLIENT, [KEY_USER], assignments);
    expect(confirmerIneligibility(keyUser(ordersEverywhere), orders)).toBeNull();
    expect(confirmerIneligibility(keyUser(ordersEverywhere), ordersAtPlant2)).toBeNull(); // every territory covers each
    expect(confirmerIneligibility(keyUser(ordersPlant2), ordersAtPlant2)).toBeNull();
    expect(confirmerIneligibility(keyUser(ordersPlant2), plant2Alone)).toBeNull();
    expect(confirmerIneligibility(keyUser(ordersPlant2), ordersAtPlant5)).toMatch(/not assigned as key user/);
    expect(confirmerIneligibility(keyUser(ordersPlant2), orders)).toBeNull(); // the milestone names no territory
    expect(confirmerIneligibility(keyUser({ functionAreaId: 'documents', territoryId: null }), orders)).toMatch(/not assigned as key user/);
    expect(confirmerIneligibility(keyUser(), orders)).toMatch(/not assigned as key user/);
  });
});

describe('assignmentCovers', () => {
  it('a territory matters only when the milestone has one', () => {
    expect(assignmentCovers(ordersPlant2, { functionAreaId: 'orders', territoryId: null })).toBe(true);
    expect(assignmentCovers(ordersPlant2, { functionAreaId: 'orders', territoryId: 'plant-9' })).toBe(false);
    expect(assignmentCovers(ordersEverywhere, { functionAreaId: 'orders', territoryId: 'plant-9' })).toBe(true);
  });
});
