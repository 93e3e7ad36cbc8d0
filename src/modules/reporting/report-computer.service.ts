import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { RequestContext } from '../../common/context/request-context';
import { byParentLoader } from '../../common/dataloaders/request-loaders';
import { CriterionStatus, Priority } from '../criterion/criterion.enums';
import { CriterionService } from '../criterion/criterion.service';
import { UserService } from '../people/user.service';
import { Project } from '../project/entities/project.entity';
import { IssueStatus, RegisterStatus } from '../registers/registers.enums';
import { riskScore } from '../registers/register-rules';
import { RegistersService } from '../registers/registers.service';
import { HealthService } from '../schedule/health.service';
import { ScheduleService } from '../schedule/schedule.service';
import { GateDecision } from '../stage/entities/gate-decision.entity';
import { ReadinessService } from '../training/readiness.service';
import type { RagRating, ReportItem, ReportMilestone } from './dto/report.types';
import { StatusReport } from './entities/status-report.entity';
import { Rag } from '../schedule/rag.enum';
import {
  ComputedRating, effectiveRatings, nextPeriod, overallRating, rateCost, rateQuality, rateReadiness, rateRisk, rateScope,
} from './rating-rules';
import { buildReportContent } from './report-content';
import { RagDimension } from './reporting.enums';

/** Everything a report shows beyond its own columns: what a draft computes and a published report freezes. */
export interface ComputedReport {
  published: boolean;
  overall: Rag;
  schedule: Rag;
  cost: Rag | null;
  scope: Rag;
  quality: Rag;
  risk: Rag;
  readiness: Rag;
  ratings: RagRating[];
  forecastFinish: string;
  baselineFinish: string | null;
  thisPeriod: ReportItem[];
  nextPeriod: ReportItem[];
  milestones: ReportMilestone[];
  risks: ReportItem[];
  issues: ReportItem[];
}

const dateOf = (at: Date | null): string | null => (at ? at.toISOString().slice(0, 10) : null);

/**
 * Computes a draft report from the plan (as of its periodEnd) and the registers, as they stand
 * (REPORTING.md "Computed ratings", "A report's content"). What several reports of one project
 * share (the plan, baselines, criteria, registers, readiness) is read once per request through
 * the modules' loaders; each report adds only an in-memory run of the engine for its periodEnd.
 */
@Injectable()
export class ReportComputer {
  constructor(
    private readonly schedules: ScheduleService,
    private readonly health: HealthService,
    private readonly criteria: CriterionService,
    private readonly registers: RegistersService,
    private readonly readiness: ReadinessService,
    private readonly users: UserService,
  ) {}

