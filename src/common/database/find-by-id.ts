import type { EntityTarget, FindOptionsSelect, FindOptionsWhere, ObjectLiteral } from 'typeorm';
import type { RequestContext } from '../context/request-context';
import { notFound } from '../errors/domain-error';
import { echo } from '../validation/input-limits';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string): boolean => UUID.test(value);

/**
 * The row with this id, or NOT_FOUND naming what was looked for. A malformed id is simply not
 * found rather than a database error. `lock` takes a row lock for a read-check-write.
 */
export async function findByIdOrFail<T extends ObjectLiteral & { id: string }>(
  ctx: RequestContext,
  entity: EntityTarget<T>,
  id: string,
  what: string,
  options: { lock?: boolean } = {},
): Promise<T> {
  // A malformed id may be anything a client sent: quoted back only in part.
  if (!isUuid(id)) throw notFound(what, echo(id));
  const row = await ctx.manager.findOne(entity, {
    where: { id } as FindOptionsWhere<T>,
    ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  if (!row) throw notFound(what, id);
  return row;
}

/**
 * Locks the row with this id until the transaction ends, reading only its id: `exclusive` waits
 * for and excludes every other lock on it, `shared` only exclusive ones. Whether the row exists
 * (a malformed id names none).
 */
export async function lockRow<T extends ObjectLiteral & { id: string }>(
  ctx: RequestContext,
  entity: EntityTarget<T>,
  id: string,
  mode: 'shared' | 'exclusive',
): Promise<boolean> {
  if (!isUuid(id)) return false;
  const row = await ctx.manager.findOne(entity, {
    where: { id } as FindOptionsWhere<T>,
    select: { id: true } as FindOptionsSelect<T>,
    lock: { mode: mode === 'shared' ? 'pessimistic_read' : 'pessimistic_write' },
  });
  return row !== null;
}
