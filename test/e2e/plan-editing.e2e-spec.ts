import { codeOf, TestApp, TestUser, unique } from '../support/test-app';

/**
 * Plan editing (issue 12): removing and moving work, editing links and the project, owners, and
 * the people look-up. Every refusal is read back: it changed nothing.
 */
const ADD_TASK = 'mutation($i: AddTaskInput!) { addTask(input: $i) { id version } }';
const UPDATE_TASK = 'mutation($i: UpdateTaskInput!) { updateTask(input: $i) { id version stage { id } milestone { id } owner { id fullName email } } }';
const ADD_LINK = 'mutation($i: AddDependencyInput!) { addDependency(input: $i) { id } }';
const UPDATE_LINK = 'mutation($i: UpdateDependencyInput!) { updateDependency(input: $i) { id type lagDays successor { start } } }';
const REMOVE_TASK = 'mutation($id: ID!) { removeTask(id: $id) }';
const UPDATE_PROJECT = 'mutation($i: UpdateProjectInput!) { updateProject(input: $i) { id name clientName systemName startDate calendar { code } version schedule { finishDate } } }';
const ADD_MILESTONE = 'mutation($i: AddMilestoneInput!) { addMilestone(input: $i) { id version tasks { id name } } }';
const REMOVE_MILESTONE = 'mutation($id: ID!) { removeMilestone(id: $id) }';
const ADD_MEMBER = 'mutation($p: ID!, $u: ID!, $r: ProjectRole!) { addMember(projectId: $p, userId: $u, role: $r) { id } }';

