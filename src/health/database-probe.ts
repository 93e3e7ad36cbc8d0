import { OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import type { DataSource } from 'typeorm';

/** The health check answers within a second, whatever the database does. */
export const HEALTH_TIMEOUT_MS = 800;

/**
 * Whether the database answers, asked on a connection of the probe's own: on a busy service the
 * pool's connections may all be in use, and a load balancer must still hear that the service is
 * up (and, when the database hangs, that it is not) within a second. The embedded database lives
 * in this process and is asked through the pool.
 */
export class DatabaseProbe implements OnApplicationShutdown {
  private readonly pool: pg.Pool | null;

  constructor(serverUrl: string | undefined, private readonly dataSource: DataSource) {
    this.pool = serverUrl
      ? new pg.Pool({ connectionString: serverUrl, max: 1, connectionTimeoutMillis: HEALTH_TIMEOUT_MS, query_timeout: HEALTH_TIMEOUT_MS, application_name: 'rollout-health' })
      : null;
    // A connection that breaks while idle (a server restart) is dropped; the next check reconnects.
    this.pool?.on('error', () => undefined);
  }

  async answers(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<false>((done) => { timer = setTimeout(() => done(false), HEALTH_TIMEOUT_MS); });
    try {
      return await Promise.race([this.ping().then(() => true, () => false), deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async ping(): Promise<void> {
    if (!this.pool) {
      await this.dataSource.query('SELECT 1');
      return;
    }
    const client = await this.pool.connect();
    try {
      await client.query('SELECT 1');
      client.release();
    } catch (error) {
      // A connection that did not answer is discarded rather than reused.
      client.release(error as Error);
      throw error;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool?.end();
  }
}
