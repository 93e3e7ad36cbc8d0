import { codeOf, TestApp, TestUser } from '../support/test-app';

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

    it('a 2 MB body', async () => {
      const response = await post(JSON.stringify({ query: 'mutation($n: String!) { login(email: $n, password: "x") { token } }', variables: { n: 'x'.repeat(2 * 1024 * 1024) } }));
      expect(response.status).toBe(413);
      await stillAnswers();
    });

    it('an over-long name inside the limit of the body', async () => {
      const result = await t.gql('mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }', {
        i: { code: 'LONG-NAME', name: 'x'.repeat(201), clientName: 'c', templateKey: 'prince2-crm', startDate: '2026-03-02' },
      }, user.token);
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
    });

    it('malformed JSON and a wrong content type', async () => {
      expect((await post('{"query": "{ me { id } ')).status).toBe(400);
      const wrongType = await post('{"query": "{ me { id } }"}', { 'content-type': 'text/plain' });
      expect(wrongType.status).toBe(400);
      await stillAnswers();
    });

    it('an unknown field answers BAD_USER_INPUT without suggesting names', async () => {
      const result = await t.gql('{ projectz { totalCount } }', {}, user.token);
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(result.errors![0].message).not.toMatch(/Did you mean/);
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

    it('a parallel burst of guesses cannot outrun the lock: at most 10 are checked', async () => {
      const victim = await t.user();
      const results = await Promise.all(Array.from({ length: 30 }, (_, i) => t.gql(LOGIN, { e: victim.email, p: `guess-${i}` })));
      const codes = results.map(codeOf);
      expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(10);
      expect(codes.filter((c) => c === 'TOO_MANY_REQUESTS')).toHaveLength(20);
      const [{ count }] = await t.dataSource.query('SELECT count(*)::int AS count FROM login_failure WHERE email = $1', [victim.email]);
      expect(count).toBe(10);
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
  });

  describe('configuration', () => {
    it('introspection can be turned off outside development', async () => {
      expect(codeOf(await t.gql('{ __schema { queryType { name } } }', {}, user.token))).toBeUndefined();
      const closed = await TestApp.start({ GRAPHQL_INTROSPECTION: 'false' });
      try {
        const other = await closed.user();
        expect(codeOf(await closed.gql('{ __schema { queryType { name } } }', {}, other.token))).toBe('BAD_USER_INPUT');
        expect((await closed.ok('{ me { id } }', {}, other.token)).me.id).toBe(other.id);
      } finally {
        await closed.close();
      }
    });

    it('logs carry no passwords or tokens, even when requests fail', async () => {
      const written: string[] = [];
      const capture = (stream: NodeJS.WriteStream) => {
        const original = stream.write.bind(stream);
        stream.write = ((chunk: unknown, ...rest: unknown[]) => {
          written.push(String(chunk));
          return (original as (...args: unknown[]) => boolean)(chunk, ...rest);
        }) as typeof stream.write;
        return () => { stream.write = original as typeof stream.write; };
      };
      const restore = [capture(process.stdout), capture(process.stderr)];
      try {
        await t.gql('mutation { login(email: "nobody@example.test", password: "secret-password-123") { token } }');
        await t.gql('mutation { changePassword(currentPassword: "secret-password-456", newPassword: "short") { token } }', {}, user.token);
        await t.gql('{ projects(first: 100000) { totalCount } }', {}, user.token);
      } finally {
        restore.forEach((undo) => undo());
      }
      const log = written.join('');
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

    it('limits requests per client address', async () => {
      const limited = await TestApp.start({ RATE_LIMIT_PER_MINUTE: '5' });
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 7; i++) statuses.push((await fetch(`${limited.url}/health`)).status);
        expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
        expect(statuses.slice(5)).toEqual([429, 429]);
        const body: any = await (await fetch(`${limited.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ me { id } }"}' })).json();
        expect(body.errors[0].extensions.code).toBe('TOO_MANY_REQUESTS');
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
});