describe('plan editing (e2e)', () => {
  let t: TestApp;
  let pm: TestUser, consultant: TestUser, keyUser: TestUser, outsider: TestUser, admin: TestUser;
  let projectId: string, stageIds: string[];

  const asPm = (query: string, variables: Record<string, unknown> = {}) => t.ok(query, variables, pm.token);
  const task = async (name: string, durationDays = 2, extra: Record<string, unknown> = {}) =>
    (await asPm(ADD_TASK, { i: { projectId, name: unique(name), durationDays, ...extra } })).addTask as { id: string; version: number };
  const link = async (predecessorId: string, successorId: string) => (await asPm(ADD_LINK, { i: { predecessorId, successorId } })).addDependency.id as string;
  const row = async (sql: string, params: unknown[]) => (await t.dataSource.query(sql, params))[0];
  const area = async () => (await asPm('mutation($p: ID!, $n: String!) { addFunctionArea(projectId: $p, name: $n) { id } }', { p: projectId, n: unique('area') })).addFunctionArea.id as string;
  const territory = async () => (await asPm('mutation($p: ID!, $n: String!) { addTerritory(projectId: $p, name: $n) { id } }', { p: projectId, n: unique('plant') })).addTerritory.id as string;
  const milestone = async (functionAreaId: string, extra: Record<string, unknown> = {}) =>
    (await asPm(ADD_MILESTONE, { i: { projectId, name: unique('wave'), splitBy: 'FUNCTION', functionAreaId, ...extra } })).addMilestone as { id: string; version: number; tasks: { id: string; name: string }[] };
  const counts = async () => row(
    `SELECT (SELECT count(*) FROM task WHERE project_id = $1)::int AS tasks,
            (SELECT count(*) FROM dependency WHERE project_id = $1)::int AS links,
            (SELECT count(*) FROM milestone WHERE project_id = $1)::int AS milestones,
            (SELECT count(*) FROM criterion WHERE project_id = $1)::int AS criteria,
            (SELECT count(*) FROM function_area WHERE project_id = $1)::int AS areas,
            (SELECT count(*) FROM territory WHERE project_id = $1)::int AS territories,
            (SELECT max(version) FROM project WHERE id = $1)::int AS project_version`, [projectId]);

  beforeAll(async () => {
    t = await TestApp.start();
    pm = await t.user({ name: 'Pavel Manager' });
    consultant = await t.user();
    keyUser = await t.user({ organization: 'CLIENT' as never, name: 'Ksenia Orlova' });
    outsider = await t.user({ name: 'Oleg Outsider' });
    admin = await t.user({ admin: true, name: `Anna Admin ${unique('a')}` });
    const { createProject } = await t.ok('mutation($i: CreateProjectInput!) { createProject(input: $i) { id stages { id } } }', {
      i: { code: unique('EDIT'), name: 'Editing', clientName: 'Client', templateKey: 'prince2-crm', startDate: '2026-01-05', calendarCode: 'STANDARD' },
    }, pm.token);
    projectId = createProject.id;
    stageIds = createProject.stages.map((s: { id: string }) => s.id);
    await asPm(ADD_MEMBER, { p: projectId, u: consultant.id, r: 'CONSULTANT' });
    await asPm(ADD_MEMBER, { p: projectId, u: keyUser.id, r: 'KEY_USER' });
  });
  afterAll(() => t.close());

  describe('removeTask', () => {
    it('removes the task with its links; the baseline keeps its record', async () => {
      const [a, b, c] = [await task('a', 3), await task('b'), await task('c')];
      await link(a.id, b.id);
      await link(b.id, c.id);
      await asPm('mutation($p: ID!, $n: String!) { captureBaseline(projectId: $p, name: $n) { id } }', { p: projectId, n: unique('baseline') });
      expect(await asPm(REMOVE_TASK, { id: b.id })).toEqual({ removeTask: true });
      expect(await row('SELECT count(*)::int AS n FROM task WHERE id = $1', [b.id])).toEqual({ n: 0 });
      expect(await row('SELECT count(*)::int AS n FROM dependency WHERE predecessor_id = $1 OR successor_id = $1', [b.id])).toEqual({ n: 0 });
      expect(await row('SELECT count(*)::int AS n FROM baseline_entry WHERE task_id = $1', [b.id])).toEqual({ n: 1 });
      const { project } = await asPm('query($id: ID!) { project(id: $id) { tasks { id predecessors { id } } } }', { id: projectId });
      expect(project.tasks.find((x: { id: string }) => x.id === c.id).predecessors).toEqual([]);
    });

    it('refuses a milestone’s go-live task, naming the milestone, and changes nothing', async () => {
      const m = await milestone(await area());
      const goLive = m.tasks.find((x) => x.name.endsWith('go-live'))!;
      const before = await counts();
      const result = await t.gql(REMOVE_TASK, { id: goLive.id }, pm.token);
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(result.errors![0].extensions).toMatchObject({ milestoneId: m.id });
      expect(result.errors![0].message).toMatch(/removeMilestone/);
      expect(await counts()).toEqual(before);
    });

    it('is refused to a consultant and an unknown id is not found', async () => {
      const a = await task('kept');
      expect(codeOf(await t.gql(REMOVE_TASK, { id: a.id }, consultant.token))).toBe('FORBIDDEN');
      expect(codeOf(await t.gql(REMOVE_TASK, { id: '00000000-0000-4000-8000-000000000000' }, pm.token))).toBe('NOT_FOUND');
      expect(await row('SELECT count(*)::int AS n FROM task WHERE id = $1', [a.id])).toEqual({ n: 1 });
    });
  });

  describe('updateDependency', () => {
    it('changes type and lag in place and re-plans the successor', async () => {
      const [a, b] = [await task('p', 5), await task('s', 1)];
      const id = await link(a.id, b.id);
      const { updateDependency } = await asPm(UPDATE_LINK, { i: { id, type: 'SS', lagDays: 1 } });
      expect(updateDependency).toMatchObject({ id, type: 'SS', lagDays: 1, successor: { start: '2026-01-06' } });
      const lagOnly = (await asPm(UPDATE_LINK, { i: { id, lagDays: -1 } })).updateDependency;
      expect(lagOnly).toMatchObject({ type: 'SS', lagDays: -1 });
    });

    it('refuses a lag out of bounds and a non-manager, changing nothing', async () => {
      const [a, b] = [await task('p'), await task('s')];
      const id = await link(a.id, b.id);
      expect(codeOf(await t.gql(UPDATE_LINK, { i: { id, lagDays: 5000 } }, pm.token))).toBe('BAD_USER_INPUT');
      expect(codeOf(await t.gql(UPDATE_LINK, { i: { id, type: 'FF' } }, consultant.token))).toBe('FORBIDDEN');
      expect(await row('SELECT type, lag_days FROM dependency WHERE id = $1', [id])).toEqual({ type: 'FS', lag_days: 0 });
    });
  });

  describe('updateTask: moving and owners', () => {
    it('moves a task between stages and milestones, and takes it out again with null', async () => {
      const m = await milestone(await area());
      const a = await task('move', 2, { stageId: stageIds[0] });
      const moved = (await asPm(UPDATE_TASK, { i: { id: a.id, version: a.version, stageId: stageIds[1], milestoneId: m.id } })).updateTask;
      expect(moved).toMatchObject({ stage: { id: stageIds[1] }, milestone: { id: m.id }, version: a.version + 1 });
      const out = (await asPm(UPDATE_TASK, { i: { id: a.id, version: moved.version, stageId: null, milestoneId: null } })).updateTask;
      expect(out).toMatchObject({ stage: null, milestone: null });
    });

    it('keeps a milestone’s own task with its milestone', async () => {
      const [m, other] = [await milestone(await area()), await milestone(await area())];
      const prepare = m.tasks[0];
      const [{ version }] = await t.dataSource.query('SELECT version FROM task WHERE id = $1', [prepare.id]);
      const result = await t.gql(UPDATE_TASK, { i: { id: prepare.id, version, milestoneId: other.id } }, pm.token);
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(await row('SELECT milestone_id, version FROM task WHERE id = $1', [prepare.id])).toEqual({ milestone_id: m.id, version });
    });

    it('sets an owner who is a member, refuses anyone else by name, and clears with null', async () => {
      const a = await task('owned');
      const owned = (await asPm(UPDATE_TASK, { i: { id: a.id, version: a.version, ownerId: keyUser.id } })).updateTask;
      expect(owned.owner).toMatchObject({ id: keyUser.id, fullName: 'Ksenia Orlova' });
      const refused = await t.gql(UPDATE_TASK, { i: { id: a.id, version: owned.version, ownerId: outsider.id, name: 'renamed too' } }, pm.token);
      expect(codeOf(refused)).toBe('BAD_USER_INPUT');
      expect(refused.errors![0].extensions).toMatchObject({ field: 'ownerId', userIds: [outsider.id] });
      expect(await row('SELECT owner_id, name, version FROM task WHERE id = $1', [a.id])).toMatchObject({ owner_id: keyUser.id, version: owned.version });
      const cleared = (await asPm(UPDATE_TASK, { i: { id: a.id, version: owned.version, ownerId: null } })).updateTask;
      expect(cleared.owner).toBeNull();
    });

    it('a person who leaves the project leaves their tasks without an owner; one who keeps a role keeps them', async () => {
      const leaver = await t.user({ name: 'Lev Leaving' });
      await asPm(ADD_MEMBER, { p: projectId, u: leaver.id, r: 'CONSULTANT' });
      await asPm(ADD_MEMBER, { p: projectId, u: leaver.id, r: 'TRAINER' });
      const a = await task('handed over');
      const owned = (await asPm(UPDATE_TASK, { i: { id: a.id, version: a.version, ownerId: leaver.id } })).updateTask;
      const REMOVE = 'mutation($p: ID!, $u: ID!, $r: ProjectRole!) { removeMember(projectId: $p, userId: $u, role: $r) }';
      await asPm(REMOVE, { p: projectId, u: leaver.id, r: 'TRAINER' });
      expect(await row('SELECT owner_id, version FROM task WHERE id = $1', [a.id])).toEqual({ owner_id: leaver.id, version: owned.version });
      await asPm(REMOVE, { p: projectId, u: leaver.id, r: 'CONSULTANT' });
      expect(await row('SELECT owner_id, version FROM task WHERE id = $1', [a.id])).toEqual({ owner_id: null, version: owned.version + 1 });
    });

    it('reads every task’s owner in one query for the whole list', async () => {
      for (const owner of [consultant, keyUser, pm]) {
        const a = await task('owned');
        await asPm(UPDATE_TASK, { i: { id: a.id, version: a.version, ownerId: owner.id } });
      }
      const queries: string[] = [];
      const logger = t.dataSource.logger;
      const original = logger.logQuery;
      logger.logQuery = (query: string) => { queries.push(query); };
      try {
        const { project } = await asPm('query($id: ID!) { project(id: $id) { tasks { owner { id } } } }', { id: projectId });
        expect(project.tasks.filter((x: { owner: unknown }) => x.owner).length).toBeGreaterThanOrEqual(3);
      } finally {
        logger.logQuery = original;
      }
      expect(queries.length).toBeGreaterThan(0);
      // Besides the sign-in check (one user by id), one query reads every owner.
      const ownerReads = queries.filter((q) => /FROM "app_user"/.test(q) && /IN \(/.test(q));
      expect(ownerReads).toHaveLength(1);
      expect(ownerReads[0]).toMatch(/IN \(\$1, \$2, \$3\)/);
    });

    it('lets a consultant report progress but not move a task or set its owner', async () => {
      const a = await task('consulted', 2, { stageId: stageIds[0] });
      const progressed = (await t.ok(UPDATE_TASK, { i: { id: a.id, version: a.version } }, consultant.token)).updateTask;
      for (const change of [{ stageId: stageIds[1] }, { milestoneId: null }, { ownerId: consultant.id }]) {
        expect(codeOf(await t.gql(UPDATE_TASK, { i: { id: a.id, version: progressed.version, ...change } }, consultant.token))).toBe('FORBIDDEN');
      }
      expect(await row('SELECT stage_id, owner_id, version FROM task WHERE id = $1', [a.id])).toEqual({ stage_id: stageIds[0], owner_id: null, version: progressed.version });
    });

    it('refuses the second of two concurrent edits made with one version', async () => {
      const a = await task('raced');
      const results = await Promise.all([stageIds[1], stageIds[2]].map((stageId) =>
        t.gql(UPDATE_TASK, { i: { id: a.id, version: a.version, stageId } }, pm.token)));
      expect(results.map(codeOf).sort()).toEqual(['STALE_VERSION', undefined]);
    });
  });

  describe('updateProject', () => {
    const version = async () => (await row('SELECT version FROM project WHERE id = $1', [projectId])).version as number;

    it('corrects name, client and system, and re-plans on a new start date and calendar', async () => {
      const before = (await asPm('query($id: ID!) { project(id: $id) { schedule { finishDate } } }', { id: projectId })).project.schedule.finishDate;
      const { updateProject } = await asPm(UPDATE_PROJECT, { i: { id: projectId, version: await version(), name: ' Editing v2 ', clientName: 'Client Ltd', systemName: 'CRM', startDate: '2026-02-02' } });
      expect(updateProject).toMatchObject({ name: 'Editing v2', clientName: 'Client Ltd', systemName: 'CRM', startDate: '2026-02-02' });
      expect(updateProject.schedule.finishDate > before).toBe(true);
      const ru = (await asPm(UPDATE_PROJECT, { i: { id: projectId, version: updateProject.version, calendarCode: 'RU', systemName: null } })).updateProject;
      expect(ru).toMatchObject({ calendar: { code: 'RU' }, systemName: null });
      expect(ru.schedule.finishDate).not.toBe(updateProject.schedule.finishDate);
    });

    it('refuses a stale version, an unknown calendar and non-managers, changing nothing', async () => {
      const current = await version();
      const before = await row('SELECT name, calendar_code, start_date::text, version FROM project WHERE id = $1', [projectId]);
      expect(codeOf(await t.gql(UPDATE_PROJECT, { i: { id: projectId, version: current - 1, name: 'Stale' } }, pm.token))).toBe('STALE_VERSION');
      expect(codeOf(await t.gql(UPDATE_PROJECT, { i: { id: projectId, version: current, name: 'Other', calendarCode: 'MARS' } }, pm.token))).toBe('BAD_USER_INPUT');
      expect(codeOf(await t.gql(UPDATE_PROJECT, { i: { id: projectId, version: current, name: 'Consultant' } }, consultant.token))).toBe('FORBIDDEN');
      expect(codeOf(await t.gql(UPDATE_PROJECT, { i: { id: projectId, version: current, name: 'Outsider' } }, outsider.token))).toBe('NOT_FOUND');
      expect(await row('SELECT name, calendar_code, start_date::text, version FROM project WHERE id = $1', [projectId])).toEqual(before);
    });

    it('refuses the second of two concurrent edits made with one version', async () => {
      const current = await version();
      const results = await Promise.all(['One', 'Two'].map((name) => t.gql(UPDATE_PROJECT, { i: { id: projectId, version: current, name } }, pm.token)));
      expect(results.map(codeOf).sort()).toEqual(['STALE_VERSION', undefined]);
    });

    it('keeps the start date once a stage has started', async () => {
      const { createProject } = await t.ok('mutation($i: CreateProjectInput!) { createProject(input: $i) { id version stages { id } } }', {
        i: { code: unique('RUN'), name: 'Running', clientName: 'Client', templateKey: 'prince2-crm', startDate: '2026-01-05' },
      }, pm.token);
      await asPm('mutation($id: ID!) { startStage(id: $id) { id } }', { id: createProject.stages[0].id });
      const [{ version: v }] = await t.dataSource.query('SELECT version FROM project WHERE id = $1', [createProject.id]);
      const result = await t.gql(UPDATE_PROJECT, { i: { id: createProject.id, version: v, startDate: '2026-03-02', name: 'Moved' } }, pm.token);
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(result.errors![0].extensions).toMatchObject({ field: 'startDate' });
      expect(await row('SELECT name, start_date::text AS start FROM project WHERE id = $1', [createProject.id])).toEqual({ name: 'Running', start: '2026-01-05' });
      expect((await asPm(UPDATE_PROJECT, { i: { id: createProject.id, version: v, name: 'Renamed while running' } })).updateProject.name).toBe('Renamed while running');
    });
  });

  describe('removeMilestone', () => {
    const keyUserAreas = new Set<string>();
    /** An acceptance criterion the key user confirms: they are first made key user of the milestone's area. */
    const criterion = async (milestoneId: string) => {
      const { function_area_id: functionAreaId } = await row('SELECT function_area_id FROM milestone WHERE id = $1', [milestoneId]);
      if (!keyUserAreas.has(functionAreaId)) {
        await asPm('mutation($i: AssignKeyUserInput!) { assignKeyUser(input: $i) { id } }', { i: {
          projectId, userId: keyUser.id, functionAreaId, processKnowledge: 4, systemLogic: 4, engagement: 4, teaching: 4,
        } });
        keyUserAreas.add(functionAreaId);
      }
      return (await asPm('mutation($i: AddCriterionInput!) { addCriterion(input: $i) { id } }', { i: { milestoneId, text: unique('works'), confirmerIds: [keyUser.id] } })).addCriterion.id as string;
    };

    it('removes it with its own tasks and undecided criteria; other tasks stay outside any milestone', async () => {
      const m = await milestone(await area());
      const c = await criterion(m.id);
      const kept = await task('in the wave', 2, { milestoneId: m.id });
      await asPm('mutation($p: ID!, $n: String!) { captureBaseline(projectId: $p, name: $n) { id } }', { p: projectId, n: unique('baseline') });
      expect(await asPm(REMOVE_MILESTONE, { id: m.id })).toEqual({ removeMilestone: true });
      expect(await row('SELECT count(*)::int AS n FROM task WHERE id = ANY($1)', [m.tasks.map((x) => x.id)])).toEqual({ n: 0 });
      expect(await row('SELECT count(*)::int AS n FROM criterion WHERE id = $1', [c])).toEqual({ n: 0 });
      expect(await row('SELECT milestone_id, version FROM task WHERE id = $1', [kept.id])).toEqual({ milestone_id: null, version: kept.version + 1 });
      expect(await row('SELECT count(*)::int AS n FROM baseline_entry WHERE milestone_id = $1', [m.id])).toEqual({ n: 1 });
    });

    it('is refused, listing them, while criteria have confirmations or training is held for it; nothing changes', async () => {
      const m = await milestone(await area());
      const confirmed = await criterion(m.id);
      const open = await criterion(m.id);
      await t.ok('mutation($id: ID!) { confirmCriterion(id: $id) { id } }', { id: confirmed }, keyUser.token);
      const session = (await asPm('mutation($i: ScheduleTrainingInput!) { scheduleTraining(input: $i) { id } }', { i: {
        projectId, title: 'Wave training', audience: 'KEY_USERS', format: 'REMOTE', meetingUrl: 'https://meet.example/w', trainerId: pm.id, capacity: 5,
        milestoneId: m.id, startsAt: '2027-03-01T09:00:00+03:00', endsAt: '2027-03-01T10:00:00+03:00',
      } })).scheduleTraining.id;
      const before = await counts();
      const result = await t.gql(REMOVE_MILESTONE, { id: m.id }, pm.token);
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(result.errors![0].extensions).toMatchObject({ criterionIds: [confirmed], trainingSessionIds: [session] });
      expect(await counts()).toEqual(before);
      expect(await row('SELECT count(*)::int AS n FROM criterion WHERE id = $1', [open])).toEqual({ n: 1 });
    });

    it('keeps a waived criterion and a launched milestone', async () => {
      const sc = await t.user({ organization: 'CLIENT' as never });
      await asPm(ADD_MEMBER, { p: projectId, u: sc.id, r: 'STEERING_COMMITTEE' });
      const waivedIn = await milestone(await area());
      const waived = await criterion(waivedIn.id);
      await t.ok('mutation($id: ID!) { waiveCriterion(id: $id, reason: "Agreed") { id } }', { id: waived }, sc.token);
      expect((await t.gql(REMOVE_MILESTONE, { id: waivedIn.id }, pm.token)).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', criterionIds: [waived] });

      const launched = await milestone(await area());
      await asPm('mutation($i: UpdateMilestoneInput!) { updateMilestone(input: $i) { id } }', { i: { id: launched.id, version: launched.version, status: 'LAUNCHED' } });
      const result = await t.gql(REMOVE_MILESTONE, { id: launched.id }, pm.token);
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(result.errors![0].message).toMatch(/LAUNCHED/);
      expect(await row('SELECT count(*)::int AS n FROM milestone WHERE id = ANY($1)', [[waivedIn.id, launched.id]])).toEqual({ n: 2 });
    });

    it('the database keeps a decided criterion and its confirmer changes whatever path a change takes', async () => {
      const m = await milestone(await area());
      const confirmed = await criterion(m.id);
      await t.ok('mutation($id: ID!) { confirmCriterion(id: $id) { id } }', { id: confirmed }, keyUser.token);
      await expect(t.dataSource.query('DELETE FROM milestone WHERE id = $1', [m.id])).rejects.toThrow(/foreign key|violates/);
      const undecided = await criterion(m.id);
      await expect(t.dataSource.query('DELETE FROM confirmer_change WHERE criterion_id = $1', [undecided])).rejects.toThrow(/append-only/);
    });
  });

  describe('removeFunctionArea and removeTerritory', () => {
    it('removes unused ones', async () => {
      const [a, p] = [await area(), await territory()];
      expect(await asPm('mutation($id: ID!) { removeFunctionArea(id: $id) }', { id: a })).toEqual({ removeFunctionArea: true });
      expect(await asPm('mutation($id: ID!) { removeTerritory(id: $id) }', { id: p })).toEqual({ removeTerritory: true });
      expect(await row('SELECT (SELECT count(*) FROM function_area WHERE id = $1)::int + (SELECT count(*) FROM territory WHERE id = $2)::int AS n', [a, p])).toEqual({ n: 0 });
    });

    it('are refused, listing milestones, key-user assignments and sessions that use them; nothing changes', async () => {
      const [a, p] = [await area(), await territory()];
      const m = await milestone(a, { splitBy: 'FUNCTION_AND_TERRITORY', territoryId: p });
      const assignment = (await asPm('mutation($i: AssignKeyUserInput!) { assignKeyUser(input: $i) { id } }', { i: {
        projectId, userId: keyUser.id, functionAreaId: a, territoryId: p, processKnowledge: 4, systemLogic: 4, engagement: 4, teaching: 4,
      } })).assignKeyUser.id;
      const session = (await asPm('mutation($i: ScheduleTrainingInput!) { scheduleTraining(input: $i) { id } }', { i: {
        projectId, title: 'Area training', audience: 'END_USERS', format: 'ONSITE', location: 'Hall', trainerId: pm.id, capacity: 5,
        functionAreaId: a, territoryId: p, startsAt: '2027-03-02T09:00:00+03:00', endsAt: '2027-03-02T10:00:00+03:00',
      } })).scheduleTraining.id;
      const before = await counts();
      for (const mutation of ['removeFunctionArea', 'removeTerritory']) {
        const result = await t.gql(`mutation($id: ID!) { ${mutation}(id: $id) }`, { id: mutation === 'removeFunctionArea' ? a : p }, pm.token);
        expect(codeOf(result)).toBe('BAD_USER_INPUT');
        expect(result.errors![0].extensions).toMatchObject({ milestoneIds: [m.id], keyUserAssignmentIds: [assignment], trainingSessionIds: [session] });
      }
      expect(await counts()).toEqual(before);
      expect(codeOf(await t.gql('mutation($id: ID!) { removeTerritory(id: $id) }', { id: p }, consultant.token))).toBe('FORBIDDEN');
    });
  });

  describe('users(search:)', () => {
    const SEARCH = 'query($s: String!) { users(search: $s) { id fullName email organization isAdmin } }';

    it('finds people by part of a name or email, with only what adding them needs', async () => {
      const byName = (await t.ok(SEARCH, { s: 'orlova' }, pm.token)).users;
      expect(byName).toContainEqual({ id: keyUser.id, fullName: 'Ksenia Orlova', email: keyUser.email, organization: 'CLIENT', isAdmin: false });
      const byEmail = (await t.ok(SEARCH, { s: outsider.email.toUpperCase() }, pm.token)).users;
      expect(byEmail.map((u: { id: string }) => u.id)).toEqual([outsider.id]);
      expect((await t.ok(SEARCH, { s: '%_%' }, pm.token)).users).toEqual([]);
      // A manager is not told who administers the service; an administrator is.
      const adminName = (await row('SELECT full_name FROM app_user WHERE id = $1', [admin.id])).full_name;
      expect((await t.ok(SEARCH, { s: adminName }, pm.token)).users).toEqual([expect.objectContaining({ id: admin.id, isAdmin: false })]);
      expect((await t.ok(SEARCH, { s: adminName }, admin.token)).users).toEqual([expect.objectContaining({ id: admin.id, isAdmin: true })]);
    });

    it('is for administrators and project managers, and needs two characters', async () => {
      expect(codeOf(await t.gql(SEARCH, { s: 'orlova' }, keyUser.token))).toBe('FORBIDDEN');
      expect(codeOf(await t.gql(SEARCH, { s: 'orlova' }, consultant.token))).toBe('FORBIDDEN');
      expect(codeOf(await t.gql(SEARCH, { s: 'orlova' }))).toBe('UNAUTHENTICATED');
      expect(codeOf(await t.gql(SEARCH, { s: ' o ' }, pm.token))).toBe('BAD_USER_INPUT');
      expect(codeOf(await t.gql('{ users(search: "orlova", first: 500) { id } }', {}, pm.token))).toBe('BAD_USER_INPUT');
    });
  });
});
