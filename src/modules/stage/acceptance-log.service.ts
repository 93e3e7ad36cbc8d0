import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../common/context/request-context';
import { ConfirmationDecision } from '../criterion/criterion.enums';
import { Confirmation } from '../criterion/entities/confirmation.entity';
import { ConfirmerChange } from '../criterion/entities/confirmer-change.entity';
import { Criterion } from '../criterion/entities/criterion.entity';
import { AcceptanceEvent, AcceptanceEventKind } from './dto/acceptance-event.type';
import { GateDecision } from './entities/gate-decision.entity';

/** Confirmer assignments, confirmations, waivers and gate decisions of a project in the order they happened. */
@Injectable()
export class AcceptanceLogService {
  async forProject(ctx: RequestContext, projectId: string): Promise<AcceptanceEvent[]> {
    const [confirmerChanges, confirmations, waived, decisions] = await Promise.all([
      ctx.manager.createQueryBuilder(ConfirmerChange, 'cc')
        .innerJoin(Criterion, 'cr', 'cr.id = cc.criterion_id')
        .where('cr.project_id = :projectId', { projectId })
        .getMany(),
      ctx.manager.createQueryBuilder(Confirmation, 'c')
        .innerJoin(Criterion, 'cr', 'cr.id = c.criterion_id')
        .where('cr.project_id = :projectId', { projectId })
        .getMany(),
      ctx.manager.createQueryBuilder(Criterion, 'cr')
        .where('cr.project_id = :projectId AND cr.waived_at IS NOT NULL', { projectId })
        .getMany(),
      ctx.manager.find(GateDecision, { where: { projectId } }),
    ]);
    const events: AcceptanceEvent[] = [
      ...confirmerChanges.map((c) => ({
        at: c.at, kind: AcceptanceEventKind.CONFIRMERS_SET,
        userId: c.changedById, criterionId: c.criterionId, stageId: null, outcome: null, comment: c.reason, confirmerIds: c.confirmerIds,
      })),
      ...confirmations.map((c) => ({
        at: c.at,
        kind: c.decision === ConfirmationDecision.CONFIRMED ? AcceptanceEventKind.CRITERION_CONFIRMED : AcceptanceEventKind.CRITERION_REJECTED,
        userId: c.userId, criterionId: c.criterionId, stageId: null, outcome: null, comment: c.comment,
      })),
      ...waived.map((c) => ({
        at: c.waivedAt!, kind: AcceptanceEventKind.CRITERION_WAIVED,
        userId: c.waivedById!, criterionId: c.id, stageId: c.stageId, outcome: null, comment: c.waiverReason,
      })),
      ...decisions.map((d) => ({
        at: d.decidedAt,
        kind: d.stageId ? AcceptanceEventKind.GATE_DECIDED : AcceptanceEventKind.SUPPORT_TRANSITION_DECIDED,
        userId: d.decidedById, criterionId: null, stageId: d.stageId, outcome: d.outcome, comment: d.conditions,
      })),
    ];
    return events.sort((a, b) => a.at.getTime() - b.at.getTime());
  }
}
