import { Controller, Get, HttpCode, Inject, ServiceUnavailableException } from '@nestjs/common';
import { Public } from '../modules/auth/public.decorator';
import { DatabaseProbe } from './database-probe';

/** How long one answer of the database stands for every check (the route is not rate-limited). */
const PROBE_FRESH_MS = 1_000;

@Controller('health')
export class HealthController {
  private probe: { startedAt: number; up: Promise<boolean> } | undefined;

  constructor(@Inject(DatabaseProbe) private readonly database: DatabaseProbe) {}

  /** Answers only when the database answers (within a second), so a load balancer stops sending traffic otherwise. */
  @Public()
  @Get()
  @HttpCode(200)
  async check(): Promise<{ status: 'ok'; database: 'up' }> {
    if (!(await this.databaseUp())) throw new ServiceUnavailableException({ status: 'error', database: 'down' });
    return { status: 'ok', database: 'up' };
  }

  /** Checks arriving together or within a second share one probe, so a flood of checks cannot load the database. */
  private databaseUp(): Promise<boolean> {
    const now = Date.now();
    if (!this.probe || now - this.probe.startedAt >= PROBE_FRESH_MS) {
      this.probe = { startedAt: now, up: this.database.answers() };
    }
    return this.probe.up;
  }
}
