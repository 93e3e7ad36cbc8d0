import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { RequestContext } from '../../common/context/request-context';
import { byIdLoader, byParentLoader } from '../../common/dataloaders/request-loaders';
import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-codes';
import { Milestone } from '../plan/entities/milestone.entity';
import { CriterionKind, CriterionStatus, Priority } from './criterion.enums';
import { deriveCriterionStatus, isSatisfied } from './criterion-status';
import { Confirmation } from './entities/confirmation.entity';
import { CriterionConfirmer } from './entities/criterion-confirmer.entity';
import { Criterion } from './entities/criterion.entity';

const ORDER = { position: 'ASC', createdAt: 'ASC' } as const;

@Injectable()
export class CriterionService {
  loader(ctx: RequestContext) {
    return byIdLoader(ctx, 'criteria', (ids) => ctx.manager.findBy(Criterion, { id: In([...ids]) }), (c) => c.id);
  }

  byStage(ctx: RequestContext, stageId: string): Promise<Criterion[]> {
    return byParentLoader(ctx, 'criteriaByStage',
      (ids) => ctx.manager.find(Criterion, { where: { stageId: In([...ids]) }, order: ORDER }), (c) => c.stageId!).load(stageId);
  }

  byMilestone(ctx: RequestContext, milestoneId: string): Promise<Criterion[]> {
    return byParentLoader(ctx, 'criteriaByMilestone',
      (ids) => ctx.manager.find(Criterion, { where: { milestoneId: In([...ids]) }, order: ORDER }), (c) => c.milestoneId!).load(milestoneId);
  }

  byProject(ctx: RequestContext, projectId: string): Promise<Criterion[]> {
    return byParentLoader(ctx, 'criteriaByProject',
      (ids) => ctx.manager.find(Criterion, { where: { projectId: In([...ids]) }, order: { kind: 'ASC', ...ORDER } }),
      (c) => c.projectId).load(projectId);
  }

  confirmerIds(ctx: RequestContext, criterionId: string): Promise<string[]> {
    return byParentLoader(ctx, 'confirmersByCriterion',
      (ids) => ctx.manager.find(CriterionConfirmer, { where: { criterionId: In([...ids]) } }), (c) => c.criterionId)
      .load(criterionId).then((rows) => rows.map((row) => row.userId));
  }

  /** Oldest first: the record of who decided what, when. */
  confirmations(ctx: RequestContext, criterionId: string): Promise<Confirmation[]> {
    return byParentLoader(ctx, 'confirmationsByCriterion',
      (ids) => ctx.manager.find(Confirmation, { where: { criterionId: In([...ids]) }, order: { at: 'ASC', id: 'ASC' } }),
      (c) => c.criterionId).load(criterionId);
  }

  async status(ctx: RequestContext, criterion: Criterion): Promise<CriterionStatus> {
    return (await this.statuses(ctx, [criterion]))[0];
  }

  /**
   * Statuses of many criteria in two batched queries, one after the other: inside a mutation
   * they share the transaction's single connection.
   */
  async statuses(ctx: RequestContext, criteria: Criterion[]): Promise<CriterionStatus[]> {
    const ids = criteria.map((c) => c.id);
    const confirmers = await Promise.all(ids.map((id) => this.confirmerIds(ctx, id)));
    const confirmations = await Promise.all(ids.map((id) => this.confirmations(ctx, id)));
    return criteria.map((c, i) => deriveCriterionStatus(confirmers[i], confirmations[i], c.waivedAt !== null));
  }

  /** The MUST criteria among these that are neither confirmed nor waived. */
  async blockingMust(ctx: RequestContext, criteria: Criterion[]): Promise<Criterion[]> {
    const must = criteria.filter((c) => c.priority === Priority.MUST);
    const statuses = await this.statuses(ctx, must);
    return must.filter((_c, i) => !isSatisfied(statuses[i]));
  }

  /** A milestone is accepted only when all its MUST acceptance criteria are confirmed or waived. */
  async assertAcceptable(ctx: RequestContext, milestone: Milestone): Promise<void> {
    const criteria = (await this.byMilestone(ctx, milestone.id)).filter((c) => c.kind === CriterionKind.ACCEPTANCE);
    const blocking = await this.blockingMust(ctx, criteria);
    if (blocking.length) {
      throw new DomainError(
        ErrorCode.GATE_CRITERIA_NOT_MET,
        `Milestone "${milestone.name}" cannot be accepted while these MUST criteria are neither confirmed nor waived: ` +
          blocking.map((c) => `"${c.text}"`).join('; '),
        { blockingCriteria: blocking.map((c) => c.id) },
      );
    }
  }
}
