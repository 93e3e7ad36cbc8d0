import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RequestContext } from '../common/context/request-context';
import { ConfirmationDecision, CriterionKind, CriterionStatus, Priority } from '../modules/criterion/criterion.enums';
import { CriterionService } from '../modules/criterion/criterion.service';
import { KeyUserService } from '../modules/people/key-user.service';
import { Project } from '../modules/project/entities/project.entity';
import { ProjectStatus } from '../modules/project/project.enums';
import { riskScore } from '../modules/registers/register-rules';
import { IssueStatus, RegisterStatus } from '../modules/registers/registers.enums';
import { RegistersService } from '../modules/registers/registers.service';
import { HealthService } from '../modules/schedule/health.service';
import { StageStatus } from '../modules/plan/stage.enums';
import { DecisionStatus } from '../modules/steering/steering.enums';
import { SteeringService } from '../modules/steering/steering.service';
import { StageService } from '../modules/stage/stage.service';
import { localTime } from '../modules/training/training-rules';
import { AttendanceStatus } from '../modules/training/training.enums';
import { TrainingService } from '../modules/training/training.service';

/** What the to-dos are read from: a project as its members see it. */
export interface ProjectState {
  now: Date;
  /** People's names by id, to say who rejected what. */
  names: ReadonlyMap<string, string>;
  stagesAwaitingGate: string[];
  /** Criteria that can still change: exit criteria of stages not closed, and the project's own. */
  openCriteria: {
    text: string;
    where: string;
    priority: Priority;
    status: CriterionStatus;
    confirmerIds: string[];
    /** Oldest first. */
    decisions: { userId: string; decision: ConfirmationDecision; comment: string | null }[];
  }[];
  sessions: { title: string; startsAt: Date; timeZone: string | null; trainerId: string; attendance: { userId: string; status: AttendanceStatus }[] }[];
  coverageGaps: string[];
  health: { schedule: string; forecastFinish: string; baselineFinish: string | null; varianceDays: number | null };
  /** Open issues and open risks, in their registers' order (most urgent first). */
  openIssues: { title: string; priority: string; ownerId: string | null }[];
  openRisks: { title: string; score: number }[];
  /** Open decisions of the project's meetings, in the order taken. */
  openDecisions: { text: string; ownerId: string | null; dueDate: string | null; meeting: string }[];
}

const latestDecisionOf = (decisions: ProjectState['openCriteria'][number]['decisions'], userId: string) =>
  decisions.filter((d) => d.userId === userId).at(-1);

/** Why a person would sign in today: what their roles let them do that the project is waiting for. */
export function todosOf(person: { id: string; roles: readonly string[] }, state: ProjectState): string[] {
  const has = (role: string) => person.roles.includes(role);
  const todos: string[] = [];
  for (const c of state.openCriteria) {
    const settled = c.status === CriterionStatus.CONFIRMED || c.status === CriterionStatus.WAIVED;
    if (!settled && c.confirmerIds.includes(person.id) && !latestDecisionOf(c.decisions, person.id)) {
      todos.push(`confirm or reject "${c.text}" (${c.where}): confirmCriterion / rejectCriterion`);
    }
  }
  if (has('STEERING_COMMITTEE')) {
    for (const stage of state.stagesAwaitingGate) {
      todos.push(`decide the gate of "${stage}" (decideGate): approve once its MUST exit criteria are confirmed or waived, or reject it`);
    }
    for (const c of state.openCriteria) {
      if (c.status !== CriterionStatus.REJECTED || c.priority !== Priority.MUST) continue;
      todos.push(`waive "${c.text}" (${c.where}) or let the rejection stand (waiveCriterion): ${rejections(c, state)}`);
    }
  }
  if (has('PROJECT_MANAGER')) {
    for (const c of state.openCriteria.filter((x) => x.status === CriterionStatus.REJECTED)) {
      const waiver = c.priority === Priority.MUST ? ', or ask the steering committee to waive it' : '';
      todos.push(`address the rejection of "${c.text}" (${c.where}) and ask for a new decision${waiver}: ${rejections(c, state)}`);
    }
    if (state.health.schedule !== 'GREEN') {
      todos.push(`schedule health is ${state.health.schedule}: the forecast finish ${state.health.forecastFinish} is ${state.health.varianceDays} working days ` +
        `after the baseline's ${state.health.baselineFinish}; recover the slip or take it to the steering committee`);
    }
    if (state.openIssues.length) {
      const [first] = state.openIssues;
      const owner = first.ownerId ? `, owner ${state.names.get(first.ownerId) ?? first.ownerId}` : ', no owner yet';
      todos.push(`work the issue register (updateIssue): ${state.openIssues.length} open, first "${first.title}" (${first.priority}${owner})`);
    }
    const serious = state.openRisks.filter((r) => r.score >= 8);
    if (serious.length) {
      todos.push(`review the risks scoring 8 or more with their owners (updateRisk): ${serious.map((r) => `"${r.title}" (${r.score})`).join(', ')}`);
    }
    if (state.coverageGaps.length) {
      todos.push(`find key users where coverage has gaps (assignKeyUser), ${state.coverageGaps.length} in all, e.g. ${state.coverageGaps.slice(0, 2).join('; ')}`);
    }
  }
  for (const d of state.openDecisions.filter((x) => x.ownerId === person.id)) {
    todos.push(`carry out "${d.text}" (decided at ${d.meeting}${d.dueDate ? `, due ${d.dueDate}` : ''}), then mark it done (updateDecision)`);
  }
  for (const s of state.sessions) {
    const started = s.startsAt.getTime() <= state.now.getTime();
    const when = localTime(s.startsAt, s.timeZone);
    if (s.trainerId === person.id) {
      if (!started) todos.push(`give "${s.title}" at ${when} to ${s.attendance.length} invited (recordAttendance once it begins)`);
      else if (s.attendance.some((a) => a.status === AttendanceStatus.INVITED)) todos.push(`record attendance at "${s.title}" of ${when} (recordAttendance)`);
    } else if (!started && s.attendance.some((a) => a.userId === person.id && a.status === AttendanceStatus.INVITED)) {
      todos.push(`attend "${s.title}" at ${when}`);
    }
  }
  if (!todos.length && has('OBSERVER')) {
    todos.push('follow the project read-only: its health, the gate decisions and who confirmed, rejected or waived which criterion');
  }
  return todos;
}

