import { Injectable } from '@nestjs/common';
import { In, IsNull } from 'typeorm';
import type { RequestContext } from '../../common/context/request-context';
import { findByIdOrFail, isUuid, lockRow } from '../../common/database/find-by-id';
import { badInput, DomainError, staleVersion } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-codes';
import { AccessService } from '../auth/access.service';
import { Milestone } from '../plan/entities/milestone.entity';
import { MilestoneStatus } from '../plan/milestone.enums';
import { Membership } from '../auth/entities/membership.entity';
import { FunctionArea } from '../project/entities/function-area.entity';
import { Territory } from '../project/entities/territory.entity';
import { confirmerIneligibility, MilestoneSlice } from '../people/confirmer-eligibility';
import { MembershipService } from '../people/membership.service';
import { ProjectRole } from '../auth/auth.enums';
import { Project } from '../project/entities/project.entity';
import { ProjectStatus } from '../project/project.enums';
import { Stage } from '../plan/entities/stage.entity';
import { StageStatus } from '../plan/stage.enums';
import { planBulkConfirmers, whySelectorInvalid } from './bulk-confirmers';
import { standingRejecters } from './criterion-status';
import { BulkConfirmersMode, ConfirmationDecision, CriterionKind, Priority } from './criterion.enums';
import { CriterionService } from './criterion.service';
import { AddCriterionInput } from './dto/add-criterion.input';
import { BulkConfirmersResult, SetConfirmersInBulkInput } from './dto/set-confirmers-in-bulk.input';
import { Confirmation } from './entities/confirmation.entity';
import { ConfirmerChange } from './entities/confirmer-change.entity';
import { CriterionConfirmer } from './entities/criterion-confirmer.entity';
import { Criterion } from './entities/criterion.entity';

const MAX_TEXT = 10_000;

/** What a criterion belongs to: exactly one of a stage, a milestone, or (neither) the project itself. */
type CriterionOwner = Pick<Criterion, 'projectId' | 'stageId' | 'milestoneId'> & { id?: string };

/** What changes criteria: adding them, assigning confirmers, confirmations and waivers. */
@Injectable()
export class CriterionCommandService {
  constructor(
    private readonly access: AccessService,
    private readonly memberships: MembershipService,
    private readonly criteria: CriterionService,
  ) {}

  async add(ctx: RequestContext, input: AddCriterionInput): Promise<Criterion> {
    await this.memberships.holdPeople(ctx, input.confirmerIds);
    const owners = [input.projectId, input.stageId, input.milestoneId].filter(Boolean);
    if (owners.length !== 1) {
      throw badInput('Give exactly one of projectId (completion), stageId (exit) or milestoneId (acceptance)', 'stageId');
    }
    const { projectId, kind, stageId, milestoneId } = await this.resolveOwner(ctx, input);
    await lockRow(ctx, Project, projectId, 'shared');
    await this.assertOpen(ctx, { projectId, stageId, milestoneId }, stageId ? 'stageId' : milestoneId ? 'milestoneId' : 'projectId');
    const confirmerIds = await this.validateConfirmers(ctx, { projectId, milestoneId }, input.confirmerIds);
    const criterion = await ctx.manager.save(ctx.manager.create(Criterion, {
      projectId, stageId, milestoneId, kind, text: input.text.trim(), priority: input.priority ?? Priority.MUST,
      position: await ctx.manager.count(Criterion, { where: { projectId, stageId: stageId ?? IsNull(), milestoneId: milestoneId ?? IsNull(), kind } }),
    }));
    await ctx.manager.insert(CriterionConfirmer, confirmerIds.map((userId) => ({ criterionId: criterion.id, userId })));
    await this.recordConfirmers(ctx, criterion.id, confirmerIds);
    return criterion;
  }

