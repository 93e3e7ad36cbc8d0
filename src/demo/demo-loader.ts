import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { todayIso } from '../common/clock';
import { RequestContext } from '../common/context/request-context';
import { hashPassword } from '../modules/auth/password-hasher';
import { CalendarService } from '../modules/calendar/calendar.service';
import { CriterionCommandService } from '../modules/criterion/criterion-commands.service';
import { ConfirmationDecision } from '../modules/criterion/criterion.enums';
import { Criterion } from '../modules/criterion/entities/criterion.entity';
import { MethodologyService } from '../modules/methodology/methodology.service';
import { MilestoneService } from '../modules/milestone/milestone.service';
import { MilestoneSplit } from '../modules/plan/milestone.enums';
import { KeyUserService } from '../modules/people/key-user.service';
import { TrainingService } from '../modules/training/training.service';
import { AttendanceStatus, TrainingAudience, TrainingFormat } from '../modules/training/training.enums';
import { Membership } from '../modules/auth/entities/membership.entity';
import { User } from '../modules/auth/entities/user.entity';
import { Organization, ProjectRole } from '../modules/auth/auth.enums';
import { FunctionArea } from '../modules/project/entities/function-area.entity';
import { Project } from '../modules/project/entities/project.entity';
import { newFeedToken, ProjectService } from '../modules/project-management/project.service';
import { Territory } from '../modules/project/entities/territory.entity';
import { TemplateInstantiator } from '../modules/project-management/template-instantiator';
import { BaselineService } from '../modules/schedule/baseline.service';
import { DependencyService } from '../modules/schedule/dependency.service';
import { Task } from '../modules/schedule/entities/task.entity';
import { ScheduleService } from '../modules/schedule/schedule.service';
import { TaskService } from '../modules/schedule/task.service';
import { DependencyType, MilestonePhase } from '../modules/schedule/schedule.enums';
import { Stage } from '../modules/plan/entities/stage.entity';
import { StageLifecycleService } from '../modules/stage/stage-lifecycle.service';
import { GateOutcome } from '../modules/plan/stage.enums';
import { Milestone } from '../modules/plan/entities/milestone.entity';
import { IssueStatus, RegisterStatus } from '../modules/registers/registers.enums';
import { RegistersService } from '../modules/registers/registers.service';
import { Rag } from '../modules/schedule/rag.enum';
import { RagDimension } from '../modules/reporting/reporting.enums';
import { ReportingService } from '../modules/reporting/reporting.service';
import { ExceptionDecision } from '../modules/reporting/exceptions/exception.enums';
import { ExceptionsService } from '../modules/reporting/exceptions/exceptions.service';
import { DecisionStatus, MeetingKind } from '../modules/steering/steering.enums';
import { SteeringService } from '../modules/steering/steering.service';
import { shareDone } from './demo-progress';
import {
  DEMO_BUDGET, DEMO_CURRENT_STAGE, DEMO_EXCEPTION, DEMO_ISSUES, DEMO_OPEN_DECISION, DEMO_OVERRIDE, DEMO_REPORTS, DEMO_PASSWORD, DEMO_PEOPLE, DEMO_PROJECT, DEMO_RISKS, DEMO_SLIP, DEMO_TERRITORIES, DEMO_WAVE_FUNCTIONS,
  DEMO_WORKING_DAYS_LEFT,
} from './demo-rollout';

type DemoPerson = (typeof DEMO_PEOPLE)[number];
const [pm, sponsor, supplier, elena, olga, sergey, igor] = DEMO_PEOPLE;

/** What a confirmer says about an exit criterion (the criterion named by its template text). */
interface Verdict { by: DemoPerson; decision?: ConfirmationDecision; comment?: string }

/**
 * The exit criteria's confirmers and what they said, stage by stage (the template's texts). The
 * stages before the current one are closed: their MUST criteria confirmed or waived. The current
 * one is submitted for its gate with work left for everyone: confirmations due from key users, a
 * MUST criterion a key user cannot confirm in this stage (for the committee to waive or not), and a
 * rejection the project manager has to address.
 */
