import type { DataSource, EntityManager } from 'typeorm';

/** The signed-in user as the request sees them. */
export interface SessionUser {
  id: string;
  email: string;
  isAdmin: boolean;
}

/** What a verified token says; whether its user still exists and still holds it is read later (`settleSession`). */
export interface SessionClaims {
  userId: string;
  /** The user's passwordChangedAt (ms) when the token was issued. */
  passwordChangedAtMs: number;
}

/**
 * Everything a request carries through resolvers and services (as Vendure's RequestContext):
 * who is asking, the entity manager to use (the transaction's, inside a mutation), and
 * per-request caches such as DataLoaders and membership look-ups.
 */
export class RequestContext {
  private readonly memo = new Map<string, unknown>();
  /** Root operation (response key) → the project the access guard found it acting in. */
  private readonly operationProjects = new Map<string | number, string>();
  private currentManager: EntityManager;
  private wrote = false;
  private afterCommitHooks: (() => void)[] | null = null;
  /** Undefined while the session's user is still to be read (`claims` says whose). */
  private sessionUser: SessionUser | null | undefined;
  private claims: SessionClaims | null = null;

  constructor(
    private readonly dataSource: DataSource,
    user: SessionUser | null,
  ) {
    this.currentManager = dataSource.manager;
    this.sessionUser = user;
  }

  /**
   * A request with a verified token whose user is not read yet: the access guard reads it before
   * any resolver runs, in the statement it needs anyway (the caller's roles, the project), so
   * that a request does not pay a statement of its own for its session.
   */
  static withSessionToRead(dataSource: DataSource, claims: SessionClaims): RequestContext {
    const ctx = new RequestContext(dataSource, null);
    ctx.sessionUser = undefined;
    ctx.claims = claims;
    return ctx;
  }

  /** The signed-in user, or null. Read only once the session is settled (the access guard does it first). */
  get user(): SessionUser | null {
    if (this.sessionUser === undefined) throw new Error('The session is read by the access guard before anything asks for the user');
    return this.sessionUser;
  }

  /** The token's claims while its user is still to be read; null once settled (or without a token). */
  get sessionToRead(): SessionClaims | null {
    return this.sessionUser === undefined ? this.claims : null;
  }

  /** The session's user as read (null: gone, or the token revoked by a password change). */
  settleSession(user: SessionUser | null): void {
    this.sessionUser = user;
    this.claims = null;
  }

  /** Inside a mutation, the transaction's manager: another connection would wait on it forever. */
  get manager(): EntityManager {
    return this.currentManager;
  }

  /** Whether this request has opened a transaction (a mutation): rows it read before may predate its changes. */
  get hasWritten(): boolean {
    return this.wrote;
  }

  async inTransaction<T>(work: () => Promise<T>): Promise<T> {
    if (this.currentManager.queryRunner?.isTransactionActive) return work();
    this.wrote = true;
    const committed: (() => void)[] = [];
    this.afterCommitHooks = committed;
    let result: T;
    try {
      result = await this.dataSource.transaction(async (manager) => {
        this.currentManager = manager;
        return work();
      });
    } finally {
      this.afterCommitHooks = null;
      this.currentManager = this.dataSource.manager;
      // A rolled-back or committed transaction may have cached what no longer holds.
      this.memo.clear();
    }
    for (const hook of committed) hook();
    return result;
  }

  /**
   * Runs `hook` once this context's transaction has committed; never when it rolls back. Outside
   * a transaction this context opened (none open, or one of another context's: `actingAs`), the
   * hook is dropped: use it only for what may be skipped, such as filling a cache.
   */
  afterCommit(hook: () => void): void {
    this.afterCommitHooks?.push(hook);
  }

  /**
   * Someone else acting in this context's transaction, with caches of their own: for a script that
   * does several people's steps in one unit of work (the demo loader). Take a fresh one per step,
   * so that no step reads what another person's step cached before a change.
   */
  actingAs(user: SessionUser): RequestContext {
    const other = new RequestContext(this.dataSource, user);
    other.currentManager = this.currentManager;
    return other;
  }

  /** Recorded by the access guard, so that a mutation waits its project's turn before it takes a connection. */
  recordProjectOfOperation(responseKey: string | number, projectId: string): void {
    this.operationProjects.set(responseKey, projectId);
  }

  projectOfOperation(responseKey: string | number): string | null {
    return this.operationProjects.get(responseKey) ?? null;
  }

  memoize<T>(key: string, create: () => T): T {
    if (!this.memo.has(key)) this.memo.set(key, create());
    return this.memo.get(key) as T;
  }

  forget(keyPrefix: string): void {
    for (const key of this.memo.keys()) if (key.startsWith(keyPrefix)) this.memo.delete(key);
  }
}
