import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RequestContext } from '../common/context/request-context';
import { hashPassword } from '../modules/auth/password-hasher';
import { MethodologyService } from '../modules/methodology/methodology.service';
import { MilestoneService } from '../modules/milestone/milestone.service';
import { MilestoneSplit } from '../modules/milestone/milestone.enums';
import { KeyUserService } from '../modules/people/key-user.service';
import { TrainingService } from '../modules/training/training.service';
import { TrainingAudience, TrainingFormat } from '../modules/training/training.enums';
import { Membership } from '../modules/people/entities/membership.entity';
import { User } from '../modules/people/entities/user.entity';
import { Organization, ProjectRole } from '../modules/people/people.enums';
import { FunctionArea } from '../modules/project/entities/function-area.entity';
import { Project } from '../modules/project/entities/project.entity';
import { newFeedToken } from '../modules/project/project.service';
import { Territory } from '../modules/project/entities/territory.entity';
import { TemplateInstantiator } from '../modules/project/template-instantiator';
import { BaselineService } from '../modules/schedule/baseline.service';
import { DependencyService } from '../modules/schedule/dependency.service';
import { Task } from '../modules/schedule/entities/task.entity';
import { DependencyType, MilestonePhase } from '../modules/schedule/schedule.enums';
import { DEMO_PASSWORD, DEMO_PEOPLE, DEMO_PROJECT, DEMO_TERRITORIES, DEMO_WAVE_FUNCTIONS } from './demo-rollout';

/** Loads the demo rollout into a running application once; returns false when it was already there. */
export async function loadDemo(app: INestApplication): Promise<boolean> {
  const dataSource = app.get(DataSource);
  if (await dataSource.manager.exists(Project, { where: { id: DEMO_PROJECT.id } })) return false;
  const pm = DEMO_PEOPLE[0];
  const ctx = new RequestContext(dataSource, { id: pm.id, email: pm.email, isAdmin: false });
  await ctx.inTransaction(async () => {
    const em = ctx.manager;
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    for (const person of DEMO_PEOPLE) {
      if (!(await em.exists(User, { where: { id: person.id } }))) {
        await em.insert(User, { id: person.id, email: person.email, fullName: person.fullName, organization: person.organization as Organization, passwordHash });
      }
    }
    await em.insert(Project, { ...DEMO_PROJECT, calendarFeedToken: newFeedToken() });
    await em.insert(Membership, DEMO_PEOPLE.flatMap((p) => p.roles.map((role) => ({ projectId: DEMO_PROJECT.id, userId: p.id, role: role as ProjectRole }))));
    await app.get(TemplateInstantiator).instantiate(ctx, DEMO_PROJECT.id, app.get(MethodologyService).require(DEMO_PROJECT.templateKey));
    await em.insert(Territory, DEMO_TERRITORIES.map((t) => ({ ...t, projectId: DEMO_PROJECT.id })));

    // Waves: each function goes live territory by territory, 15 working days apart; document
    // issuing follows order intake in each territory.
    const areas = await em.find(FunctionArea, { where: { projectId: DEMO_PROJECT.id } });
    const milestones = app.get(MilestoneService);
    const links = app.get(DependencyService);
    const goLiveOf = async (milestoneId: string) =>
      (await em.findOneOrFail(Task, { where: { milestoneId, milestonePhase: MilestonePhase.LAUNCH } })).id;
    const prepareOf = async (milestoneId: string) =>
      (await em.findOneOrFail(Task, { where: { milestoneId, milestonePhase: MilestonePhase.PREPARE } })).id;
    const lastTemplateTask = await em.findOneOrFail(Task, { where: { projectId: DEMO_PROJECT.id, name: 'Test environment and territory databases set up' } });
    let previousGoLive: string | null = null;
    for (const functionName of DEMO_WAVE_FUNCTIONS) {
      const area = areas.find((a) => a.name === functionName)!;
      for (const territory of DEMO_TERRITORIES) {
        const milestone = await milestones.add(ctx, {
          projectId: DEMO_PROJECT.id,
          name: `${functionName} — ${territory.name}`,
          splitBy: MilestoneSplit.FUNCTION_AND_TERRITORY,
          functionAreaId: area.id,
          territoryId: territory.id,
        });
        const prepare = await prepareOf(milestone.id);
        await links.add(ctx, { predecessorId: lastTemplateTask.id, successorId: prepare, type: DependencyType.FS, lagDays: 0 });
        const goLive = await goLiveOf(milestone.id);
        if (previousGoLive) await links.add(ctx, { predecessorId: previousGoLive, successorId: goLive, type: DependencyType.FS, lagDays: 15 });
        previousGoLive = goLive;
      }
    }
    // Key users: the people others already ask; Sergey is willing but not yet able to teach.
    const keyUsers = app.get(KeyUserService);
    const areaId = (name: string) => areas.find((a) => a.name === name)!.id;
    const [, , , elena, olga, sergey, igor] = DEMO_PEOPLE;
    await keyUsers.assign(ctx, { projectId: DEMO_PROJECT.id, userId: elena.id, functionAreaId: areaId('Order intake'), processKnowledge: 5, systemLogic: 4, engagement: 5, teaching: 4, firstLineSupport: true });
    await keyUsers.assign(ctx, { projectId: DEMO_PROJECT.id, userId: olga.id, functionAreaId: areaId('Document issuing'), processKnowledge: 4, systemLogic: 3, engagement: 4, teaching: 3, firstLineSupport: true });
    await keyUsers.assign(ctx, { projectId: DEMO_PROJECT.id, userId: sergey.id, functionAreaId: areaId('Order intake'), territoryId: DEMO_TERRITORIES[1].id, processKnowledge: 4, systemLogic: 3, engagement: 5, teaching: 2, backup: true });
    await app.get(TrainingService).schedule(ctx, {
      projectId: DEMO_PROJECT.id, title: 'Order intake in the new system, for key users', audience: TrainingAudience.KEY_USERS,
      format: TrainingFormat.ONSITE, location: 'Head office, Moscow, training room 2', timeZone: 'Europe/Moscow',
      startsAt: new Date('2026-06-01T10:00:00+03:00'), endsAt: new Date('2026-06-01T17:00:00+03:00'),
      trainerId: igor.id, capacity: 8, functionAreaId: areaId('Order intake'), attendeeIds: [elena.id, sergey.id],
    });
    await app.get(TrainingService).schedule(ctx, {
      projectId: DEMO_PROJECT.id, title: 'Document issuing for key users (video conference)', audience: TrainingAudience.KEY_USERS,
      format: TrainingFormat.REMOTE, meetingUrl: 'https://meet.example.com/severnaya-niva-docs', timeZone: 'Europe/Moscow',
      startsAt: new Date('2026-06-03T10:00:00+03:00'), endsAt: new Date('2026-06-03T13:00:00+03:00'),
      trainerId: igor.id, capacity: 10, functionAreaId: areaId('Document issuing'), attendeeIds: [olga.id],
    });
    await app.get(BaselineService).capture(ctx, DEMO_PROJECT.id, 'Approved plan');
  });
  return true;
}
