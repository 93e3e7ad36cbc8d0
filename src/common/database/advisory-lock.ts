import type { EntityManager } from 'typeorm';

/**
 * A PostgreSQL advisory lock on a text key, held until the transaction ends: for serialising
 * work that has no row to lock yet (a code about to be taken, an email's sign-in attempts, a
 * person's bookings). `shared` locks exclude only `exclusive` ones.
 */
export async function advisoryXactLock(manager: EntityManager, key: string, mode: 'exclusive' | 'shared' = 'exclusive'): Promise<void> {
  const lock = mode === 'shared' ? 'pg_advisory_xact_lock_shared' : 'pg_advisory_xact_lock';
  await manager.query(`SELECT ${lock}(hashtextextended($1, 0))`, [key]);
}
