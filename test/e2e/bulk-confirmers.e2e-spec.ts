import { codeOf, TestApp, TestUser, unique } from '../support/test-app';

const BULK = `mutation($i: SetConfirmersInBulkInput!) { setConfirmersInBulk(input: $i) {
  changed { id version confirmers { id } } unchanged { id } skipped { criterion { id } userIds reason } } }`;
const ADD_MEMBER = 'mutation($p: ID!, $u: ID!, $r: ProjectRole!) { addMember(projectId: $p, userId: $u, role: $r) { id } }';
const ADD_CRITERION = 'mutation($i: AddCriterionInput!) { addCriterion(input: $i) { id } }';
const SET_CONFIRMERS = 'mutation($id: ID!, $v: Int!, $c: [ID!]!) { setCriterionConfirmers(id: $id, version: $v, confirmerIds: $c) { id } }';
const ASSIGN_KEY_USER = 'mutation($i: AssignKeyUserInput!) { assignKeyUser(input: $i) { id } }';
const CLIENT = { organization: 'CLIENT' as never };

/** Issue 12, item 5: confirmers for many criteria in one call. */
describe('confirmers in bulk (e2e)', () => {
  let t: TestApp;
  let manager: TestUser, sponsor: TestUser, north: TestUser, south: TestUser, wholeArea: TestUser, consultant: TestUser, observer: TestUser;
  let p: string, orders: string, documents: string, northT: string, southT: string, emptyT: string;
  let stages: { id: string; exitCriteria: { id: string }[] }[];
  let northCriteria: string[], southCriteria: string[], documentsCriteria: string[];

  const bulk = (i: Record<string, unknown>, token = manager.token) => t.gql(BULK, { i: { projectId: p, ...i } }, token);
  const confirmersOf = async (id: string) => (await t.dataSource.query('SELECT user_id FROM criterion_confirmer WHERE criterion_id = $1 ORDER BY user_id', [id])).map((r: any) => r.user_id);
  const version = async (id: string) => (await t.dataSource.query('SELECT version FROM criterion WHERE id = $1', [id]))[0].version;
  /** Everything a refusal must leave as it was. */
  const snapshot = async () => (await t.dataSource.query(
    `SELECT (SELECT count(*) FROM confirmer_change cc JOIN criterion c ON c.id = cc.criterion_id WHERE c.project_id = $1) log,
            (SELECT string_agg(cc.criterion_id::text || cc.user_id::text, ',' ORDER BY cc.criterion_id, cc.user_id) FROM criterion_confirmer cc
               JOIN criterion c ON c.id = cc.criterion_id WHERE c.project_id = $1) confirmers,
            (SELECT sum(version) FROM criterion WHERE project_id = $1) versions`, [p]))[0];
  const sorted = (ids: string[]) => [...ids].sort();
  const assign = (userId: string, functionAreaId: string, territoryId: string | null) => t.ok(ASSIGN_KEY_USER, {
    i: { projectId: p, userId, functionAreaId, territoryId, processKnowledge: 4, systemLogic: 4, engagement: 4, teaching: 4 },
  }, manager.token);

  beforeAll(async () => {
    t = await TestApp.start();
    [manager, sponsor, north, south, wholeArea, consultant, observer] = await Promise.all([
      t.user(), t.user(CLIENT), t.user(CLIENT), t.user(CLIENT), t.user(CLIENT), t.user(), t.user(CLIENT),
    ]);
    const created = (await t.ok('mutation($i: CreateProjectInput!) { createProject(input: $i) { id stages { id exitCriteria { id } } } }', {
      i: { code: unique('BULK'), name: 'Bulk confirmers', clientName: 'Client', templateKey: 'prince2-crm', startDate: '2026-03-02' },
    }, manager.token)).createProject;
    p = created.id;
    stages = created.stages;
    for (const [user, role] of [[sponsor, 'STEERING_COMMITTEE'], [north, 'KEY_USER'], [south, 'KEY_USER'], [wholeArea, 'KEY_USER'], [consultant, 'CONSULTANT'], [observer, 'OBSERVER']] as const) {
      await t.ok(ADD_MEMBER, { p, u: user.id, r: role }, manager.token);
    }
    const add = async (mutation: string, name: string) => (await t.ok(`mutation($p: ID!, $n: String!) { ${mutation}(projectId: $p, name: $n) { id } }`, { p, n: name }, manager.token))[mutation].id;
    [orders, documents, northT, southT, emptyT] = [await add('addFunctionArea', 'Orders'), await add('addFunctionArea', 'Documents'),
      await add('addTerritory', 'North'), await add('addTerritory', 'South'), await add('addTerritory', 'Islands')];
    const milestone = async (name: string, functionAreaId: string, territoryId: string | null, texts: string[]) => {
      const m = (await t.ok('mutation($i: AddMilestoneInput!) { addMilestone(input: $i) { id } }', {
        i: { projectId: p, name, splitBy: territoryId ? 'FUNCTION_AND_TERRITORY' : 'FUNCTION', functionAreaId, territoryId },
      }, manager.token)).addMilestone;
      // Criteria written before the key users are known: the sponsor confirms them for now.
      return Promise.all(texts.map(async (text) => (await t.ok(ADD_CRITERION, { i: { milestoneId: m.id, text, confirmerIds: [sponsor.id] } }, manager.token)).addCriterion.id));
    };
    northCriteria = await milestone('Orders North', orders, northT, ['Orders flow in the North', 'Returns in the North']);
    southCriteria = await milestone('Orders South', orders, southT, ['Orders flow in the South']);
    documentsCriteria = await milestone('Documents', documents, null, ['Documents print']);
  });
  afterAll(() => t.close());

  it('key users assigned later: ADD them to the area’s acceptance criteria in one call, each where eligible, the rest reported', async () => {
    await assign(north.id, orders, northT);
    await assign(south.id, orders, southT);
    const versions = await Promise.all([...northCriteria, ...southCriteria].map(version));
    const before = await snapshot();
    const { setConfirmersInBulk: result } = (await bulk({ functionAreaId: orders, confirmerIds: [north.id, south.id], mode: 'ADD' })).data!;
    expect(sorted(result.changed.map((c: any) => c.id))).toEqual(sorted([...northCriteria, ...southCriteria]));
    expect(result.changed.map((c: any) => c.version)).toEqual(expect.arrayContaining(versions.map((v) => v + 1)));
    for (const c of result.changed) {
      const expected = northCriteria.includes(c.id) ? [sponsor.id, north.id] : [sponsor.id, south.id];
      expect(sorted(c.confirmers.map((u: any) => u.id))).toEqual(sorted(expected));
      expect(await confirmersOf(c.id)).toEqual(sorted(expected));
    }
    expect(result.unchanged).toEqual([]);
    expect(sorted(result.skipped.map((s: any) => `${s.criterion.id}:${s.userIds}`))).toEqual(sorted([
      ...northCriteria.map((id) => `${id}:${south.id}`), ...southCriteria.map((id) => `${id}:${north.id}`),
    ]));
    expect(result.skipped[0].reason).toContain('not assigned as key user');
    // The Documents area was not selected.
    expect(await confirmersOf(documentsCriteria[0])).toEqual([sponsor.id]);
    // One entry per changed criterion in the append-only log, by the project manager.
    expect(Number((await snapshot()).log)).toBe(Number(before.log) + 3);
    const { project } = await t.ok('query($id: ID!) { project(id: $id) { acceptanceLog { kind user { id } criterion { id } confirmers { id } } } }', { id: p }, manager.token);
    const entry = project.acceptanceLog.filter((e: any) => e.kind === 'CONFIRMERS_SET' && e.criterion.id === southCriteria[0]).at(-1);
    expect({ user: entry.user.id, confirmers: sorted(entry.confirmers.map((u: any) => u.id)) }).toEqual({ user: manager.id, confirmers: sorted([sponsor.id, south.id]) });
  });

  it('ADD again changes nothing and records nothing', async () => {
    const before = await snapshot();
    const { setConfirmersInBulk: result } = (await bulk({ functionAreaId: orders, territoryId: northT, confirmerIds: [north.id] })).data!;
    expect(result).toMatchObject({ changed: [], skipped: [] });
    expect(sorted(result.unchanged.map((c: any) => c.id))).toEqual(sorted(northCriteria));
    expect(await snapshot()).toEqual(before);
  });

  it('by stage, REPLACE: every exit criterion of the stage gets exactly these confirmers; a single change with the old version is then stale', async () => {
    const exit = stages[0].exitCriteria.map((c) => c.id);
    const old = await version(exit[0]);
    const { setConfirmersInBulk: result } = (await bulk({ stageId: stages[0].id, confirmerIds: [sponsor.id, north.id], mode: 'REPLACE' })).data!;
    expect(sorted(result.changed.map((c: any) => c.id))).toEqual(sorted(exit));
    for (const id of exit) expect(await confirmersOf(id)).toEqual(sorted([sponsor.id, north.id]));
    expect(codeOf(await t.gql(SET_CONFIRMERS, { id: exit[0], v: old, c: [sponsor.id] }, manager.token))).toBe('STALE_VERSION');
    // Other stages were not selected.
    expect(await confirmersOf(stages[1].exitCriteria[0].id)).toEqual([]);
    const again = (await bulk({ stageId: stages[0].id, confirmerIds: [north.id], mode: 'REPLACE' })).data!.setConfirmersInBulk;
    expect(again.changed).toHaveLength(exit.length);
    for (const id of exit) expect(await confirmersOf(id)).toEqual([north.id]);
  });

  it('REPLACE leaves a criterion whose confirmer’s rejection stands as it was, and says so', async () => {
    const [rejected, other] = northCriteria;
    await t.ok('mutation($id: ID!) { rejectCriterion(id: $id, comment: "Returns are missing") { id } }', { id: rejected }, north.token);
    const { setConfirmersInBulk: result } = (await bulk({ functionAreaId: orders, territoryId: northT, confirmerIds: [sponsor.id], mode: 'REPLACE' })).data!;
    expect(result.changed.map((c: any) => c.id)).toEqual([other]);
    expect(result.skipped).toEqual([{ criterion: { id: rejected }, userIds: [north.id], reason: expect.stringContaining('rejection stands') }]);
    expect(await confirmersOf(rejected)).toEqual(sorted([sponsor.id, north.id]));
    expect(await confirmersOf(other)).toEqual([sponsor.id]);
  });

  it('refuses, changing nothing: people who may confirm none of the criteria (named), outsiders, and selections that say nothing or select nothing', async () => {
    const before = await snapshot();
    const outsider = await t.user(CLIENT);
    const otherProject = (await t.ok('mutation($i: CreateProjectInput!) { createProject(input: $i) { stages { id } } }', {
      i: { code: unique('OTHER'), name: 'Other', clientName: 'Client', templateKey: 'prince2-crm', startDate: '2026-03-02' },
    }, manager.token)).createProject;
    for (const person of [consultant, observer, manager]) {
      const refused = await bulk({ functionAreaId: orders, confirmerIds: [north.id, person.id] });
      expect({ who: person.email, code: codeOf(refused) }).toEqual({ who: person.email, code: 'BAD_USER_INPUT' });
      expect(refused.errors![0].extensions).toMatchObject({ field: 'confirmerIds', userIds: [person.id] });
      expect(refused.errors![0].message).toContain(person.id);
    }
    // A key user of the Orders area may confirm none of the Documents criteria.
    const wrongArea = await bulk({ functionAreaId: documents, confirmerIds: [north.id] });
    expect(wrongArea.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', userIds: [north.id] });
    expect(wrongArea.errors![0].message).toContain('not assigned as key user');
    const cases: [Record<string, unknown>, string][] = [
      [{ functionAreaId: orders, confirmerIds: [outsider.id] }, 'confirmerIds'],
      [{ functionAreaId: orders, confirmerIds: [] }, 'confirmerIds'],
      [{ confirmerIds: [sponsor.id] }, 'stageId'],
      [{ stageId: stages[0].id, functionAreaId: orders, confirmerIds: [sponsor.id] }, 'functionAreaId'],
      [{ stageId: stages[0].id, kind: 'ACCEPTANCE', confirmerIds: [sponsor.id] }, 'kind'],
      [{ stageId: otherProject.stages[0].id, confirmerIds: [sponsor.id] }, 'stageId'],
      [{ territoryId: emptyT, confirmerIds: [sponsor.id] }, 'stageId'],
    ];
    for (const [input, field] of cases) {
      const refused = await bulk(input);
      expect({ input, code: codeOf(refused), field: refused.errors?.[0].extensions?.field }).toEqual({ input, code: 'BAD_USER_INPUT', field });
    }
    expect(await snapshot()).toEqual(before);
  });

  it('only the project manager calls it', async () => {
    const before = await snapshot();
    for (const user of [sponsor, north, consultant, observer]) {
      expect(codeOf(await bulk({ functionAreaId: orders, confirmerIds: [wholeArea.id] }, user.token))).toBe('FORBIDDEN');
    }
    expect(codeOf(await bulk({ functionAreaId: orders, confirmerIds: [wholeArea.id] }, (await t.user()).token))).toBe('NOT_FOUND');
    expect(await snapshot()).toEqual(before);
  });

  it('a bulk call and a single change at the same moment: both land in some order, or the single one is stale — never a silent overwrite', async () => {
    await assign(wholeArea.id, orders, null);
    for (let round = 0; round < 4; round++) {
      const target = (await t.ok(ADD_CRITERION, { i: { milestoneId: (await t.dataSource.query('SELECT milestone_id FROM criterion WHERE id = $1', [southCriteria[0]]))[0].milestone_id, text: `Race ${round}`, confirmerIds: [sponsor.id] } }, manager.token)).addCriterion.id;
      const v = await version(target);
      const [bulked, single] = await Promise.all([
        bulk({ functionAreaId: orders, territoryId: southT, confirmerIds: [wholeArea.id] }),
        t.gql(SET_CONFIRMERS, { id: target, v, c: [sponsor.id, south.id] }, manager.token),
      ]);
      expect(codeOf(bulked)).toBeUndefined();
      const after = await confirmersOf(target);
      if (single.errors) {
        expect(codeOf(single)).toBe('STALE_VERSION');
        expect(after).toEqual(sorted([sponsor.id, wholeArea.id]));
      } else {
        expect(after).toEqual(sorted([sponsor.id, south.id, wholeArea.id]));
      }
    }
  });
});