const EXIT_VERDICTS: Record<string, Record<string, Verdict[] | { waiver: string }>> = {
  DIAGNOSTICS: {
    'Wave plan approved with the order of function and territory milestones': [{ by: sponsor, decision: ConfirmationDecision.CONFIRMED }],
    "Pilot territory chosen with its manager's agreement": [{ by: sponsor, decision: ConfirmationDecision.CONFIRMED, comment: 'Head office first; the Ryazan plant manager agreed to be second' }],
    "The client's decision on the proposal is recorded": [{ by: sponsor, decision: ConfirmationDecision.CONFIRMED }],
    'Every temporary integration listed with the milestone that switches it off': [{ by: elena, decision: ConfirmationDecision.CONFIRMED }],
  },
  ANALYSIS: {
    'Requirements specification (ТЗ) for the first wave signed by the client': [{ by: sponsor, decision: ConfirmationDecision.CONFIRMED }],
    'Key users named for every function area of the first wave': [{ by: sponsor, decision: ConfirmationDecision.CONFIRMED }],
    'Interfaces of the temporary integrations specified': [{ by: elena, decision: ConfirmationDecision.CONFIRMED }, { by: olga, decision: ConfirmationDecision.CONFIRMED }],
    'Scope of the later waves confirmed at high level': { waiver: 'The scope of the later waves is settled at the pilot review, with the pilot’s lessons' },
  },
  CONFIGURATION: {
    'Functions replaced first pass the acceptance scenarios on the test system': [{ by: elena }, { by: olga }],
    'Temporary integrations tested in both directions': [{
      by: sergey, decision: ConfirmationDecision.REJECTED,
      comment: 'Only the outbound direction could be tested: the plant’s legacy warehouse system has no test copy, so the inbound direction can be tested at the pilot at the earliest',
    }],
    'Key users reviewed the demonstration and their remarks are recorded': [{ by: elena, decision: ConfirmationDecision.CONFIRMED }, { by: sergey }],
    'Rollback plan for a wave go-live agreed': [{
      by: olga, decision: ConfirmationDecision.REJECTED,
      comment: 'The plan does not say who switches document issuing back to the old system, nor within how many hours',
    }],
  },
};

const GATES: Record<string, { outcome: GateOutcome; conditions?: string }> = {
  DIAGNOSTICS: { outcome: GateOutcome.APPROVED },
  ANALYSIS: { outcome: GateOutcome.APPROVED_WITH_CONDITIONS, conditions: 'The specification of the later waves is signed before the pilot starts' },
};

/**
 * Loads the demo rollout into a running application once; returns false when it was already
 * there. Everything happens in one transaction through the services the API uses (each step by
 * the person whose step it is), so the demo is a state the product can reach. Its dates are
 * placed relative to the load day (the service's clock): the first stages lie in the past, closed
 * through their gates, and the load day falls at the end of the current one.
 */
