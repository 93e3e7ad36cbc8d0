import { ProjectRole } from './auth.enums';
import { mayReadCompetencyScores } from './project-permissions';

describe('mayReadCompetencyScores', () => {
  const someoneElses = { userId: 'olga' };
  const own = { userId: 'me' };
  const as = (roles: ProjectRole[], isAdmin = false) => ({ id: 'me', isAdmin, roles });

  it('lets the project manager, consultants, the steering committee and administrators read everyone’s', () => {
    for (const role of [ProjectRole.PROJECT_MANAGER, ProjectRole.CONSULTANT, ProjectRole.STEERING_COMMITTEE]) {
      expect(mayReadCompetencyScores(as([role]), someoneElses)).toBe(true);
    }
    expect(mayReadCompetencyScores(as([], true), someoneElses)).toBe(true);
  });

  it('lets key users, trainers and observers read only their own', () => {
    for (const roles of [[ProjectRole.KEY_USER], [ProjectRole.TRAINER], [ProjectRole.OBSERVER], [ProjectRole.KEY_USER, ProjectRole.TRAINER]]) {
      expect(mayReadCompetencyScores(as(roles), someoneElses)).toBe(false);
      expect(mayReadCompetencyScores(as(roles), own)).toBe(true);
    }
  });
});
