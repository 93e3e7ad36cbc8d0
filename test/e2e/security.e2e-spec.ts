import { jest } from '@jest/globals';
import { codeOf, GraphQLResponse, TestApp, TestUser, unique } from '../support/test-app';

/** Everything written to stdout and stderr while `work` runs (and not shown). */
async function captureOutput(work: () => Promise<void>): Promise<string> {
  const written: string[] = [];
  const capture = (stream: NodeJS.WriteStream) => {
    const original = stream.write.bind(stream);
    stream.write = ((chunk: unknown) => {
      written.push(String(chunk));
      return true;
    }) as typeof stream.write;
    return () => { stream.write = original as typeof stream.write; };
  };
  const restore = [capture(process.stdout), capture(process.stderr)];
  try {
    await work();
  } finally {
    restore.forEach((undo) => undo());
  }
  return written.join('');
}

/** The code and field of the first error. */
const refusal = (result: GraphQLResponse) => ({ code: codeOf(result), field: result.errors?.[0]?.extensions?.field });

describe('security (e2e)', () => {
  let t: TestApp;
  let user: TestUser;

  const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    fetch(`${t.url}/graphql`, { method: 'POST', headers: { ...headers, authorization: `Bearer ${user.token}` }, body });
  const stillAnswers = async () => expect((await t.ok('{ me { id } }', {}, user.token)).me.id).toBe(user.id);

  beforeAll(async () => {
    t = await TestApp.start({ JWT_EXPIRES_IN: '3s' });
    user = await t.user();
  });
  afterAll(() => t.close());

  describe('hostile queries are refused before execution', () => {
    it('depth 14', async () => {
      // project → tasks → 6 × (successors → successor) → id: 14 levels of selection.
      let selection = 'id';
      for (let i = 0; i < 6; i++) selection = `successors { successor { ${selection} } }`;
      const result = await t.gql(`query($id: ID!) { project(id: $id) { tasks { ${selection} } } }`, { id: '00000000-0000-4000-8000-000000000000' }, user.token);
      expect(codeOf(result)).toBe('QUERY_TOO_COMPLEX');
      await stillAnswers();
    });

    it('500 aliases', async () => {
      const fields = Array.from({ length: 500 }, (_, i) => `a${i}: me { id }`).join(' ');
      expect(codeOf(await t.gql(`{ ${fields} }`, {}, user.token))).toBe('QUERY_TOO_COMPLEX');
      await stillAnswers();
    });

    it('a query text longer than 20,000 characters', async () => {
      const args = Array.from({ length: 6000 }, () => '"x"').join(' ');
      const response = await post(JSON.stringify({ query: `query Q($a: [String] = [${args}]) { me { id } }` }));
      expect(response.status).toBe(400);
      expect(((await response.json()) as any).errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
      await stillAnswers();
    });

    it('too many root fields without aliases, through fragments', async () => {
      const spreads = Array.from({ length: 25 }, (_, i) => `...F${i}`).join(' ');
      const fragments = Array.from({ length: 25 }, (_, i) => `fragment F${i} on Query { me { id } }`).join(' ');
      expect(codeOf(await t.gql(`{ ${spreads} } ${fragments}`, {}, user.token))).toBe('QUERY_TOO_COMPLEX');
    });

    it('a 2 MB body, answered as a GraphQL error', async () => {
      const response = await post(JSON.stringify({ query: 'mutation($n: String!) { login(email: $n, password: "x") { token } }', variables: { n: 'x'.repeat(2 * 1024 * 1024) } }));
      expect(response.status).toBe(413);
      expect(await response.json()).toEqual({ errors: [{ message: 'A request body may be at most 1 MB', extensions: { code: 'BAD_USER_INPUT' } }] });
      await stillAnswers();
    });

    it('an over-long name inside the limit of the body', async () => {
      const result = await t.gql('mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }', {
        i: { code: 'LONG-NAME', name: 'x'.repeat(201), clientName: 'c', templateKey: 'prince2-crm', startDate: '2026-03-02' },
      }, user.token);
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
    });

    it('malformed JSON and a wrong content type, answered as GraphQL errors without a stack or the body', async () => {
      const malformed = await post('{"query": "{ me { id } ', { 'content-type': 'application/json' });
      expect(malformed.status).toBe(400);
      expect(malformed.headers.get('content-type')).toMatch(/^application\/json/);
      const text = await malformed.text();
      expect(JSON.parse(text)).toEqual({ errors: [{ message: 'The request body is not valid JSON', extensions: { code: 'BAD_USER_INPUT' } }] });
      expect(text).not.toMatch(/query|stack|at .*\.[jt]s/);
      const wrongType = await post('{"query": "{ me { id } }"}', { 'content-type': 'text/plain' });
      expect(wrongType.status).toBe(400);
      expect(((await wrongType.json()) as any).errors[0].extensions.code).toBe('BAD_USER_INPUT');
      await stillAnswers();
    });

    it('a GET query without a preflight header (Apollo CSRF prevention), but not one with it', async () => {
      const url = `${t.url}/graphql?query=${encodeURIComponent('{ me { id } }')}`;
      const simple = await fetch(url, { headers: { authorization: `Bearer ${user.token}` } });
      expect(simple.status).toBe(400);
      const body: any = await simple.json();
      expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(body.errors[0].message).toMatch(/Cross-Site Request Forgery/);
      expect(body.data).toBeUndefined();
      const preflighted = await fetch(url, { headers: { authorization: `Bearer ${user.token}`, 'apollo-require-preflight': 'true' } });
      expect(((await preflighted.json()) as any).data.me.id).toBe(user.id);
    });

    it('variables nested 100,000 levels deep, and a hash-only persisted query, are BAD_USER_INPUT', async () => {
      // Written out by hand: JSON.stringify itself cannot walk values this deep.
      const deep = `${'['.repeat(100_000)}"a"${']'.repeat(100_000)}`;
      const nested = await post(`{"query":"mutation($s: ID!, $u: [ID!]!) { inviteToTraining(sessionId: $s, userIds: $u) { id } }","variables":{"s":"00000000-0000-4000-8000-000000000000","u":${deep}}}`);
      expect(((await nested.json()) as any).errors[0].extensions.code).toBe('BAD_USER_INPUT');
      const deepFilter = `${'{"search":'.repeat(50_000)}"x"${'}'.repeat(50_000)}`;
      const filter = await post(`{"query":"query($f: ProjectFilter) { projects(filter: $f) { totalCount } }","variables":{"f":${deepFilter}}}`);
      expect(((await filter.json()) as any).errors[0].extensions.code).toBe('BAD_USER_INPUT');
      const hashOnly = await post(JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } }));
      const hashBody: any = await hashOnly.json();
      expect(hashBody.errors).toEqual([{ message: 'Persisted queries are not supported; send the query text', extensions: { code: 'BAD_USER_INPUT', reason: 'PERSISTED_QUERY_NOT_SUPPORTED' } }]);
      await stillAnswers();
    });

    it('an unknown field answers BAD_USER_INPUT without suggesting names, in a message that reads cleanly', async () => {
      const result = await t.gql('{ projectz { totalCount } }', {}, user.token);
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(result.errors![0].message).toBe('Cannot query field "projectz" on type "Query".');
      // In variables too: an unknown input field, and a misspelt enum value.
      const input = await t.gql('query($f: ProjectFilter) { projects(filter: $f) { totalCount } }', { f: { statuz: 'PLANNING' } }, user.token);
      expect(input.errors![0].message).toMatch(/Field "statuz" is not defined by type "ProjectFilter"\.$/);
      const value = await t.gql('query($f: ProjectFilter) { projects(filter: $f) { totalCount } }', { f: { status: 'PLANING' } }, user.token);
      expect(value.errors![0].message).toMatch(/Value "PLANING" does not exist in "ProjectStatus" enum\.$/);
      for (const { message } of [...result.errors!, ...input.errors!, ...value.errors!]) expect(message).not.toMatch(/Suggestion|Did you mean|\?/);
    });

    it('an empty id is said to be empty', async () => {
      for (const id of ['', '   ']) {
        const result = await t.gql('query($id: ID!) { project(id: $id) { id } }', { id }, user.token);
        expect(result.errors).toEqual([expect.objectContaining({ message: 'Project id is empty; send the id of an existing one', extensions: expect.objectContaining({ code: 'NOT_FOUND' }) })]);
      }
    });
  });

  // The suite's tokens live 3 seconds; this test signs in to an app of its own.
  describe('answers that would grow without bound', () => {
    let t: TestApp;
    let user: TestUser;
    const post = (body: string) =>
      fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${user.token}` }, body });
    const stillAnswers = async () => expect((await t.ok('{ me { id } }', {}, user.token)).me.id).toBe(user.id);
    beforeAll(async () => {
      t = await TestApp.start();
      user = await t.user();
    });
    afterAll(() => t.close());

    it('a small query nesting lists is stopped while it runs, with the server unharmed', async () => {
      const project = (await t.ok('mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }', {
        i: { code: unique('FAN'), name: 'Fan-out', clientName: 'Client', templateKey: 'billing-remote', startDate: '2026-03-02' },
      }, user.token)).createProject.id;
      const area = (await t.ok('mutation($p: ID!) { addFunctionArea(projectId: $p, name: "Orders") { id } }', { p: project }, user.token)).addFunctionArea.id;
      const milestone = (await t.ok('mutation($i: AddMilestoneInput!) { addMilestone(input: $i) { id } }', { i: { projectId: project, name: 'Orders', splitBy: 'FUNCTION', functionAreaId: area } }, user.token)).addMilestone.id;
      for (let i = 0; i < 37; i++) {
        await t.ok('mutation($i: AddTaskInput!) { addTask(input: $i) { id } }', { i: { projectId: project, milestoneId: milestone, name: `Task ${i}`, durationDays: 1 } }, user.token);
      }
      // Depth 8, no aliases, a low static cost, but 40⁴ ≈ 2.6 million task objects in the milestone's lists.
      const query = 'query($id: ID!) { project(id: $id) { tasks { milestone { tasks { milestone { tasks { milestone { tasks { id } } } } } } } } }';
      const started = Date.now();
      const response = await post(JSON.stringify({ query, variables: { id: project } }));
      const body: any = await response.json();
      expect(body).toEqual({ data: null, errors: [{ message: expect.stringMatching(/^The answer would exceed the 1,000,000 fields one request may resolve/), extensions: { code: 'QUERY_TOO_COMPLEX', maxResultFields: 1_000_000 } }] });
      expect(Date.now() - started).toBeLessThan(60_000); // not a timing test: it must simply come back
      // Mutations run one after the other: the answer says which ran and which did not.
      const mutation = `mutation($i: AddTaskInput!, $j: AddTaskInput!) {
        a: addTask(input: $i) { id milestone { tasks { milestone { tasks { milestone { tasks { milestone { tasks { id } } } } } } } } }
        b: addTask(input: $j) { id } }`;
      const tasksBefore = (await t.ok('query($id: ID!) { project(id: $id) { tasks { id } } }', { id: project }, user.token)).project.tasks.length;
      const both: any = await (await post(JSON.stringify({ query: mutation, variables: {
        i: { projectId: project, milestoneId: milestone, name: 'Ran', durationDays: 1 }, j: { projectId: project, name: 'Never ran', durationDays: 1 } } }))).json();
      expect(both.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
      expect(both.errors[0].message).toMatch(/Carried out: a; .*Not carried out: b$/);
      const names = (await t.ok('query($id: ID!) { project(id: $id) { tasks { name } } }', { id: project }, user.token)).project.tasks.map((x: any) => x.name);
      expect(names).toHaveLength(tasksBefore + 1);
      expect(names).toContain('Ran');
      expect(names).not.toContain('Never ran');
      // The same lists one level less deep are answered in full.
      const smaller = await t.ok('query($id: ID!) { project(id: $id) { tasks { milestone { tasks { milestone { tasks { id } } } } } } }', { id: project }, user.token);
      const inMilestone = smaller.project.tasks.filter((task: any) => task.milestone);
      expect(inMilestone).toHaveLength(41); // 40, and the one the mutation above added
      expect(inMilestone[0].milestone.tasks[0].milestone.tasks).toHaveLength(41);
      await stillAnswers();
    });
  });

  describe('sign-in', () => {
    const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';

    it('locks an email for 15 minutes after 10 failures, the right password included; other emails are unaffected', async () => {
      const victim = await t.user();
      for (let i = 0; i < 10; i++) expect(codeOf(await t.gql(LOGIN, { e: victim.email, p: `wrong-${i}` }))).toBe('UNAUTHENTICATED');
      const locked = await t.gql(LOGIN, { e: victim.email, p: 'correct-horse-battery' });
      expect(codeOf(locked)).toBe('TOO_MANY_REQUESTS');
      expect(locked.errors![0].extensions!.retryAfter).toMatch(/^\d{4}-/);
      const other = await t.user();
      expect(codeOf(await t.gql(LOGIN, { e: other.email, p: 'correct-horse-battery' }))).toBeUndefined();
      // Fifteen minutes later (moved back in the database) the email is open again.
      await t.dataSource.query("UPDATE login_failure SET at = at - interval '16 minutes' WHERE email = $1", [victim.email]);
      expect(codeOf(await t.gql(LOGIN, { e: victim.email, p: 'correct-horse-battery' }))).toBeUndefined();
    });

    it('wrong current passwords in changePassword count as failed sign-ins: a stolen token cannot guess on', async () => {
      const victim = await t.user();
      const { login } = await t.ok(LOGIN, { e: victim.email, p: 'correct-horse-battery' });
      const [before] = await t.dataSource.query('SELECT password_hash, password_changed_at FROM app_user WHERE id = $1', [victim.id]);
      const change = 'mutation($c: String!) { changePassword(currentPassword: $c, newPassword: "taken-over-1") { token } }';
      const results = await Promise.all(Array.from({ length: 12 }, (_, i) => t.gql(change, { c: `guess-${i}` }, login.token)));
      expect(results.filter((r) => codeOf(r) === 'BAD_USER_INPUT')).toHaveLength(10);
      expect(results.filter((r) => codeOf(r) === 'TOO_MANY_REQUESTS')).toHaveLength(2);
      // Locked for changing the password, the right one included, and for signing in.
      expect(codeOf(await t.gql(change, { c: 'correct-horse-battery' }, login.token))).toBe('TOO_MANY_REQUESTS');
      expect(codeOf(await t.gql(LOGIN, { e: victim.email, p: 'correct-horse-battery' }))).toBe('TOO_MANY_REQUESTS');
      const hash = async () => (await t.dataSource.query('SELECT password_hash, password_changed_at FROM app_user WHERE id = $1', [victim.id]))[0];
      expect(await hash()).toEqual(before); // the password did not change
    });

    it('a parallel burst of guesses cannot outrun the lock: at most 10 are checked', async () => {
      const victim = await t.user();
      const results = await Promise.all(Array.from({ length: 30 }, (_, i) => t.gql(LOGIN, { e: victim.email, p: `guess-${i}` })));
      const codes = results.map(codeOf);
      expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(10);
      expect(codes.filter((c) => c === 'TOO_MANY_REQUESTS')).toHaveLength(20);
      const [{ count }] = await t.dataSource.query('SELECT count(*)::int AS count FROM login_failure WHERE email = $1', [victim.email]);
      expect(count).toBe(10);
    });

    it('a password longer than 200 characters is wrong, even when it starts with the right one', async () => {
      const admin = await t.user({ admin: true });
      const email = `${unique('long-password')}@example.test`;
      const password = 'p'.repeat(200);
      await t.ok('mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', { i: { email, fullName: 'Long Password', organization: 'INTEGRATOR', password } }, admin.token);
      const extended = await t.gql(LOGIN, { e: email, p: `${password}-and-more` });
      expect(codeOf(extended)).toBe('UNAUTHENTICATED');
      expect(extended.errors![0].message).toBe('Wrong email or password');
      const { login } = await t.ok(LOGIN, { e: email, p: password });
      const change = 'mutation($c: String!) { changePassword(currentPassword: $c, newPassword: "another-password") { token } }';
      expect(refusal(await t.gql(change, { c: `${password}x` }, login.token))).toEqual({ code: 'BAD_USER_INPUT', field: 'currentPassword' });
      expect(codeOf(await t.gql(change, { c: password }, login.token))).toBeUndefined();
    });

    it('tokens expire', async () => {
      const shortLived = await t.user();
      expect((await t.ok('{ me { id } }', {}, shortLived.token)).me.id).toBe(shortLived.id);
      await new Promise((resolve) => setTimeout(resolve, 4000));
      expect(codeOf(await t.gql('{ me { id } }', {}, shortLived.token))).toBe('UNAUTHENTICATED');
      expect(codeOf(await t.gql('{ projects { totalCount } }', {}, shortLived.token))).toBe('UNAUTHENTICATED');
    });

    it('changing the password revokes older tokens, even of the same second, and gives a working new one', async () => {
      const person = await t.user();
      const { changePassword } = await t.ok('mutation { changePassword(currentPassword: "correct-horse-battery", newPassword: "a-new-password") { token } }', {}, person.token);
      expect(codeOf(await t.gql('{ me { id } }', {}, person.token))).toBe('UNAUTHENTICATED');
      expect((await t.ok('{ me { id } }', {}, changePassword.token)).me.id).toBe(person.id);
      expect(codeOf(await t.gql('mutation { changePassword(currentPassword: "wrong", newPassword: "another-password") { token } }', {}, changePassword.token))).toBe('BAD_USER_INPUT');
    });

    it('of two password changes sent together with the same token and current password, one succeeds and the other is refused', async () => {
      const person = await t.user();
      const change = 'mutation($n: String!) { changePassword(currentPassword: "correct-horse-battery", newPassword: $n) { token } }';
      const candidates = ['first-new-password', 'second-new-password'];
      const results = await Promise.all(candidates.map((n) => t.gql(change, { n }, person.token)));
      const winners = candidates.filter((_, i) => codeOf(results[i]) === undefined);
      expect(winners).toHaveLength(1);
      const loser = results.find((r) => codeOf(r) !== undefined)!;
      expect(refusal(loser)).toEqual({ code: 'BAD_USER_INPUT', field: 'currentPassword' });
      // The winner's password is the one that signs in; the other and the old one do not.
      for (const p of [...candidates, 'correct-horse-battery']) {
        expect({ p, code: codeOf(await t.gql(LOGIN, { e: person.email, p })) }).toEqual({ p, code: p === winners[0] ? undefined : 'UNAUTHENTICATED' });
      }
    });
  });

  describe('configuration', () => {
    it('introspection needs a token like every operation, and can be turned off outside development', async () => {
      // A fresh token: the suite's live 3 seconds.
      expect(codeOf(await t.gql('{ __schema { queryType { name } } }', {}, (await t.user()).token))).toBeUndefined();
      for (const query of ['{ __schema { queryType { name } } }', '{ __type(name: "Project") { name } }', '{ ... on Query { __schema { types { name } } } }', 'query { ...S } fragment S on Query { __schema { types { name } } }']) {
        const anonymous = await t.gql(query);
        expect(codeOf(anonymous)).toBe('UNAUTHENTICATED');
        expect(anonymous.data ?? null).toBeNull();
      }
      const closed = await TestApp.start({ GRAPHQL_INTROSPECTION: 'false' });
      try {
        const other = await closed.user();
        const refused = await closed.gql('{ __schema { queryType { name } } }', {}, other.token);
        expect(codeOf(refused)).toBe('BAD_USER_INPUT');
        expect(refused.errors![0].message).toBe('Introspection is off on this service (GRAPHQL_INTROSPECTION=false); read schema.gql instead');
        expect((await closed.ok('{ me { id } }', {}, other.token)).me.id).toBe(other.id);
      } finally {
        await closed.close();
      }
    });

    it('logs carry no passwords or tokens, even when requests fail', async () => {
      const log = await captureOutput(async () => {
        await t.gql('mutation { login(email: "nobody@example.test", password: "secret-password-123") { token } }');
        await t.gql('mutation { changePassword(currentPassword: "secret-password-456", newPassword: "short") { token } }', {}, user.token);
        await t.gql('{ projects(first: 100000) { totalCount } }', {}, user.token);
      });
      expect(log).not.toContain('secret-password');
      expect(log).not.toContain(user.token);
    });
  });

  describe('HTTP', () => {
    it('sends security headers and no CORS permission by default', async () => {
      const response = await fetch(`${t.url}/health`, { headers: { origin: 'https://evil.example' } });
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-powered-by')).toBeNull();
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('limits requests per client address, but not the health check a load balancer sends often', async () => {
      const limited = await TestApp.start({ RATE_LIMIT_PER_MINUTE: '5' });
      try {
        const graphql = () => fetch(`${limited.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ me { id } }"}' });
        const statuses: number[] = [];
        for (let i = 0; i < 7; i++) statuses.push((await graphql()).status);
        expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
        expect(((await (await graphql()).json()) as any).errors[0].extensions.code).toBe('TOO_MANY_REQUESTS');
        // The address is over its limit; its health checks are still answered, as is a trailing slash.
        const health: number[] = [];
        for (let i = 0; i < 20; i++) health.push((await fetch(`${limited.url}/health${i % 2 ? '/' : ''}`)).status);
        expect(health).toEqual(Array(20).fill(200));
        expect(await (await fetch(`${limited.url}/health`)).json()).toEqual({ status: 'ok', database: 'up' });
        expect((await graphql()).status).toBe(429);
      } finally {
        await limited.close();
      }
    });

    it('allows configured CORS origins only', async () => {
      const open = await TestApp.start({ CORS_ORIGINS: 'https://planner.example' });
      try {
        const allowed = await fetch(`${open.url}/health`, { headers: { origin: 'https://planner.example' } });
        expect(allowed.headers.get('access-control-allow-origin')).toBe('https://planner.example');
        const other = await fetch(`${open.url}/health`, { headers: { origin: 'https://evil.example' } });
        expect(other.headers.get('access-control-allow-origin')).toBeNull();
      } finally {
        await open.close();
      }
    });
  });

  // The suite's tokens live 3 seconds (for the expiry test); these tests sign in to an app of their own.
  describe('input bounds', () => {
    let t: TestApp;
    let user: TestUser;
    const stillAnswers = async () => expect((await t.ok('{ me { id } }', {}, user.token)).me.id).toBe(user.id);
    const CREATE = 'mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }';
    const SUPPORT = 'mutation($p: ID!, $c: String) { decideSupportTransition(projectId: $p, outcome: APPROVED_WITH_CONDITIONS, conditions: $c) { outcome } }';
    let clientSteering: TestUser;
    let projectId: string;
    let criterionId: string;

    /** What a refused request of these tests could have written. */
    const written = async () => (await t.dataSource.query(
      `SELECT (SELECT count(*) FROM gate_decision WHERE project_id = $1)::int AS decisions,
              (SELECT count(*) FROM territory WHERE project_id = $1)::int AS territories,
              (SELECT count(*) FROM function_area WHERE project_id = $1)::int AS areas,
              (SELECT count(*) FROM confirmer_change cc JOIN criterion c ON c.id = cc.criterion_id WHERE c.project_id = $1)::int AS confirmer_changes,
              (SELECT count(*) FROM criterion WHERE project_id = $1)::int AS criteria,
              (SELECT count(*) FROM training_session WHERE project_id = $1)::int AS sessions,
              (SELECT count(*) FROM project WHERE code LIKE 'BOUNDS-%')::int AS projects`, [projectId]))[0];
    const newProject = (overrides: Record<string, unknown>) =>
      ({ i: { code: `BOUNDS-${Date.now().toString(36)}`, name: 'Bounds', clientName: 'Client', templateKey: 'prince2-crm', startDate: '2026-03-02', ...overrides } });
    /** No error repeats more than 100 characters of what the client sent. */
    const quotesLittle = (result: GraphQLResponse) => expect(JSON.stringify(result.errors)).not.toMatch(/([xyz])\1{100}/);

    beforeAll(async () => {
      t = await TestApp.start();
      user = await t.user();
      clientSteering = await t.user({ organization: 'CLIENT' as never });
      const { createProject } = await t.ok('mutation($i: CreateProjectInput!) { createProject(input: $i) { id stages { exitCriteria { id } } } }', {
        i: { code: unique('BOUNDS'), name: 'Bounds', clientName: 'Client', templateKey: 'prince2-crm', startDate: '2026-03-02' },
      }, user.token);
      projectId = createProject.id;
      criterionId = createProject.stages[0].exitCriteria[0].id;
      await t.ok('mutation($p: ID!, $u: ID!) { addMember(projectId: $p, userId: $u, role: STEERING_COMMITTEE) { id } }', { p: projectId, u: clientSteering.id }, user.token);
    });
    afterAll(() => t.close());

    it('refuses over-long strings with BAD_USER_INPUT naming the field, writing nothing and quoting little', async () => {
      const before = await written();
      const cases: [string, () => Promise<GraphQLResponse>, string][] = [
        ['conditions of 50,000 characters', () => t.gql(SUPPORT, { p: projectId, c: 'x'.repeat(50_000) }, clientSteering.token), 'conditions'],
        ['conditions of 10,001 characters', () => t.gql(SUPPORT, { p: projectId, c: 'x'.repeat(10_001) }, clientSteering.token), 'conditions'],
        ['conditions in the query text', () => t.gql(`mutation($p: ID!) { decideSupportTransition(projectId: $p, outcome: APPROVED_WITH_CONDITIONS, conditions: "${'x'.repeat(10_001)}") { outcome } }`, { p: projectId }, clientSteering.token), 'conditions'],
        ['templateKey', () => t.gql(CREATE, newProject({ templateKey: 'x'.repeat(201) }), user.token), 'templateKey'],
        ['calendarCode of a project', () => t.gql(CREATE, newProject({ calendarCode: 'x'.repeat(201) }), user.token), 'calendarCode'],
        ['a huge templateKey', () => t.gql(CREATE, newProject({ templateKey: 'x'.repeat(100_000) }), user.token), 'templateKey'],
        ['calendarCode of a territory', () => t.gql('mutation($p: ID!, $c: String) { addTerritory(projectId: $p, name: "North", calendarCode: $c) { id } }', { p: projectId, c: 'x'.repeat(201) }, user.token), 'calendarCode'],
        ['a territory name', () => t.gql('mutation($p: ID!, $n: String!) { addTerritory(projectId: $p, name: $n) { id } }', { p: projectId, n: 'x'.repeat(201) }, user.token), 'name'],
        ['a function area name with a NUL character', () => t.gql('mutation($p: ID!, $n: String!) { addFunctionArea(projectId: $p, name: $n) { id } }', { p: projectId, n: 'Sales\u0000' }, user.token), 'name'],
        ['the projects cursor', () => t.gql('query($a: String) { projects(after: $a) { totalCount } }', { a: 'x'.repeat(201) }, user.token), 'after'],
        ['the projects search', () => t.gql('query($s: String) { projects(filter: { search: $s }) { totalCount } }', { s: 'x'.repeat(201) }, user.token), 'search'],
        ['an id', () => t.gql('query($id: ID!) { project(id: $id) { id } }', { id: 'x'.repeat(101) }, user.token), 'id'],
        ['a date', () => t.gql(CREATE, newProject({ startDate: 'x'.repeat(5000) }), user.token), 'startDate'],
        ['a comment', () => t.gql('mutation($id: ID!, $c: String) { confirmCriterion(id: $id, comment: $c) { id } }', { id: criterionId, c: 'x'.repeat(10_001) }, user.token), 'comment'],
      ];
      for (const [what, send, field] of cases) {
        const result = await send();
        expect({ what, ...refusal(result) }).toEqual({ what, code: 'BAD_USER_INPUT', field });
        quotesLittle(result);
      }
      expect(await written()).toEqual(before);
      await stillAnswers();
    });

    it('refuses lists of more ids than an operation takes', async () => {
      const before = await written();
      const ids = (n: number) => Array.from({ length: n }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
      const cases: [string, () => Promise<GraphQLResponse>, string][] = [
        ['setCriterionConfirmers', () => t.gql('mutation($id: ID!, $c: [ID!]!) { setCriterionConfirmers(id: $id, version: 1, confirmerIds: $c) { id } }', { id: criterionId, c: ids(101) }, user.token), 'confirmerIds'],
        ['addCriterion', () => t.gql('mutation($i: AddCriterionInput!) { addCriterion(input: $i) { id } }', { i: { projectId, text: 'Signed off', confirmerIds: ids(101) } }, user.token), 'confirmerIds'],
        ['inviteToTraining', () => t.gql('mutation($s: ID!, $u: [ID!]!) { inviteToTraining(sessionId: $s, userIds: $u) { id } }', { s: ids(1)[0], u: ids(1001) }, user.token), 'userIds'],
        ['scheduleTraining', () => t.gql('mutation($i: ScheduleTrainingInput!) { scheduleTraining(input: $i) { id } }', { i: {
          projectId, title: 'Orders', audience: 'KEY_USERS', format: 'REMOTE', meetingUrl: 'https://meet.example/x', startsAt: '2026-03-02T10:00:00+03:00',
          endsAt: '2026-03-02T12:00:00+03:00', trainerId: user.id, capacity: 2000, attendeeIds: ids(1001),
        } }, user.token), 'attendeeIds'],
      ];
      for (const [what, send, field] of cases) {
        const result = await send();
        expect({ what, ...refusal(result) }).toEqual({ what, code: 'BAD_USER_INPUT', field });
        expect(result.errors![0].message).toMatch(/(at most|no more than) (100|1000) (items|elements)/);
      }
      expect(await written()).toEqual(before);
    });

    it('quotes at most 100 characters of an unknown template or calendar', async () => {
      const template = await t.gql(CREATE, newProject({ templateKey: 'y'.repeat(200) }), user.token);
      expect(codeOf(template)).toBe('UNKNOWN_TEMPLATE');
      expect(template.errors![0].message).toContain(`"${'y'.repeat(100)}…"`);
      quotesLittle(template);
      const calendar = await t.gql('mutation($p: ID!, $c: String) { addTerritory(projectId: $p, name: "South", calendarCode: $c) { id } }', { p: projectId, c: 'z'.repeat(200) }, user.token);
      expect(refusal(calendar)).toEqual({ code: 'BAD_USER_INPUT', field: 'calendarCode' });
      quotesLittle(calendar);
    });
  });

  describe('project codes', () => {
    it('two creations of one code in different cases at once: exactly one succeeds, the other is DUPLICATE', async () => {
      const user = await t.user();
      for (let round = 0; round < 3; round++) {
        const code = unique('RACE').toUpperCase();
        const create = (c: string) => t.gql('mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }', {
          i: { code: c, name: 'Race', clientName: 'Client', templateKey: 'prince2-crm', startDate: '2026-03-02' },
        }, user.token);
        const results = await Promise.all([create(code), create(code.toLowerCase())]);
        expect(results.map(codeOf).sort()).toEqual(['DUPLICATE', undefined]);
        const [{ count }] = await t.dataSource.query('SELECT count(*)::int AS count FROM project WHERE lower(code) = lower($1)', [code]);
        expect(count).toBe(1);
      }
    });
  });

  describe('behind a proxy', () => {
    const fromAddress = (app: TestApp, address: string) => fetch(`${app.url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': address }, body: '{"query":"{ me { id } }"}',
    }).then((r) => r.status);

    it('with TRUST_PROXY, limits each client address in X-Forwarded-For on its own', async () => {
      const proxied = await TestApp.start({ RATE_LIMIT_PER_MINUTE: '2', TRUST_PROXY: '1' });
      try {
        expect([await fromAddress(proxied, '203.0.113.1'), await fromAddress(proxied, '203.0.113.1'), await fromAddress(proxied, '203.0.113.1')]).toEqual([200, 200, 429]);
        expect(await fromAddress(proxied, '203.0.113.2')).toBe(200);
      } finally {
        await proxied.close();
      }
    });

    it('without it, ignores X-Forwarded-For, which any client can send', async () => {
      const direct = await TestApp.start({ RATE_LIMIT_PER_MINUTE: '2' });
      // The limiter warns that the header is set while no proxy is trusted: a hint for operators.
      const warnings = jest.spyOn(console, 'error').mockImplementation(() => undefined);
      try {
        expect([await fromAddress(direct, '203.0.113.1'), await fromAddress(direct, '203.0.113.2'), await fromAddress(direct, '203.0.113.3')]).toEqual([200, 200, 429]);
        expect(String(warnings.mock.calls[0]?.[0])).toMatch(/X-Forwarded-For/);
      } finally {
        warnings.mockRestore();
        await direct.close();
      }
    });
  });

  describe('production mode', () => {
    it('racing creations of one user: one lands, the others are DUPLICATE without database detail, and no hash is logged', async () => {
      const production = await TestApp.start({ NODE_ENV: 'production' });
      try {
        const admin = await production.user({ admin: true });
        const email = `${unique('race')}@example.test`;
        let results: GraphQLResponse[] = [];
        const log = await captureOutput(async () => {
          results = await Promise.all(Array.from({ length: 8 }, () => production.gql('mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', {
            i: { email, fullName: 'Race', organization: 'CLIENT', password: 'race-password-1' },
          }, admin.token)));
        });
        expect(results.filter((r) => !r.errors)).toHaveLength(1);
        for (const refused of results.filter((r) => r.errors)) {
          expect(codeOf(refused)).toBe('DUPLICATE');
          expect(JSON.stringify(refused)).not.toMatch(/Key \(|app_user|email\)|INSERT/);
        }
        expect(log).not.toMatch(/scrypt\$|password_hash|INSERT INTO/);
      } finally {
        await production.close();
      }
    });

    it('an unexpected error carries a generic message, no stack trace and no SQL, and is logged', async () => {
      const production = await TestApp.start({ NODE_ENV: 'production' });
      const marker = unique('refused-by-the-database');
      // The database refuses one value with an error the service does not expect (on production's
      // own database: on the embedded one every test app has its own).
      await production.dataSource.query(`CREATE OR REPLACE FUNCTION security_spec_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.name = '${marker}' THEN RAISE EXCEPTION 'secret-detail of %', NEW.name; END IF; RETURN NEW; END $$`);
      await production.dataSource.query('CREATE TRIGGER security_spec_refuse BEFORE INSERT ON function_area FOR EACH ROW EXECUTE FUNCTION security_spec_refuse()');
      try {
        const pm = await production.user();
        const { createProject } = await production.ok('mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }', {
          i: { code: unique('PROD'), name: 'Production', clientName: 'Client', templateKey: 'prince2-crm', startDate: '2026-03-02' },
        }, pm.token);
        let result: GraphQLResponse = {};
        const log = await captureOutput(async () => {
          result = await production.gql('mutation($p: ID!, $n: String!) { addFunctionArea(projectId: $p, name: $n) { id } }', { p: createProject.id, n: marker }, pm.token);
        });
        expect(result.errors).toEqual([{ message: 'Internal server error; the incident was logged', locations: expect.any(Array), path: ['addFunctionArea'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
        expect(JSON.stringify(result)).not.toMatch(/secret-detail|INSERT|function_area|stacktrace|\.[jt]s:\d+/);
        expect(log).toContain('secret-detail');
        expect(log).not.toMatch(/INSERT INTO|parameters/); // the query and its values stay out of the log
      } finally {
        await production.dataSource.query('DROP TRIGGER IF EXISTS security_spec_refuse ON function_area');
        await production.dataSource.query('DROP FUNCTION IF EXISTS security_spec_refuse()');
        await production.close();
      }
    });
  });
});
