import { E_TIMEOUT, Semaphore, withTimeout } from 'async-mutex';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-codes';

/** When a refused change may try again. */
export const RETRY_AFTER_MS = 1000;

/** A change refused because others hold what it needs: it changed nothing and may simply be sent again. */
export const busy = (message: string): DomainError =>
  new DomainError(ErrorCode.TOO_MANY_REQUESTS, message, { retryable: true, retryAfterMs: RETRY_AFTER_MS });

/**
 * How many of the pool's connections mutations may hold at once: the rest stay free for reads,
 * so that writers, however many, never make a read wait (a single connection is shared).
 */
export const writerShare = (poolSize: number): number => Math.max(1, poolSize - Math.max(1, Math.floor(poolSize / 4)));

/**
 * Where mutations wait, holding no connection, before their transaction opens. Changes of one
 * project mostly serialise on its row anyway; a writer waiting for that row lock would pin a
 * connection, and fifty of them pinned the whole pool, so reads of every other project and the
 * health check queued behind them. Here one mutation per project (per instance) holds a
 * connection and mutations together hold at most `writerShare` of them; the others queue in
 * memory for at most `waitMs` and are then refused as busy (TOO_MANY_REQUESTS, retryable). The
 * database's locks stay the truth for several instances sharing one database (`lock_timeout`
 * bounds those waits).
 */
export class WriteGate {
  private readonly writers: Semaphore;
  private readonly projects = new Map<string, { semaphore: Semaphore; users: number }>();

  constructor(
    poolSize: number,
    private readonly waitMs: number,
  ) {
    this.writers = new Semaphore(writerShare(poolSize));
  }

  async run<T>(projectId: string | null, work: () => Promise<T>): Promise<T> {
    if (projectId === null) return this.withSlot(this.writers, 'The service is busy with other changes; try again', work);
    const project = this.projects.get(projectId) ?? { semaphore: new Semaphore(1), users: 0 };
    this.projects.set(projectId, project);
    project.users++;
    try {
      // The project's turn first: waiting for it holds no share of the pool.
      return await this.withSlot(project.semaphore, `Project ${projectId} is busy with other changes; try again`, () =>
        this.withSlot(this.writers, 'The service is busy with other changes; try again', work));
    } finally {
      if (--project.users === 0) this.projects.delete(projectId);
    }
  }

  /** Projects with a mutation running or waiting (for tests: none may be left behind). */
  get busyProjects(): number {
    return this.projects.size;
  }

  private async withSlot<T>(semaphore: Semaphore, refusal: string, work: () => Promise<T>): Promise<T> {
    let release: () => void;
    try {
      [, release] = await withTimeout(semaphore, this.waitMs).acquire();
    } catch (error) {
      if (error === E_TIMEOUT) throw busy(refusal);
      throw error;
    }
    try {
      return await work();
    } finally {
      release();
    }
  }
}
