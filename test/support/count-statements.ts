import type { TestApp } from './test-app';

/** A query as the app's pool sent it: its text and, for a named (prepared) statement, its name. */
export interface SentQuery {
  text: string;
  name?: string;
}

/** Queries the app's pool sends while `work` runs (the pg client class the app's pool uses, wrapped). */
export async function recordQueries(t: TestApp, work: () => Promise<unknown>): Promise<SentQuery[]> {
  const pool = (t.dataSource.driver as any).master;
  const client = await pool.connect();
  const proto = Object.getPrototypeOf(client);
  client.release();
  const original = proto.query;
  const sent: SentQuery[] = [];
  proto.query = function (this: unknown, ...args: any[]) {
    sent.push(typeof args[0] === 'string' ? { text: args[0] } : { text: args[0]?.text ?? '?', name: args[0]?.name });
    return original.apply(this, args);
  };
  try {
    await work();
  } finally {
    proto.query = original;
  }
  return sent;
}

/** The texts of the statements the app's pool sends while `work` runs. */
export async function countStatements(t: TestApp, work: () => Promise<unknown>): Promise<string[]> {
  return (await recordQueries(t, work)).map((query) => query.text);
}