export async function loadDemo(app: INestApplication): Promise<boolean> {
  const dataSource = app.get(DataSource);
  if (await dataSource.manager.exists(Project, { where: { id: DEMO_PROJECT.id } })) return false;
  const today = todayIso();
  const ctx = new RequestContext(dataSource, personOf(pm));
  await ctx.inTransaction(async () => {
    // A fresh context per step: a step must not read what an earlier one cached before a change.
    const as = (person: DemoPerson) => ctx.actingAs(personOf(person));
    const em = ctx.manager;
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    for (const person of DEMO_PEOPLE) {
      if (!(await em.exists(User, { where: { id: person.id } }))) {
        await em.insert(User, { id: person.id, email: person.email, fullName: person.fullName, organization: person.organization as Organization, passwordHash });
      }
    }
    // Starting today for now; moved back below once the plan tells how long the first stages take.
    await em.insert(Project, { ...DEMO_PROJECT, startDate: today, calendarFeedToken: newFeedToken() });
    await em.insert(Membership, DEMO_PEOPLE.flatMap((p) => p.roles.map((role) => ({ projectId: DEMO_PROJECT.id, userId: p.id, role: role as ProjectRole }))));
    const template = app.get(MethodologyService).require(DEMO_PROJECT.templateKey);
    await app.get(TemplateInstantiator).instantiate(ctx, DEMO_PROJECT.id, template);
    await em.insert(Territory, DEMO_TERRITORIES.map((t) => ({ ...t, projectId: DEMO_PROJECT.id })));

    // Waves: once configuration is done, each function goes live territory by territory, 15
    // working days apart; document issuing follows order intake in each territory.
    const areas = await em.find(FunctionArea, { where: { projectId: DEMO_PROJECT.id } });
    const areaId = (name: string) => areas.find((a) => a.name === name)!.id;
    const phaseTask = (milestoneId: string, milestonePhase: MilestonePhase) => em.findOneOrFail(Task, { where: { milestoneId, milestonePhase } });
    const stages = await em.find(Stage, { where: { projectId: DEMO_PROJECT.id }, order: { sequence: 'ASC' } });
    const current = stages.findIndex((s) => s.kind === DEMO_CURRENT_STAGE);
    // The template's tasks share one creation time: the stage's last one is found by its name.
    const lastTaskName = template.stages.find((s) => s.kind === DEMO_CURRENT_STAGE)!.tasks.at(-1)!.name;
    const lastConfigurationTask = await em.findOneOrFail(Task, { where: { stageId: stages[current].id, name: lastTaskName } });
    let previousGoLive: string | null = null;
    for (const functionName of DEMO_WAVE_FUNCTIONS) {
      for (const territory of DEMO_TERRITORIES) {
        const milestone = await app.get(MilestoneService).add(as(pm), {
          projectId: DEMO_PROJECT.id, name: `${functionName} — ${territory.name}`, splitBy: MilestoneSplit.FUNCTION_AND_TERRITORY,
          functionAreaId: areaId(functionName), territoryId: territory.id,
        });
        const prepare = (await phaseTask(milestone.id, MilestonePhase.PREPARE)).id;
        await app.get(DependencyService).add(as(pm), { predecessorId: lastConfigurationTask.id, successorId: prepare, type: DependencyType.FS, lagDays: 0 });
        const goLive = (await phaseTask(milestone.id, MilestonePhase.LAUNCH)).id;
        if (previousGoLive) await app.get(DependencyService).add(as(pm), { predecessorId: previousGoLive, successorId: goLive, type: DependencyType.FS, lagDays: 15 });
        previousGoLive = goLive;
      }
    }
    // Key users: the people others already ask; Sergey is willing but not yet able to teach.
    const keyUsers = app.get(KeyUserService);
    await keyUsers.assign(as(pm), { projectId: DEMO_PROJECT.id, userId: elena.id, functionAreaId: areaId('Order intake'), processKnowledge: 5, systemLogic: 4, engagement: 5, teaching: 4, firstLineSupport: true });
    await keyUsers.assign(as(pm), { projectId: DEMO_PROJECT.id, userId: olga.id, functionAreaId: areaId('Document issuing'), processKnowledge: 4, systemLogic: 3, engagement: 4, teaching: 3, firstLineSupport: true });
    await keyUsers.assign(as(pm), { projectId: DEMO_PROJECT.id, userId: sergey.id, functionAreaId: areaId('Order intake'), territoryId: DEMO_TERRITORIES[1].id, processKnowledge: 4, systemLogic: 3, engagement: 5, teaching: 2, backup: true });

    // Placing the plan in time: the project starts so that the load day is the current stage's
    // last working day but DEMO_WORKING_DAYS_LEFT. All of the demo works to one calendar, so
    // moving the start by n working days moves every date by n working days.
    const calendar = app.get(CalendarService).require(DEMO_PROJECT.calendarCode);
    const window = (await app.get(ScheduleService).forProject(as(pm), DEMO_PROJECT.id)).dates;
    const stageTasks = await em.find(Task, { where: { stageId: stages[current].id } });
    const stageStart = calendar.startPoint(stageTasks.map((t) => window.get(t.id)!.start).sort()[0]);
    const stageEnd = calendar.endPoint(stageTasks.map((t) => window.get(t.id)!.finish).sort().at(-1)!);
    const todayPoint = calendar.startPoint(today);
    const startPoint = todayPoint - (stageStart - todayPoint) - (stageEnd - stageStart) + DEMO_WORKING_DAYS_LEFT + 1;
    const project = await em.findOneByOrFail(Project, { id: DEMO_PROJECT.id });
    await app.get(ProjectService).update(as(pm), { id: project.id, version: project.version, startDate: calendar.dateOfWorkingDay(startPoint) });
    await app.get(BaselineService).capture(as(pm), DEMO_PROJECT.id, 'Approved plan');

    // The stages so far, through their gates: the project manager starts, names confirmers and
    // submits; confirmers decide; the sponsor decides the gate; the project manager closes.
    const lifecycle = app.get(StageLifecycleService);
    const commands = app.get(CriterionCommandService);
    for (const stage of stages.slice(0, current + 1)) {
      await lifecycle.start(as(pm), stage.id);
      const criteria = await em.find(Criterion, { where: { stageId: stage.id } });
      for (const [text, verdict] of Object.entries(EXIT_VERDICTS[stage.kind])) {
        const criterion = criteria.find((c) => c.text === text)!;
        if ('waiver' in verdict) {
          await commands.waive(as(sponsor), criterion.id, verdict.waiver);
          continue;
        }
        await commands.setConfirmers(as(pm), criterion.id, criterion.version, verdict.map((v) => v.by.id));
        for (const { by, decision, comment } of verdict) if (decision) await commands.decide(as(by), criterion.id, decision, comment);
      }
      await lifecycle.submitForGate(as(pm), stage.id);
      const gate = GATES[stage.kind];
      if (!gate) continue;
      await lifecycle.decideGate(as(sponsor), { stageId: stage.id, ...gate });
      await lifecycle.close(as(pm), stage.id);
    }
    // The stages' actual dates are stamped with the day a step runs; the demo's steps happened on
    // the planned days, so they are dated back to them (gate decisions and confirmations keep the
    // database's time of the load: that record is append-only).
    const schedule = await app.get(ScheduleService).forProject(as(pm), DEMO_PROJECT.id);
    for (const stage of stages.slice(0, current + 1)) {
      const planned = app.get(ScheduleService).stageWindow(schedule, stage.id)!;
      await em.update(Stage, { id: stage.id }, { actualStart: planned.start, ...(stage.kind in GATES ? { actualFinish: planned.finish } : {}) });
    }

    // Training: key users met the system ten working days ago (Sergey could not come); the
    // courses of the first wave come right after the gate.
    const training = app.get(TrainingService);
    const at = (workingDaysFromToday: number, time: string) =>
      new Date(`${calendar.dateOfWorkingDay(todayPoint + workingDaysFromToday)}T${time}:00+03:00`);
    const introduction = await training.schedule(as(igor), {
      projectId: DEMO_PROJECT.id, title: 'The new system at a glance, for key users', audience: TrainingAudience.KEY_USERS,
      format: TrainingFormat.ONSITE, location: 'Head office, Moscow, training room 2', timeZone: 'Europe/Moscow',
      startsAt: at(-10, '10:00'), endsAt: at(-10, '13:00'), trainerId: igor.id, capacity: 8, attendeeIds: [elena.id, olga.id, sergey.id],
    });
    for (const [person, status] of [[elena, AttendanceStatus.ATTENDED], [olga, AttendanceStatus.ATTENDED], [sergey, AttendanceStatus.ABSENT]] as const) {
      await training.recordAttendance(as(igor), introduction.id, person.id, status);
    }
    await training.schedule(as(igor), {
      projectId: DEMO_PROJECT.id, title: 'Order intake in the new system, for key users', audience: TrainingAudience.KEY_USERS,
      format: TrainingFormat.ONSITE, location: 'Head office, Moscow, training room 2', timeZone: 'Europe/Moscow',
      startsAt: at(3, '10:00'), endsAt: at(3, '17:00'), trainerId: igor.id, capacity: 8, functionAreaId: areaId('Order intake'), attendeeIds: [elena.id, sergey.id],
    });
    await training.schedule(as(igor), {
      projectId: DEMO_PROJECT.id, title: 'Document issuing for key users (video conference)', audience: TrainingAudience.KEY_USERS,
      format: TrainingFormat.REMOTE, meetingUrl: 'https://meet.example.com/severnaya-niva-docs', timeZone: 'Europe/Moscow',
      startsAt: at(5, '10:00'), endsAt: at(5, '13:00'), trainerId: igor.id, capacity: 10, functionAreaId: areaId('Document issuing'), attendeeIds: [olga.id],
    });

    // Since the baseline, the first wave's preparation was re-estimated: the waves slip beyond tolerance.
    const slipFirstWave = async (days: number) => {
      const slipping = await em.findOneOrFail(Task, { where: { projectId: DEMO_PROJECT.id, name: `${DEMO_SLIP.milestone}: prepare` } });
      await app.get(TaskService).update(as(pm), { id: slipping.id, version: slipping.version, durationDays: slipping.durationDays + days });
    };
    await slipFirstWave(DEMO_SLIP.beforeException);

    // Progress as of the last working day before the load day. The closed stages' tasks were
    // recorded finished on their planned dates when the stages closed; the consultant records the
    // current stage's work done so far on plan (a task under way has the share of its working
    // days behind it), so the forecast keeps to the plan and the slip above stays the only one.
    const statusDate = calendar.dateOfWorkingDay(todayPoint - 1);
    const planned = (await app.get(ScheduleService).forProject(as(pm), DEMO_PROJECT.id)).dates;
    for (const task of await em.find(Task, { where: { stageId: stages[current].id }, order: { createdAt: 'ASC', id: 'ASC' } })) {
      const { start, finish } = planned.get(task.id)!;
      if (start > statusDate) continue;
      const progress = finish <= statusDate
        ? { actualStart: start, actualFinish: finish }
        : { actualStart: start, percentComplete: shareDone(calendar.endPoint(statusDate) - calendar.startPoint(start), task.durationDays) };
      await app.get(TaskService).update(as(igor), { id: task.id, version: task.version, ...progress });
    }
    await app.get(ProjectService).setStatusDate(as(pm), DEMO_PROJECT.id, statusDate);

    // Status reports: weeks of five working days up to the status date. The sponsor set the budget;
    // the project manager drafts, rates and publishes each report.
    const statusPoint = todayPoint - 1;
    await app.get(ProjectService).setTolerances(as(sponsor), { projectId: DEMO_PROJECT.id, budget: DEMO_BUDGET });
    const reporting = app.get(ReportingService);
    const publishReport = async (report: (typeof DEMO_REPORTS)[number], override?: { dimension: RagDimension; rating: Rag; reason: string }) => {
      const end = statusPoint - 5 * report.weeksBeforeStatusDate;
      const draft = await reporting.create(as(pm), {
        projectId: DEMO_PROJECT.id, periodStart: calendar.dateOfWorkingDay(end - 4), periodEnd: calendar.dateOfWorkingDay(end), summary: report.summary,
      });
      const updated = await reporting.update(as(pm), {
        id: draft.id, version: draft.version, costToDate: report.costToDate, forecastAtCompletion: report.forecastAtCompletion, decisionsRequested: [...report.decisionsRequested],
      });
      if (override) await reporting.overrideRating(as(pm), updated.id, override.dimension, override.rating, override.reason);
      return reporting.publish(as(pm), draft.id);
    };
    // The report of the week before the two weekly ones saw the slip beyond tolerance: RED, an exception.
    // The committee asked for an exception plan, then approved it: a new baseline named after it.
    const redReport = await publishReport(DEMO_REPORTS[0]);
    const exceptions = app.get(ExceptionsService);
    const [exception] = (await exceptions.byProject(as(sponsor), DEMO_PROJECT.id)).filter((e) => e.reportId === redReport.id);
    await exceptions.decide(as(sponsor), exception.id, ExceptionDecision.REQUEST_EXCEPTION_PLAN, DEMO_EXCEPTION.request);
    await exceptions.decide(as(sponsor), exception.id, ExceptionDecision.APPROVE_EXCEPTION_PLAN, DEMO_EXCEPTION.approval);
    // Since the exception plan, the first wave's preparation grew again, within tolerance.
    await slipFirstWave(DEMO_SLIP.extraDays);

    // The registers: the project manager keeps the risks; key users raise what they find, the
    // project manager gives each issue an owner and records the resolution.
    const asOfStatusDate = await app.get(ScheduleService).forProject(as(pm), DEMO_PROJECT.id);
    const milestones = await em.find(Milestone, { where: { projectId: DEMO_PROJECT.id } });
    const proximityOf = (at: { milestone: string } | { gate: string }) => 'milestone' in at
      ? app.get(ScheduleService).milestoneWindow(asOfStatusDate, milestones.find((m) => m.name === at.milestone)!.id)!.goLive
      : app.get(ScheduleService).stageWindow(asOfStatusDate, stages.find((st) => st.kind === at.gate)!.id)!.finish;
    const registers = app.get(RegistersService);
    const personBy = (email: string) => DEMO_PEOPLE.find((p) => p.email === email)!;
    for (const risk of DEMO_RISKS) {
      const added = await registers.addRisk(as(pm), {
        projectId: DEMO_PROJECT.id, title: risk.title, description: risk.description, probability: risk.probability, impact: risk.impact,
        ownerId: personBy(risk.owner).id, response: risk.response, proximity: proximityOf(risk.proximity),
      });
      if ('closed' in risk) await registers.updateRisk(as(pm), { id: added.id, version: added.version, status: RegisterStatus.CLOSED });
    }
    for (const issue of DEMO_ISSUES) {
      const raised = await registers.raiseIssue(as(personBy(issue.raisedBy)), {
        projectId: DEMO_PROJECT.id, title: issue.title, description: issue.description, type: issue.type, priority: issue.priority,
      });
      await registers.updateIssue(as(pm), {
        id: raised.id, version: raised.version, ownerId: personBy(issue.owner).id,
        ...('resolution' in issue ? { status: IssueStatus.RESOLVED, resolution: issue.resolution } : {}),
      });
    }

    // ── WEEKLY STATUS REPORTS ─────────────────────────────────────────────────────────────────
    // The two weekly reports since the exception plan; the latest one AMBER, with the project
    // manager's rating where the computation cannot see what she knows.
    const weekly = [await publishReport(DEMO_REPORTS[1]), await publishReport(DEMO_REPORTS[2], DEMO_OVERRIDE)];

    // Meetings on the status date: the weekly status meeting with the team reviews the latest
    // report; the steering committee reviews both weekly reports and decides.
    const steering = app.get(SteeringService);
    const statusDay = calendar.dateOfWorkingDay(statusPoint);
    const weeklyMeeting = await steering.recordMeeting(as(pm), {
      projectId: DEMO_PROJECT.id, kind: MeetingKind.WEEKLY_STATUS, heldOn: statusDay, title: 'Weekly status: configuration testing',
      attendeeIds: [pm.id, igor.id, elena.id, olga.id, sergey.id], reportIds: [weekly[1].id],
    });
    await steering.addDecision(as(pm), {
      meetingId: weeklyMeeting.id, text: 'Fix batch number and shelf life on delivery notes (УПД) and show it to the document-issuing key user', ownerId: igor.id,
      dueDate: calendar.dateOfWorkingDay(statusPoint + 3),
    });
    const committee = await steering.recordMeeting(as(pm), {
      projectId: DEMO_PROJECT.id, kind: MeetingKind.STEERING, heldOn: statusDay, title: 'Steering committee: before the Configuration gate',
      attendeeIds: [sponsor.id, supplier.id, pm.id], reportIds: weekly.map((r) => r.id),
    });
    const fallback = await steering.addDecision(as(pm), {
      meetingId: committee.id, text: 'The supplier prepares a manual fallback for inbound orders at the Ryazan plant until the inbound integration is tested at the pilot',
      ownerId: supplier.id, dueDate: statusDay,
    });
    await steering.updateDecision(as(supplier), fallback.id, fallback.version, DecisionStatus.DONE);
    await steering.addDecision(as(pm), {
      meetingId: committee.id, text: DEMO_OPEN_DECISION, ownerId: sponsor.id, dueDate: calendar.dateOfWorkingDay(statusPoint + 10),
    });
  });
  return true;
}

function personOf(person: DemoPerson) {
  return { id: person.id, email: person.email, isAdmin: false };
}
