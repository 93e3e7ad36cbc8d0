import { DataSource } from 'typeorm';
import { createApp } from '../bootstrap';
import type { AppConfig } from '../common/config/app-config';
import { Milestone } from '../modules/plan/entities/milestone.entity';
import { KeyUserAssignment } from '../modules/people/entities/key-user-assignment.entity';
import { Project } from '../modules/project/entities/project.entity';
import { Territory } from '../modules/project/entities/territory.entity';
import { ProjectIssue } from '../modules/registers/entities/project-issue.entity';
import { Risk } from '../modules/registers/entities/risk.entity';
import { Baseline } from '../modules/schedule/entities/baseline.entity';
import { Task } from '../modules/schedule/entities/task.entity';
import { Stage } from '../modules/plan/entities/stage.entity';
import { TrainingSession } from '../modules/training/entities/training-session.entity';
import { loadDemo } from './demo-loader';
import { DEMO_PASSWORD, DEMO_PEOPLE, DEMO_PROJECT } from './demo-rollout';
import { readProjectState, todosOf } from './demo-todos';

/**
 * `npm run demo`: loads the demo rollout into the configured database (running it again changes
 * nothing) and says what is there and how to sign in, line by line through `print`.
 */
export async function runDemo(config: AppConfig, print: (line: string) => void): Promise<boolean> {
  // The application's own start-up chatter stays quiet; the summary is printed, not logged.
  const app = await createApp(config, { logger: ['error', 'warn'] });
  try {
    await app.init();
    const loaded = await loadDemo(app);
    const em = app.get(DataSource).manager;
    const projectId = DEMO_PROJECT.id;
    const count = (entity: Parameters<typeof em.count>[0]) => em.count(entity, { where: { projectId } });
    const [stages, milestones, tasks, territories, keyUsers, trainings, baselines, risks, issues] = await Promise.all(
      [Stage, Milestone, Task, Territory, KeyUserAssignment, TrainingSession, Baseline, Risk, ProjectIssue].map(count));
    const { statusDate } = await em.findOneByOrFail(Project, { id: projectId });
    const database = config.databaseUrl ? 'the PostgreSQL server in DATABASE_URL' : `the embedded database in ${config.dataDir}`;
    print(loaded
      ? `Loaded the demo rollout ${DEMO_PROJECT.code} "${DEMO_PROJECT.name}" into ${database}.`
      : `The demo rollout ${DEMO_PROJECT.code} "${DEMO_PROJECT.name}" was already in ${database}; nothing changed.`);
    print(`  project id ${projectId}: ${stages} stages, ${milestones} milestones, ${tasks} tasks, ${territories} territories, ` +
      `${keyUsers} key users, ${trainings} training sessions, ${baselines} baseline${baselines === 1 ? '' : 's'}, ` +
      `progress as of ${statusDate ?? 'no status date'}, ${risks} risks, ${issues} issues`);
    print(`Start the server (npm start) and sign in at ${config.publicUrl}/graphql with the password "${DEMO_PASSWORD}" as:`);
    // What each has to do is read from the project as it stands, so it stays true on a later run.
    const state = await readProjectState(app, projectId, new Map(DEMO_PEOPLE.map((p) => [p.id, p.fullName])));
    for (const person of DEMO_PEOPLE) {
      print(`  ${person.email.padEnd(26)} ${person.fullName} — ${person.roles.join(', ').toLowerCase().replaceAll('_', ' ')}`);
      const todos = todosOf(person, state);
      for (const todo of todos.length ? todos : ['nothing waits for you today']) print(`      - ${todo}`);
    }
    print(`  mutation { login(email: "${DEMO_PEOPLE[0].email}", password: "${DEMO_PASSWORD}") { token } }`);
    return loaded;
  } finally {
    await app.close();
  }
}
