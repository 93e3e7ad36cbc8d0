import pg from 'pg';
import { DataSource } from 'typeorm';
import { buildEmbeddedDataSourceOptions } from '../../src/common/database/data-source-options';
import { EmbeddedPostgres } from '../../src/common/database/embedded-postgres';

/**
 * The embedded database serves exactly one connection (pglite-socket interleaves the protocol
 * messages of several into PGlite's one session); requests queue for it in the pool, and a
 * request that would wait for a second connection while holding the first gets an error in time.
 */
describe('embedded database: one connection (integration)', () => {
  let db: EmbeddedPostgres;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await EmbeddedPostgres.start(undefined);
    dataSource = new DataSource(buildEmbeddedDataSourceOptions(db.url, 1000));
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.stop();
  });

  it('answers parallel parameterised queries each with its own rows', async () => {
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) =>
      dataSource.query('SELECT $1::int AS n, $2::text AS label FROM generate_series(1, $1::int)', [i + 1, `q${i}`])));
    answers.forEach((rows, i) => {
      expect(rows).toHaveLength(i + 1);
      expect(rows.every((row: { n: number; label: string }) => row.n === i + 1 && row.label === `q${i}`)).toBe(true);
    });
  });

  it('keeps a transaction whole while other requests wait for the connection', async () => {
    await dataSource.query('CREATE TABLE counter (n int NOT NULL)');
    await dataSource.query('INSERT INTO counter VALUES (0)');
    // Read-modify-write in separate round trips: lost updates if two transactions interleaved.
    await Promise.all(Array.from({ length: 20 }, () => dataSource.transaction('REPEATABLE READ', async (em) => {
      const [{ n }] = await em.query('SELECT n FROM counter');
      await em.query('UPDATE counter SET n = $1', [n + 1]);
    })));
    expect(await dataSource.query('SELECT n FROM counter')).toEqual([{ n: 20 }]);
  });

  it('opens one connection at most, and the database refuses a second instead of interleaving it', async () => {
    await Promise.all(Array.from({ length: 10 }, () => dataSource.query('SELECT pg_sleep(0.01)')));
    expect((dataSource.driver as unknown as { master: { totalCount: number } }).master.totalCount).toBe(1);
    const second = new pg.Client({ connectionString: db.url });
    await expect(second.connect()).rejects.toThrow();
    await second.end().catch(() => undefined);
    expect(await dataSource.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });

  it('ends a wait for a second connection while the first is held with an error, not a hang', async () => {
    const started = Date.now();
    await expect(dataSource.transaction(async () => dataSource.query('SELECT 1'))).rejects.toThrow(/timeout/);
    expect(Date.now() - started).toBeLessThan(5000);
    // The transaction was rolled back and the connection is free again.
    expect(await dataSource.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });
});