  /**
   * Replaces the confirmers, e.g. of criteria that came from a template. Past decisions stay, the
   * change is recorded, and a confirmer whose rejection stands cannot be taken off: only their own
   * confirmation or the steering committee's waiver lifts a rejection.
   */
  async setConfirmers(ctx: RequestContext, id: string, version: number, confirmerIds: string[]): Promise<Criterion> {
    await this.memberships.holdPeople(ctx, confirmerIds);
    const criterion = await this.getForChange(ctx, id);
    if (criterion.version !== version) {
      throw staleVersion('Criterion', id, version, criterion.version);
    }
    await this.assertOpen(ctx, criterion);
    const ids = await this.validateConfirmers(ctx, criterion, confirmerIds);
    if (!criterion.waivedAt) {
      const current = await this.criteria.confirmerIds(ctx, id);
      const rejecters = standingRejecters(current, await this.criteria.confirmations(ctx, id)).filter((userId) => !ids.includes(userId));
      if (rejecters.length) {
        throw new DomainError(ErrorCode.BAD_USER_INPUT,
          `"${criterion.text}" was rejected by ${rejecters.join(', ')}; a confirmer whose rejection stands stays until they confirm or the steering committee waives the criterion`,
          { field: 'confirmerIds', userIds: rejecters });
      }
    }
    await ctx.manager.delete(CriterionConfirmer, { criterionId: id });
    await ctx.manager.insert(CriterionConfirmer, ids.map((userId) => ({ criterionId: id, userId })));
    await this.recordConfirmers(ctx, id, ids);
    criterion.version += 1;
    await ctx.manager.update(Criterion, { id }, { version: criterion.version });
    ctx.forget('loader:confirmersByCriterion');
    return criterion;
  }

  /**
   * Confirmers for many criteria at once (`planBulkConfirmers`): the selected criteria of the
   * project that are not final, by stage, function area, territory or kind. No versions: the
   * criteria are locked (in id order) for the call, so a concurrent single change waits for it and
   * then sees its new version. Each change is recorded as setConfirmers records it.
   */
  async setInBulk(ctx: RequestContext, input: SetConfirmersInBulkInput): Promise<BulkConfirmersResult> {
    await this.memberships.holdPeople(ctx, input.confirmerIds);
    const project = await findByIdOrFail(ctx, Project, input.projectId, 'Project');
    const invalid = whySelectorInvalid(input);
    if (invalid) throw badInput(invalid.message, invalid.field);
    for (const [entity, id, field] of [[Stage, input.stageId, 'stageId'], [FunctionArea, input.functionAreaId, 'functionAreaId'], [Territory, input.territoryId, 'territoryId']] as const) {
      if (id && !(isUuid(id) && (await ctx.manager.exists(entity as typeof Stage, { where: { id, projectId: project.id } })))) {
        throw badInput(`${field} ${id} is not part of this project`, field);
      }
    }
    const ids = [...new Set(input.confirmerIds)];
    if (ids.length === 0) throw badInput('Name at least one confirmer', 'confirmerIds');
    await this.memberships.assertMembers(ctx, project.id, ids, 'confirmerIds', 'Confirmers');
    await lockRow(ctx, Project, project.id, 'shared');
    const selected: { id: string; milestone_id: string | null; function_area_id: string | null; territory_id: string | null; waived: boolean }[] = await ctx.manager.query(
      `SELECT c.id, c.milestone_id, m.function_area_id, m.territory_id, c.waived_at IS NOT NULL AS waived
         FROM criterion c
         JOIN project p ON p.id = c.project_id
         LEFT JOIN stage s ON s.id = c.stage_id
         LEFT JOIN milestone m ON m.id = c.milestone_id
        WHERE c.project_id = $1
          AND ($2::uuid IS NULL OR c.stage_id = $2::uuid)
          AND ($3::uuid IS NULL OR m.function_area_id = $3::uuid)
          AND ($4::uuid IS NULL OR m.territory_id = $4::uuid)
          AND ($5::text IS NULL OR c.kind::text = $5::text)
          AND CASE WHEN c.stage_id IS NOT NULL THEN s.status <> 'CLOSED'
                   WHEN c.milestone_id IS NOT NULL THEN m.status <> 'ACCEPTED'
                   ELSE p.status NOT IN ('IN_SUPPORT', 'CLOSED') END
        ORDER BY c.id
        FOR UPDATE OF c`,
      [project.id, input.stageId ?? null, input.functionAreaId ?? null, input.territoryId ?? null, input.kind ?? null],
    );
    if (selected.length === 0) {
      throw badInput('No criterion of the project that is not final matches this selection (closed stages, accepted milestones and a project in support keep theirs)', 'stageId');
    }
    const criteria = await Promise.all(selected.map(async (row) => {
      const confirmerIds = await this.criteria.confirmerIds(ctx, row.id);
      return {
        id: row.id, confirmerIds, waived: row.waived,
        standingRejecterIds: standingRejecters(confirmerIds, await this.criteria.confirmations(ctx, row.id)),
        milestone: row.milestone_id ? { functionAreaId: row.function_area_id, territoryId: row.territory_id } : null,
      };
    }));
    const people = await this.memberships.confirmerCandidates(ctx, project.id, ids);
    const plan = planBulkConfirmers(criteria, ids, people, input.mode ?? BulkConfirmersMode.ADD);
    if (plan.refused.length) {
      throw new DomainError(ErrorCode.BAD_USER_INPUT,
        'Criteria are confirmed by the client: its steering committee members, and key users (of the milestone’s function area and territory for acceptance criteria); ' +
          `nobody here may confirm any of the selected criteria: ${plan.refused.map((r) => `${people.get(r.userId)?.fullName ?? r.userId} (${r.userId}) ${r.reason}`).join('; ')}`,
        { field: 'confirmerIds', userIds: plan.refused.map((r) => r.userId) });
    }
    for (const change of plan.changes) {
      await ctx.manager.delete(CriterionConfirmer, { criterionId: change.criterionId });
      await ctx.manager.insert(CriterionConfirmer, change.confirmerIds.map((userId) => ({ criterionId: change.criterionId, userId })));
      await this.recordConfirmers(ctx, change.criterionId, change.confirmerIds);
      await ctx.manager.increment(Criterion, { id: change.criterionId }, 'version', 1);
    }
    ctx.forget('loader:confirmersByCriterion');
    ctx.forget('loader:criteria');
    const rows = await ctx.manager.find(Criterion, { where: { id: In(selected.map((r) => r.id)) }, order: { kind: 'ASC', position: 'ASC', createdAt: 'ASC' } });
    const byId = new Map(rows.map((c) => [c.id, c]));
    return {
      changed: rows.filter((c) => plan.changes.some((x) => x.criterionId === c.id)),
      unchanged: rows.filter((c) => plan.unchanged.includes(c.id)),
      skipped: plan.skipped.map((x) => ({ criterion: byId.get(x.criterionId)!, userIds: x.userIds, reason: x.reason })),
    };
  }

