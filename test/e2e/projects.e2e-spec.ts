import { codeOf, TestApp, TestUser, unique } from '../support/test-app';

const CREATE = `mutation($input: CreateProjectInput!) {
  createProject(input: $input) {
    id code name clientName systemName status startDate templateKey timeToleranceDays version
    calendar { code name }
    stages { id kind name sequence status plannedStart plannedFinish exitCriteria { id kind text priority status } }
    criteria { kind text }
    functionAreas { name }
    members { role user { id email } }
  }
}`;

const projectInput = (overrides: Record<string, unknown> = {}) => ({
  code: unique('CRM'),
  name: 'CRM for Belaya Dacha',
  clientName: 'Belaya Dacha',
  systemName: 'Client-service platform',
  templateKey: 'prince2-crm',
  startDate: '2026-03-02',
  ...overrides,
});

describe('projects (e2e)', () => {
  let t: TestApp;
  let admin: TestUser;
  let pm: TestUser;

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.user({ admin: true });
    pm = await t.user();
  });
  afterAll(() => t.close());

  const countRows = async (table: string) => Number((await t.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);

  it('creates a project from a methodology template with its stages, tasks and criteria', async () => {
    const input = projectInput();
    const { createProject: p } = await t.ok(CREATE, { input }, pm.token);
    expect(p).toMatchObject({ code: input.code, status: 'PLANNING', startDate: '2026-03-02', templateKey: 'prince2-crm', timeToleranceDays: 10, version: 1 });
    expect(p.stages.map((s: any) => s.kind)).toEqual(['DIAGNOSTICS', 'ANALYSIS', 'CONFIGURATION', 'DEPLOYMENT_PILOT', 'SUPPORT_TRANSITION']);
    expect(p.stages.map((s: any) => s.sequence)).toEqual([1, 2, 3, 4, 5]);
    expect(p.stages.every((s: any) => s.status === 'NOT_STARTED' && s.exitCriteria.length > 0)).toBe(true);
    expect(p.stages.every((s: any) => s.exitCriteria.every((c: any) => c.kind === 'EXIT' && c.status === 'PENDING'))).toBe(true);
    // Stages follow each other: each starts after the previous one finishes.
    for (let i = 1; i < p.stages.length; i++) expect(p.stages[i].plannedStart > p.stages[i - 1].plannedFinish).toBe(true);
    expect(p.stages[0].plannedStart).toBe('2026-03-02');
    expect(p.criteria.filter((c: any) => c.kind === 'COMPLETION').length).toBeGreaterThanOrEqual(4);
    expect(p.members).toEqual([{ role: 'PROJECT_MANAGER', user: { id: pm.id, email: pm.email } }]);

    // The template's standard tasks, chained finish-to-start in order: one chain from the first
    // task of Diagnostics to the last of Transition to support, each stage as long as the template says.
    const { project } = await t.ok(`query($id: ID!) { project(id: $id) {
      stages { id sequence plannedStart plannedFinish }
      tasks { id name durationDays stage { id } predecessors { type lagDays predecessor { id } } successors { successor { id } } } } }`, { id: p.id }, pm.token);
    const { methodologyTemplates } = await t.ok('{ methodologyTemplates { key stages { durationDays } } }', {}, pm.token);
    const template = methodologyTemplates.find((m: any) => m.key === 'prince2-crm');
    const first = project.tasks.filter((x: any) => x.predecessors.length === 0);
    expect(first).toHaveLength(1);
    const chain = [first[0]];
    while (chain.at(-1).successors.length) {
      expect(chain.at(-1).successors).toHaveLength(1);
      chain.push(project.tasks.find((x: any) => x.id === chain.at(-1).successors[0].successor.id));
    }
    expect(chain).toHaveLength(project.tasks.length);
    for (const task of chain.slice(1)) expect(task.predecessors.map((d: any) => [d.type, d.lagDays])).toEqual([['FS', 0]]);
    const sequenceOf = new Map(project.stages.map((s: any) => [s.id, s.sequence]));
    const sequences = chain.map((x: any) => sequenceOf.get(x.stage.id));
    expect(sequences).toEqual([...sequences].sort());
    project.stages.forEach((stage: any, i: number) => {
      const days = chain.filter((x: any) => x.stage.id === stage.id).reduce((sum: number, x: any) => sum + x.durationDays, 0);
      expect(days).toBe(template.stages[i].durationDays);
    });
  });

  it('a refused field is named in the error', async () => {
    const result = await t.gql(CREATE, { input: projectInput({ name: '   ' }) }, pm.token);
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0].extensions!.field).toBe('name');
    expect(result.errors![0].message).toMatch(/name/);
    // A date the scalar refuses is named the same way.
    const date = await t.gql(CREATE, { input: projectInput({ startDate: '2026-02-30' }) }, pm.token);
    expect(codeOf(date)).toBe('BAD_USER_INPUT');
    expect(date.errors![0].extensions!.field).toBe('startDate');
    expect(date.errors![0].message).toContain('"2026-02-30" is not a calendar date');
  });

  it('lists the methodology templates', async () => {
    const { methodologyTemplates } = await t.ok('{ methodologyTemplates { key name stages { kind name durationDays } } }', {}, pm.token);
    expect(methodologyTemplates.map((m: any) => m.key)).toEqual(expect.arrayContaining(['prince2-crm', 'billing-remote', 'client-service-waves']));
  });

  describe('refusals write nothing', () => {
    it.each([
      ['an unknown template', { templateKey: 'no-such-template' }, 'UNKNOWN_TEMPLATE'],
      ['an empty name', { name: '  ' }, 'BAD_USER_INPUT'],
      ['an invalid date', { startDate: '2026-02-30' }, 'BAD_USER_INPUT'],
      ['a malformed code', { code: 'bad code!' }, 'BAD_USER_INPUT'],
      ['an unknown calendar', { calendarCode: 'MARS' }, 'BAD_USER_INPUT'],
      ['a negative tolerance', { timeToleranceDays: -1 }, 'BAD_USER_INPUT'],
    ])('%s', async (_label, overrides, code) => {
      const before = await Promise.all(['project', 'stage', 'task', 'criterion'].map(countRows));
      const result = await t.gql(CREATE, { input: projectInput(overrides) }, pm.token);
      expect(codeOf(result)).toBe(code);
      expect(result.errors![0].message).toMatch(/\w{4,}/);
      expect(await Promise.all(['project', 'stage', 'task', 'criterion'].map(countRows))).toEqual(before);
    });

    it('a taken code is DUPLICATE, case-insensitively', async () => {
      const input = projectInput();
      await t.ok(CREATE, { input }, pm.token);
      const before = await countRows('project');
      const result = await t.gql(CREATE, { input: { ...input, code: input.code.toLowerCase() } }, pm.token);
      expect(codeOf(result)).toBe('DUPLICATE');
      expect(result.errors![0].message).toContain('already taken');
      expect(await countRows('project')).toBe(before);
    });

    it('without a token it is UNAUTHENTICATED', async () => {
      expect(codeOf(await t.gql(CREATE, { input: projectInput() }))).toBe('UNAUTHENTICATED');
      expect(codeOf(await t.gql(CREATE, { input: projectInput() }, 'not-a-token'))).toBe('UNAUTHENTICATED');
    });

    it('errors carry no stack trace outside development', async () => {
      const result = await t.gql(CREATE, { input: projectInput({ templateKey: 'nope' }) }, pm.token);
      expect(JSON.stringify(result)).not.toMatch(/stacktrace|\.ts:\d+|at .*\(/);
    });
  });

  describe('visibility and pagination', () => {
    let owner: TestUser;
    const codes: string[] = [];
    const prefix = unique('PAGE').toUpperCase();

    beforeAll(async () => {
      owner = await t.user();
      for (let i = 0; i < 5; i++) {
        const { createProject } = await t.ok(CREATE, { input: projectInput({ code: `${prefix}-${i}`, name: `Wave rollout ${i}` }) }, owner.token);
        codes.push(createProject.code);
      }
    });

    const LIST = `query($first: Int, $after: String, $filter: ProjectFilter) {
      projects(first: $first, after: $after, filter: $filter) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { code } } }
    }`;

    it('pages through a member’s projects with cursors and a total count', async () => {
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      do {
        const { projects }: any = await t.ok(LIST, { first: 2, after, filter: { search: prefix } }, owner.token);
        expect(projects.totalCount).toBe(5);
        seen.push(...projects.edges.map((e: any) => e.node.code));
        after = projects.pageInfo.hasNextPage ? projects.pageInfo.endCursor : null;
        pages++;
      } while (after);
      expect(pages).toBe(3);
      expect(seen).toEqual(codes);
    });

    it('shows other users nothing of projects they are not members of; administrators see all', async () => {
      const stranger = await t.user();
      const { projects } = await t.ok(LIST, { first: 50, filter: { search: prefix } }, stranger.token);
      expect(projects.totalCount).toBe(0);
      const asAdmin = await t.ok(LIST, { first: 50, filter: { search: prefix } }, admin.token);
      expect(asAdmin.projects.totalCount).toBe(5);
    });

    it('refuses a page size above the limit', async () => {
      expect(codeOf(await t.gql(LIST, { first: 1000 }, owner.token))).toBe('BAD_USER_INPUT');
    });

    it('refuses a cursor it did not hand out, naming the argument', async () => {
      // "AA" decodes to a NUL byte, which PostgreSQL would refuse deep inside the query.
      for (const after of ['AA', 'not a cursor', Buffer.from(`${prefix}-0' OR 1=1`).toString('base64url'), `${Buffer.from(`${prefix}-0`).toString('base64url')}=`]) {
        const result = await t.gql(LIST, { first: 2, after }, owner.token);
        expect(codeOf(result)).toBe('BAD_USER_INPUT');
        expect(result.errors?.[0]?.message).toMatch(/^after must be/);
      }
      const { projects }: any = await t.ok(LIST, { first: 1, after: Buffer.from(`${prefix}-3`).toString('base64url'), filter: { search: prefix } }, owner.token);
      expect(projects.edges.map((e: any) => e.node.code)).toEqual([`${prefix}-4`]);
    });

    it('answers NOT_FOUND for a project the user is not a member of, as for one that does not exist', async () => {
      const stranger = await t.user();
      const { projects } = await t.ok(LIST, { first: 1, filter: { search: prefix } }, owner.token);
      const id = (await t.ok('query($c: String) { projects(filter: { search: $c }) { edges { node { id } } } }', { c: projects.edges[0].node.code }, owner.token))
        .projects.edges[0].node.id;
      expect(codeOf(await t.gql('query($id: ID!) { project(id: $id) { id } }', { id }, stranger.token))).toBe('NOT_FOUND');
      expect(codeOf(await t.gql('query($id: ID!) { project(id: $id) { id } }', { id: '00000000-0000-4000-8000-000000000000' }, stranger.token))).toBe('NOT_FOUND');
    });
  });
});
