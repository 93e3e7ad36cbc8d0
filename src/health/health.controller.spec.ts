import { ServiceUnavailableException } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { HealthController } from './health.controller';

/** The controller's mapping only; the real database path is exercised by every e2e start-up. */
describe('health check', () => {
  const withDatabase = (query: () => Promise<unknown>) => new HealthController({ query } as unknown as DataSource);

  it('answers ok when the database answers', async () => {
    await expect(withDatabase(async () => [{ '?column?': 1 }]).check()).resolves.toEqual({ status: 'ok', database: 'up' });
  });

  it('answers 503 when the database does not', async () => {
    const failing = withDatabase(async () => { throw new Error('connection refused'); });
    await expect(failing.check()).rejects.toBeInstanceOf(ServiceUnavailableException);
    await expect(failing.check()).rejects.toMatchObject({ status: 503 });
  });
});
