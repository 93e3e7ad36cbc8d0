import { Injectable } from '@nestjs/common';
import { In, IsNull } from 'typeorm';
import type { RequestContext } from '../../common/context/request-context';
import { byParentLoader } from '../../common/dataloaders/request-loaders';
import { findByIdOrFail, isUuid, lockRow } from '../../common/database/find-by-id';
import { badInput, DomainError, notFound, staleVersion } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-codes';
import { FunctionArea } from '../project/entities/function-area.entity';
import { Project } from '../project/entities/project.entity';
import { Territory } from '../project/entities/territory.entity';
import { AssignKeyUserInput, KeyUserQualificationInput, UpdateKeyUserInput } from './dto/key-user.inputs';
import { CoverageCell, KeyUserCoverage, SupportRosterEntry } from './dto/key-user-coverage.type';
import { KeyUserAssignment } from './entities/key-user-assignment.entity';
import { Membership } from '../auth/entities/membership.entity';
import { computeCoverage, CoverageCellResult, isGap, QualificationRule } from './key-user-coverage';
import { AccessService } from '../auth/access.service';
import { mayReadCompetencyScores } from '../auth/project-permissions';
import { MembershipService } from './membership.service';
import { ProjectRole } from '../auth/auth.enums';
import { UserService } from './user.service';

export type CompetencyScore = 'processKnowledge' | 'systemLogic' | 'engagement' | 'teaching';

@Injectable()
export class KeyUserService {
  constructor(
    private readonly users: UserService,
    private readonly memberships: MembershipService,
    private readonly access: AccessService,
  ) {}

  /** One competency score of an assignment, for those who may read it (`mayReadCompetencyScores`). */
  async score(ctx: RequestContext, assignment: KeyUserAssignment, score: CompetencyScore): Promise<number> {
    const caller = this.access.requireUser(ctx);
    const roles = caller.isAdmin ? [] : await this.access.rolesIn(ctx, assignment.projectId);
    if (!mayReadCompetencyScores({ ...caller, roles }, assignment)) {
      // The contract makes scores non-null: a refusal rather than a null.
      throw new DomainError(ErrorCode.FORBIDDEN,
        'Competency scores are read by the project manager, consultants, the steering committee and each key user for themselves; ' +
          'ask only for your own (Project.keyUsers(userId: …)) or leave the scores out',
        { field: score, keyUserAssignmentId: assignment.id });
    }
    return assignment[score];
  }

  async assign(ctx: RequestContext, input: AssignKeyUserInput): Promise<KeyUserAssignment> {
    await this.memberships.holdPeople(ctx, [input.userId]);
    await this.lockProject(ctx, input.projectId);
    if (!isUuid(input.userId) || !(await ctx.manager.exists(Membership, { where: { projectId: input.projectId, userId: input.userId } }))) {
      throw badInput('A key user must be a member of the project; add them with addMember first', 'userId');
    }
    // Only key users count in coverage and confirm acceptance of their area.
    if (!(await ctx.manager.exists(Membership, { where: { projectId: input.projectId, userId: input.userId, role: ProjectRole.KEY_USER } }))) {
      const person = await this.users.getById(ctx, input.userId);
      throw new DomainError(ErrorCode.BAD_USER_INPUT,
        `${person.fullName} (${person.id}) does not hold the KEY_USER role in this project; give it with addMember first`,
        { field: 'userId', userIds: [person.id] });
    }
    await this.requireInProject(ctx, FunctionArea, input.functionAreaId, input.projectId, 'functionAreaId', 'Function area');
    if (input.territoryId) await this.requireInProject(ctx, Territory, input.territoryId, input.projectId, 'territoryId', 'Territory');
    const territoryId = input.territoryId ?? null;
    const existing = await ctx.manager.findOne(KeyUserAssignment, {
      where: { projectId: input.projectId, userId: input.userId, functionAreaId: input.functionAreaId, territoryId: territoryId ?? IsNull() },
    });
    if (existing) {
      throw new DomainError(ErrorCode.DUPLICATE, 'This person is already a key user of that function area and territory; update the assignment instead', { id: existing.id });
    }
    return ctx.manager.save(ctx.manager.create(KeyUserAssignment, {
      projectId: input.projectId, userId: input.userId, functionAreaId: input.functionAreaId, territoryId,
      processKnowledge: input.processKnowledge, systemLogic: input.systemLogic, engagement: input.engagement, teaching: input.teaching,
      firstLineSupport: input.firstLineSupport ?? false, backup: input.backup ?? false,
    }));
  }

  async update(ctx: RequestContext, input: UpdateKeyUserInput): Promise<KeyUserAssignment> {
    const assignment = await this.getForChange(ctx, input.id, input.version);
    for (const key of ['processKnowledge', 'systemLogic', 'engagement', 'teaching', 'firstLineSupport', 'backup'] as const) {
      if (input[key] != null) (assignment as unknown as Record<string, unknown>)[key] = input[key];
    }
    return ctx.manager.save(assignment);
  }

