import { Controller, Get, HttpCode, Inject, ServiceUnavailableException } from '@nestjs/common';
import { Public } from '../modules/auth/public.decorator';
import { DatabaseProbe } from './database-probe';

@Controller('health')
export class HealthController {
  constructor(@Inject(DatabaseProbe) private readonly database: DatabaseProbe) {}

  /** Answers only when the database answers (within a second), so a load balancer stops sending traffic otherwise. */
  @Public()
  @Get()
  @HttpCode(200)
  async check(): Promise<{ status: 'ok'; database: 'up' }> {
    if (!(await this.database.answers())) throw new ServiceUnavailableException({ status: 'error', database: 'down' });
    return { status: 'ok', database: 'up' };
  }
}