  async decide(ctx: RequestContext, id: string, decision: ConfirmationDecision, comment: string | null | undefined): Promise<Criterion> {
    const user = this.access.requireUser(ctx);
    // What makes the caller a confirmer (roles, key-user assignments) cannot change until this ends.
    await this.memberships.holdPeople(ctx, [user.id]);
    const criterion = await this.getForChange(ctx, id);
    const confirmers = await this.criteria.confirmerIds(ctx, id);
    if (!confirmers.includes(user.id)) {
      throw new DomainError(ErrorCode.NOT_A_CONFIRMER,
        `You are not a confirmer of "${criterion.text}"; its confirmers are assigned by the project manager`, { criterionId: id });
    }
    // Named when they were eligible; decided only while they still are (data from before the rule).
    const me = (await this.memberships.confirmerCandidates(ctx, criterion.projectId, [user.id])).get(user.id)!;
    const why = confirmerIneligibility(me, await this.milestoneSliceOf(ctx, criterion));
    if (why) {
      throw new DomainError(ErrorCode.NOT_A_CONFIRMER,
        `You may no longer decide on "${criterion.text}": ${me.fullName} ${why}; the project manager assigns its confirmers`, { criterionId: id });
    }
    const trimmed = comment?.trim() || null;
    if (trimmed && trimmed.length > MAX_TEXT) throw badInput(`comment must be at most ${MAX_TEXT} characters`, 'comment');
    if (decision === ConfirmationDecision.REJECTED && !trimmed) {
      throw badInput('A rejection needs a comment saying what is wrong', 'comment');
    }
    await this.assertOpen(ctx, criterion);
    await ctx.manager.insert(Confirmation, { criterionId: id, userId: user.id, decision, comment: trimmed });
    ctx.forget('loader:confirmationsByCriterion');
    return criterion;
  }

  async waive(ctx: RequestContext, id: string, reason: string): Promise<Criterion> {
    const user = this.access.requireUser(ctx);
    const criterion = await this.getForChange(ctx, id);
    const trimmed = reason.trim();
    if (!trimmed) throw badInput('A waiver needs the reason the steering committee accepted', 'reason');
    if (trimmed.length > MAX_TEXT) throw badInput(`reason must be at most ${MAX_TEXT} characters`, 'reason');
    if (criterion.waivedAt) throw badInput(`"${criterion.text}" was already waived`, 'id');
    await this.assertOpen(ctx, criterion);
    criterion.waiverReason = trimmed;
    criterion.waivedById = user.id;
    // The database's clock, as for confirmations and gate decisions: one clock orders the record.
    criterion.waivedAt = (await ctx.manager.query('SELECT clock_timestamp() AS now'))[0].now;
    return ctx.manager.save(criterion);
  }