  /** Refused while the person confirms open acceptance criteria that need this assignment. */
  async remove(ctx: RequestContext, id: string, version: number): Promise<boolean> {
    const found = await findByIdOrFail(ctx, KeyUserAssignment, id, 'Key-user assignment');
    await this.memberships.lockPerson(ctx, found.userId);
    const assignment = await this.getForChange(ctx, id, version);
    await this.memberships.assertStillConfirmerWithout(ctx, assignment.projectId, assignment.userId, { assignment });
    await ctx.manager.delete(KeyUserAssignment, { id: assignment.id });
    return true;
  }

  async setQualificationRule(ctx: RequestContext, input: KeyUserQualificationInput): Promise<Project> {
    const project = await findByIdOrFail(ctx, Project, input.projectId, 'Project', { lock: true });
    if (project.version !== input.version) throw staleVersion('Project', project.id, input.version, project.version);
    project.keyUserMinProcessKnowledge = input.minProcessKnowledge;
    project.keyUserMinTeaching = input.minTeaching;
    project.keyUsersRequiredPerCell = input.requiredPerCell;
    return ctx.manager.save(project);
  }

  byProject(ctx: RequestContext, projectId: string): Promise<KeyUserAssignment[]> {
    return byParentLoader(ctx, 'keyUsersByProject',
      (ids) => ctx.manager.find(KeyUserAssignment, { where: { projectId: In([...ids]) }, order: { id: 'ASC' } }),
      (a) => a.projectId).load(projectId);
  }

  /** The project's key-user assignments, or only one person's. */
  async ofProject(ctx: RequestContext, projectId: string, userId?: string | null): Promise<KeyUserAssignment[]> {
    const all = await this.byProject(ctx, projectId);
    return userId ? all.filter((a) => a.userId === userId) : all;
  }

  async coverage(ctx: RequestContext, project: Project): Promise<KeyUserCoverage> {
    const cells = await this.cellsOf(ctx, project);
    const toCell = (c: CoverageCellResult<KeyUserAssignment> & { area: FunctionArea; territory: Territory | null }): CoverageCell =>
      ({ functionArea: c.area, territory: c.territory, qualifiedKeyUsers: c.qualified.length, required: c.required });
    return { cells: cells.map(toCell), gaps: cells.filter(isGap).map(toCell) };
  }

  async supportRoster(ctx: RequestContext, project: Project): Promise<SupportRosterEntry[]> {
    const cells = await this.cellsOf(ctx, project);
    const people = async (list: KeyUserAssignment[]) => Promise.all(list.map((a) => this.users.getById(ctx, a.userId)));
    return Promise.all(cells.map(async (c) => ({
      functionArea: c.area, territory: c.territory, firstLine: await people(c.firstLine), backups: await people(c.backups),
    })));
  }

  private async cellsOf(ctx: RequestContext, project: Project) {
    const [areas, territories, assignments] = await Promise.all([
      ctx.manager.find(FunctionArea, { where: { projectId: project.id }, order: { name: 'ASC' } }),
      ctx.manager.find(Territory, { where: { projectId: project.id }, order: { name: 'ASC' } }),
      this.byProject(ctx, project.id),
    ]);
    const rule: QualificationRule = {
      minProcessKnowledge: project.keyUserMinProcessKnowledge,
      minTeaching: project.keyUserMinTeaching,
      requiredPerCell: project.keyUsersRequiredPerCell,
    };
    const areaById = new Map(areas.map((a) => [a.id, a]));
    const territoryById = new Map(territories.map((t) => [t.id, t]));
    return computeCoverage(areas.map((a) => a.id), territories.map((t) => t.id), assignments, rule).map((c) => ({
      ...c, area: areaById.get(c.functionAreaId)!, territory: c.territoryId ? territoryById.get(c.territoryId)! : null,
    }));
  }

  private async getForChange(ctx: RequestContext, id: string, version: number): Promise<KeyUserAssignment> {
    const assignment = await findByIdOrFail(ctx, KeyUserAssignment, id, 'Key-user assignment', { lock: true });
    if (assignment.version !== version) throw staleVersion('Key-user assignment', id, version, assignment.version);
    return assignment;
  }

  /** Serialises assignments of one project, so a duplicate check cannot race. */
  private async lockProject(ctx: RequestContext, projectId: string): Promise<void> {
    if (!(await lockRow(ctx, Project, projectId, 'exclusive'))) throw notFound('Project', projectId);
  }

  private async requireInProject(ctx: RequestContext, entity: typeof FunctionArea | typeof Territory, id: string, projectId: string, field: string, what: string) {
    if (!isUuid(id) || !(await ctx.manager.exists(entity, { where: { id, projectId } }))) {
      throw badInput(`${what} ${id} is not part of this project`, field);
    }
  }
}