function rejections(c: ProjectState['openCriteria'][number], state: ProjectState): string {
  return c.confirmerIds
    .map((id) => ({ id, latest: latestDecisionOf(c.decisions, id) }))
    .filter((x) => x.latest?.decision === ConfirmationDecision.REJECTED)
    .map((x) => `${state.names.get(x.id) ?? x.id} rejected it: "${x.latest!.comment}"`)
    .join('; ');
}

/** The project's state as the services report it, for `todosOf`. */
export async function readProjectState(app: INestApplication, projectId: string, names: ReadonlyMap<string, string>): Promise<ProjectState> {
  // Read as the API reads (outside a transaction): the services run some reads side by side.
  const ctx = new RequestContext(app.get(DataSource), null);
  const project = await ctx.manager.findOneByOrFail(Project, { id: projectId });
  const stages = await app.get(StageService).byProject(ctx, projectId);
  const projectFinal = project.status === ProjectStatus.IN_SUPPORT || project.status === ProjectStatus.CLOSED;
  const criteriaService = app.get(CriterionService);
  const openStages = new Map(stages.filter((s) => s.status !== StageStatus.CLOSED).map((s) => [s.id, s.name]));
  const criteria = (await criteriaService.byProject(ctx, projectId))
    .filter((c) => (c.kind === CriterionKind.EXIT && openStages.has(c.stageId!)) || (c.kind === CriterionKind.COMPLETION && !projectFinal));
  const statuses = await criteriaService.statuses(ctx, criteria);
  const openCriteria = [];
  for (const [i, c] of criteria.entries()) {
    openCriteria.push({
      text: c.text,
      where: c.stageId ? `exit criterion of "${openStages.get(c.stageId)}"` : 'completion criterion',
      priority: c.priority,
      status: statuses[i],
      confirmerIds: await criteriaService.confirmerIds(ctx, c.id),
      decisions: (await criteriaService.confirmations(ctx, c.id)).map((d) => ({ userId: d.userId, decision: d.decision, comment: d.comment })),
    });
  }
  const training = app.get(TrainingService);
  const sessions = [];
  for (const s of (await training.byProject(ctx, projectId)).filter((x) => !x.cancelledAt)) {
    sessions.push({ title: s.title, startsAt: s.startsAt, timeZone: s.timeZone, trainerId: s.trainerId, attendance: await training.attendance(ctx, s.id) });
  }
  const coverage = await app.get(KeyUserService).coverage(ctx, project);
  const health = await app.get(HealthService).forProject(ctx, project);
  const registers = app.get(RegistersService);
  const openIssues = (await registers.issues(ctx, projectId)).filter((i) => i.status === IssueStatus.OPEN)
    .map((i) => ({ title: i.title, priority: i.priority, ownerId: i.ownerId }));
  const openRisks = (await registers.risks(ctx, projectId)).filter((r) => r.status === RegisterStatus.OPEN)
    .map((r) => ({ title: r.title, score: riskScore(r) }));
  const steering = app.get(SteeringService);
  const openDecisions = [];
  for (const meeting of [...(await steering.meetings(ctx, projectId))].reverse()) {
    for (const d of (await steering.decisions(ctx, meeting.id)).filter((x) => x.status === DecisionStatus.OPEN)) {
      openDecisions.push({ text: d.text, ownerId: d.ownerId, dueDate: d.dueDate, meeting: `"${meeting.title}" of ${meeting.heldOn}` });
    }
  }
  return {
    now: new Date(),
    names,
    stagesAwaitingGate: stages.filter((s) => s.status === StageStatus.AWAITING_GATE).map((s) => s.name),
    openCriteria,
    sessions,
    coverageGaps: coverage.gaps.map((g) => (g.territory ? `${g.functionArea.name} in ${g.territory.name}` : g.functionArea.name)),
    health,
    openIssues,
    openRisks,
    openDecisions,
  };
}