  /**
   * The criterion locked for a read-check-write, after a share lock on its project. Closing a
   * stage, accepting a milestone and moving the project to support lock the project row
   * exclusively before they read the criteria, so a confirmation, rejection, waiver or confirmer
   * change lands either wholly before such a step (which then sees it) or after it (and is then
   * refused as final). The criterion lock orders decisions against confirmer changes.
   */
  private async getForChange(ctx: RequestContext, id: string): Promise<Criterion> {
    const found = await findByIdOrFail(ctx, Criterion, id, 'Criterion');
    await lockRow(ctx, Project, found.projectId, 'shared');
    return findByIdOrFail(ctx, Criterion, id, 'Criterion', { lock: true });
  }

  private async recordConfirmers(ctx: RequestContext, criterionId: string, confirmerIds: string[]): Promise<void> {
    await ctx.manager.insert(ConfirmerChange, { criterionId, changedById: this.access.requireUser(ctx).id, confirmerIds });
  }

  /**
   * Criteria are final once what they guard is done: a closed stage's exit criteria, an accepted
   * milestone's acceptance criteria, a project's completion criteria once it is in support.
   */
  private async assertOpen(ctx: RequestContext, owner: CriterionOwner, field = 'id'): Promise<void> {
    let why: string | null = null;
    if (owner.stageId) {
      const stage = await ctx.manager.findOneOrFail(Stage, { where: { id: owner.stageId } });
      if (stage.status === StageStatus.CLOSED) why = `Stage "${stage.name}" is closed; its exit criteria are final`;
    } else if (owner.milestoneId) {
      const milestone = await ctx.manager.findOneOrFail(Milestone, { where: { id: owner.milestoneId } });
      if (milestone.status === MilestoneStatus.ACCEPTED) why = `Milestone "${milestone.name}" is accepted; its acceptance criteria are final`;
    } else {
      const project = await ctx.manager.findOneOrFail(Project, { where: { id: owner.projectId } });
      if (project.status === ProjectStatus.IN_SUPPORT || project.status === ProjectStatus.CLOSED) {
        why = `The project is ${project.status}; its completion criteria are final`;
      }
    }
    if (why) throw new DomainError(ErrorCode.BAD_USER_INPUT, why, { field, ...('id' in owner ? { criterionId: owner.id } : {}) });
  }

  private async resolveOwner(ctx: RequestContext, input: AddCriterionInput) {
    if (input.stageId) {
      const stage = await findByIdOrFail(ctx, Stage, input.stageId, 'Stage');
      return { projectId: stage.projectId, kind: CriterionKind.EXIT, stageId: stage.id, milestoneId: null };
    }
    if (input.milestoneId) {
      const milestone = await findByIdOrFail(ctx, Milestone, input.milestoneId, 'Milestone');
      return { projectId: milestone.projectId, kind: CriterionKind.ACCEPTANCE, stageId: null, milestoneId: milestone.id };
    }
    const project = await findByIdOrFail(ctx, Project, input.projectId!, 'Project');
    return { projectId: project.id, kind: CriterionKind.COMPLETION, stageId: null, milestoneId: null };
  }

  /** The function area and territory of an acceptance criterion's milestone; null for other criteria. */
  private async milestoneSliceOf(ctx: RequestContext, owner: Pick<Criterion, 'milestoneId'>): Promise<MilestoneSlice | null> {
    if (!owner.milestoneId) return null;
    const milestone = await ctx.manager.findOneOrFail(Milestone, { where: { id: owner.milestoneId }, select: { id: true, functionAreaId: true, territoryId: true } });
    return { functionAreaId: milestone.functionAreaId, territoryId: milestone.territoryId };
  }

  private async validateConfirmers(ctx: RequestContext, owner: Pick<Criterion, 'projectId' | 'milestoneId'>, confirmerIds: string[]): Promise<string[]> {
    const { projectId } = owner;
    const ids = [...new Set(confirmerIds)];
    if (ids.length === 0) throw badInput('A criterion needs at least one confirmer', 'confirmerIds');
    await this.memberships.assertMembers(ctx, projectId, ids, 'confirmerIds', 'Confirmers');
    // Acceptance is the client's and the committee's word on the integrator's work: the project
    // manager does not confirm their own.
    const managers = await ctx.manager.find(Membership, { where: { projectId, userId: In(ids), role: ProjectRole.PROJECT_MANAGER }, select: { userId: true } });
    if (managers.length) {
      throw new DomainError(ErrorCode.BAD_USER_INPUT,
        `A project manager cannot confirm criteria of their own project; not allowed: ${managers.map((m) => m.userId).join(', ')}`,
        { field: 'confirmerIds', userIds: managers.map((m) => m.userId) });
    }
    await this.memberships.assertEligibleConfirmers(ctx, projectId, ids, await this.milestoneSliceOf(ctx, owner));
    return ids;
  }
}
