import DataLoader from 'dataloader';
import type { RequestContext } from '../context/request-context';

/**
 * Per-request DataLoaders, so that a list of parents loads its children in one query rather than
 * one query per parent. Loaders live in the RequestContext and die with the request.
 */
export function byIdLoader<T>(
  ctx: RequestContext,
  name: string,
  fetch: (ids: readonly string[]) => Promise<T[]>,
  idOf: (row: T) => string,
): DataLoader<string, T | undefined> {
  return ctx.memoize(`loader:${name}`, () =>
    new DataLoader<string, T | undefined>(async (ids) => {
      const rows = await fetch(ids);
      const byId = new Map(rows.map((row) => [idOf(row), row]));
      return ids.map((id) => byId.get(id));
    }),
  );
}

/** Children grouped by their parent's id, in the order `fetch` returns them. */
export function byParentLoader<T>(
  ctx: RequestContext,
  name: string,
  fetch: (parentIds: readonly string[]) => Promise<T[]>,
  parentOf: (row: T) => string,
): DataLoader<string, T[]> {
  return ctx.memoize(`loader:${name}`, () =>
    new DataLoader<string, T[]>(async (parentIds) => {
      const rows = await fetch(parentIds);
      const groups = new Map<string, T[]>(parentIds.map((id) => [id, []]));
      for (const row of rows) groups.get(parentOf(row))?.push(row);
      return parentIds.map((id) => groups.get(id) ?? []);
    }),
  );
}
