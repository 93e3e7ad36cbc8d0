import { QueryFailedError } from 'typeorm';
import { prepared, queryPrepared } from '../../src/common/database/prepared-statement';
import { recordQueries, type SentQuery } from '../support/count-statements';
import { TestApp } from '../support/test-app';

/**
 * The session read runs on every request: it goes to PostgreSQL as a named statement, parsed and
 * planned once per connection, and its failures are mapped as any query's.
 */
describe('prepared statements (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.start();
  });

  afterAll(async () => {
    await t?.close();
  });

  it('sends the session read of a signed-in request under its name, the same name every time', async () => {
    const user = await t.user();
    const read = () => recordQueries(t, () => t.ok('{ me { id } }', {}, user.token));
    const [first, second] = [await read(), await read()];
    const sessionRead = (sent: SentQuery[]) => sent.find((q) => q.text.includes('FROM app_user u'));
    expect(sessionRead(first)?.name).toMatch(/^rp_[0-9a-f]{16}$/);
    expect(sessionRead(second)?.name).toBe(sessionRead(first)?.name);
  });

  it('answers rows, names a text by its content, and fails as TypeORM does (QueryFailedError with the code)', async () => {
    const statement = prepared('SELECT $1::int + 1 AS next');
    expect(prepared('SELECT $1::int + 1 AS next').name).toBe(statement.name);
    expect(prepared('SELECT $1::int + 2 AS next').name).not.toBe(statement.name);
    expect(await queryPrepared(t.dataSource, statement, [41])).toEqual([{ next: 42 }]);
    // Prepared once, run again on a connection that has it already.
    expect(await queryPrepared(t.dataSource, statement, [1])).toEqual([{ next: 2 }]);
    const error = await queryPrepared(t.dataSource, prepared('SELECT * FROM no_such_table'), []).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QueryFailedError);
    expect(error).toMatchObject({ code: '42P01' });
  });
});
