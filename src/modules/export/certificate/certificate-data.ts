import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { RequestContext } from '../../../common/context/request-context';
import { Confirmation } from '../../criterion/entities/confirmation.entity';
import { CriterionConfirmer } from '../../criterion/entities/criterion-confirmer.entity';
import { Criterion } from '../../criterion/entities/criterion.entity';
import { Milestone } from '../../plan/entities/milestone.entity';
import { User } from '../../auth/entities/user.entity';
import { FunctionArea } from '../../project/entities/function-area.entity';
import { Project } from '../../project/entities/project.entity';
import { Territory } from '../../project/entities/territory.entity';
import { GateDecision } from '../../stage/entities/gate-decision.entity';
import { Stage } from '../../plan/entities/stage.entity';
import { notFound } from '../../../common/errors/domain-error';

/** What a certificate is for: a stage (its exit criteria and gate) or a milestone (its acceptance criteria). */
export type CertificateSubject = { kind: 'stage'; id: string } | { kind: 'milestone'; id: string };

/** How the subject travels in a signed export request's `subjectId`. */
export const certificateSubjectId = (subject: CertificateSubject): string => `${subject.kind}:${subject.id}`;

export function parseCertificateSubject(subjectId: string): CertificateSubject | null {
  const [kind, id] = subjectId.split(':');
  return (kind === 'stage' || kind === 'milestone') && id ? { kind, id } : null;
}

/** Everything the certificate shows, read in a fixed number of statements whatever the number of criteria. */
export interface CertificateData {
  project: Project;
  stage: Stage | null;
  milestone: Milestone | null;
  areaName: string | null;
  territoryName: string | null;
  /** In the order the owner lists them. */
  criteria: Criterion[];
  confirmerIds: Map<string, string[]>;
  /** Oldest first. */
  confirmations: Confirmation[];
  /** The gate decision in force (the latest), for a stage. */
  gate: GateDecision | null;
  users: Map<string, User>;
}

@Injectable()
export class CertificateDataLoader {
  /** Seven statements: the subject, the project, criteria, confirmers, confirmations, the gate, the people named. */
  async load(ctx: RequestContext, projectId: string, subject: CertificateSubject): Promise<CertificateData> {
    const em = ctx.manager;
    const stage = subject.kind === 'stage' ? await em.findOne(Stage, { where: { id: subject.id, projectId } }) : null;
    const milestone = subject.kind === 'milestone'
      ? await em.findOne(Milestone, { where: { id: subject.id, projectId }, relations: { functionArea: true, territory: true } })
      : null;
    if (!stage && !milestone) throw notFound(subject.kind === 'stage' ? 'Stage' : 'Milestone', subject.id);
    const owner = stage ? { stageId: stage.id } : { milestoneId: milestone!.id };
    const ownerColumn = stage ? 'stage_id' : 'milestone_id';
    const ofOwner = `IN (SELECT id FROM criterion WHERE ${ownerColumn} = :ownerId)`;
    const [project, criteria, confirmers, confirmations, gate] = await Promise.all([
      em.findOneOrFail(Project, { where: { id: projectId } }),
      em.find(Criterion, { where: { projectId, ...owner }, order: { position: 'ASC', createdAt: 'ASC', id: 'ASC' } }),
      em.createQueryBuilder(CriterionConfirmer, 'cc').where(`cc.criterion_id ${ofOwner}`, { ownerId: subject.id }).getMany(),
      em.createQueryBuilder(Confirmation, 'c').where(`c.criterion_id ${ofOwner}`, { ownerId: subject.id }).orderBy('c.at', 'ASC').addOrderBy('c.id', 'ASC').getMany(),
      stage ? em.findOne(GateDecision, { where: { stageId: stage.id }, order: { decidedAt: 'DESC', id: 'DESC' } }) : Promise.resolve(null),
    ]);
    const confirmerIds = new Map<string, string[]>();
    for (const c of confirmers) confirmerIds.set(c.criterionId, [...(confirmerIds.get(c.criterionId) ?? []), c.userId]);
    const userIds = new Set<string>([
      ...confirmers.map((c) => c.userId),
      ...confirmations.map((c) => c.userId),
      ...criteria.flatMap((c) => (c.waivedById ? [c.waivedById] : [])),
      ...(gate ? [gate.decidedById] : []),
    ]);
    const users = userIds.size ? await em.find(User, { where: { id: In([...userIds]) }, select: { id: true, fullName: true, organization: true, email: true } }) : [];
    return {
      project, stage, milestone, criteria, confirmerIds, confirmations, gate,
      areaName: (milestone?.functionArea as FunctionArea | undefined)?.name ?? null,
      territoryName: (milestone?.territory as Territory | undefined)?.name ?? null,
      users: new Map(users.map((u) => [u.id, u])),
    };
  }
}
