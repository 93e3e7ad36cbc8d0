import type { TestApp } from './test-app';

/** Statements the app's pool sends while `work` runs (the pg client class the app's pool uses, wrapped). */
export async function countStatements(t: TestApp, work: () => Promise<unknown>): Promise<string[]> {
  const pool = (t.dataSource.driver as any).master;
  const client = await pool.connect();
  const proto = Object.getPrototypeOf(client);
  client.release();
  const original = proto.query;
  const seen: string[] = [];
  proto.query = function (this: unknown, ...args: any[]) {
    seen.push(typeof args[0] === 'string' ? args[0] : args[0]?.text ?? '?');
    return original.apply(this, args);
  };
  try {
    await work();
  } finally {
    proto.query = original;
  }
  return seen;
}
