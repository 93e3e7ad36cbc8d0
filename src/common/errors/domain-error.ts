import { ErrorCode } from './error-codes';

/**
 * A refusal the user can act on. Services throw these; the GraphQL error formatter turns them
 * into errors with `extensions.code` and the details in `extensions`.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** NOT_FOUND naming what was looked for; an empty id (or only spaces) is said to be empty rather than quoted as nothing. */
export const notFound = (what: string, id: string): DomainError =>
  new DomainError(ErrorCode.NOT_FOUND, id.trim() === '' ? `${what} id is empty; send the id of an existing one` : `${what} ${id} was not found`, { id });

export const badInput = (message: string, field?: string): DomainError =>
  new DomainError(ErrorCode.BAD_USER_INPUT, message, field ? { field } : {});

export const forbidden = (message: string): DomainError => new DomainError(ErrorCode.FORBIDDEN, message);

export const staleVersion = (what: string, id: string, given: number, current: number): DomainError =>
  new DomainError(
    ErrorCode.STALE_VERSION,
    `${what} ${id} was changed by someone else (your version ${given}, current ${current}); reload it and apply your change again`,
    { id, currentVersion: current },
  );