  async compute(ctx: RequestContext, report: StatusReport, project: Project): Promise<ComputedReport> {
    const projectId = project.id;
    const period = { start: report.periodStart, end: report.periodEnd };
    // Each report reads the schedule with its own periodEnd as the status date; "planned" is the plan alone.
    const asOf = await this.schedules.asOf(ctx, projectId, report.periodEnd);
    const plan = await this.schedules.asOf(ctx, projectId, null);
    const baseline = await this.health.latestBaseline(ctx, projectId);
    const latest = baseline?.baseline ?? null;
    const milestoneRows = await this.health.milestonesOf(ctx, projectId);
    const measure = this.health.measure(asOf, project.timeToleranceDays, baseline, milestoneRows);
    const actualGoLives = new Map(milestoneRows.map((m) => [m.id, m.actualGoLive]));
    const ready = await this.readiness.readyByMilestone(ctx, project, milestoneRows);
    const criteria = await this.criteria.byProject(ctx, projectId);
    const statuses = await this.criteria.statuses(ctx, criteria);
    const confirmations = await Promise.all(criteria.map((c) => this.criteria.confirmations(ctx, c.id)));
    const gateDecisions = await this.gateDecisions(ctx, projectId);
    const openRisks = (await this.registers.risks(ctx, projectId)).filter((r) => r.status === RegisterStatus.OPEN);
    const openIssues = (await this.registers.issues(ctx, projectId)).filter((i) => i.status === IssueStatus.OPEN);
    const ownerIds = [...new Set([...openRisks, ...openIssues].map((x) => x.ownerId).filter((id): id is string => id !== null))];
    const owners = new Map((await Promise.all(ownerIds.map((id) => this.users.getById(ctx, id)))).map((u) => [u.id, u.fullName]));

    const milestones = measure.milestones.map((m) => ({
      milestoneId: m.milestoneId,
      name: m.name,
      plannedGoLive: this.schedules.milestoneWindow(plan, m.milestoneId)?.goLive ?? null,
      baselineGoLive: m.baselineGoLive,
      forecastGoLive: m.forecastGoLive,
      varianceDays: m.varianceDays,
      ready: ready.get(m.milestoneId)?.ready ?? false,
      actualGoLive: actualGoLives.get(m.milestoneId) ?? null,
    }));

    // Readiness: go-lives after periodStart and no later than periodEnd + the period's length.
    const through = nextPeriod(period.start, period.end).end;
    const goingLive = milestones.filter((m) => m.forecastGoLive !== null && m.forecastGoLive > period.start && m.forecastGoLive <= through);
    const stageNames = new Map(asOf.stages.map((s) => [s.id, s.name]));

    const computed: ComputedRating[] = [
      { dimension: RagDimension.SCHEDULE, rating: measure.rating as Rag, basis: measure.basis, basisMessage: measure.basisMessage },
      { dimension: RagDimension.COST, ...rateCost({
        budget: project.budget, forecastAtCompletion: report.forecastAtCompletion, tolerancePercent: project.costTolerancePercent, currency: project.currency,
      }) },
      { dimension: RagDimension.SCOPE, ...rateScope({
        baseline: latest ? { name: latest.name, capturedAt: latest.capturedAt } : null,
        waivedMust: criteria.filter((c, i) => statuses[i] === CriterionStatus.WAIVED && c.priority === Priority.MUST)
          .map((c) => ({ text: c.text, waivedAt: c.waivedAt! })),
      }) },
      { dimension: RagDimension.QUALITY, ...rateQuality({
        rejected: criteria.filter((_c, i) => statuses[i] === CriterionStatus.REJECTED).map((c) => ({ text: c.text, priority: c.priority })),
      }) },
      { dimension: RagDimension.RISK, ...rateRisk({
        openRisks: openRisks.map((r) => ({ title: r.title, score: riskScore(r), hasOwner: r.ownerId !== null })),
      }) },
      { dimension: RagDimension.READINESS, ...rateReadiness({
        after: period.start, through,
        milestones: goingLive.map((m) => ({ name: m.name, ready: m.ready, reasons: ready.get(m.milestoneId)?.reasonMessages ?? [] })),
      }) },
    ];
    const ratings = effectiveRatings(computed, report.ratingOverrides);
    const effective = (d: RagDimension) => ratings.find((r) => r.dimension === d)!.rating;

    const content = buildReportContent({
      period,
      tasks: asOf.tasks.map((t) => ({ id: t.id, name: t.name, start: t.start, actualFinish: t.actualFinish })),
      milestones,
      criteria: criteria.map((c, i) => ({
        id: c.id, text: c.text, priority: c.priority, status: statuses[i],
        confirmedOn: dateOf(confirmations[i].at(-1)?.at ?? null), waivedOn: dateOf(c.waivedAt), waiverReason: c.waiverReason,
      })),
      gateDecisions: gateDecisions.map((g) => ({
        id: g.id, stageName: g.stageId ? stageNames.get(g.stageId) ?? null : null, outcome: g.outcome, decidedOn: dateOf(g.decidedAt)!, conditions: g.conditions,
      })),
      openRisks: openRisks.map((r) => ({
        id: r.id, title: r.title, probability: r.probability, impact: r.impact, proximity: r.proximity, response: r.response,
        ownerName: r.ownerId ? owners.get(r.ownerId) ?? null : null,
      })),
      openIssues: openIssues.map((i) => ({
        id: i.id, title: i.title, type: i.type, priority: i.priority, raisedOn: dateOf(i.raisedAt)!, ownerName: i.ownerId ? owners.get(i.ownerId) ?? null : null,
      })),
    });

    return {
      published: false,
      overall: overallRating(ratings),
      schedule: effective(RagDimension.SCHEDULE)!,
      cost: effective(RagDimension.COST),
      scope: effective(RagDimension.SCOPE)!,
      quality: effective(RagDimension.QUALITY)!,
      risk: effective(RagDimension.RISK)!,
      readiness: effective(RagDimension.READINESS)!,
      ratings,
      forecastFinish: measure.forecastFinish,
      baselineFinish: measure.baselineFinish,
      ...content,
    };
  }

  /** The project's gate decisions; one statement for every project of the request. */
  private gateDecisions(ctx: RequestContext, projectId: string): Promise<GateDecision[]> {
    return byParentLoader(ctx, 'reportGateDecisionsByProject',
      (ids) => ctx.manager.find(GateDecision, { where: { projectId: In([...ids]) }, order: { decidedAt: 'ASC', id: 'ASC' } }),
      (g) => g.projectId).load(projectId);
  }
}
