import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../common/config/app-config';
import { RequestContext } from '../../common/context/request-context';
import { User } from './entities/user.entity';
import { Organization } from './people.enums';
import { UserService } from './user.service';

/** Creates the administrator from ADMIN_EMAIL / ADMIN_PASSWORD when the database has no user yet. */
@Injectable()
export class AdminBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger('AdminBootstrap');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly users: UserService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (await this.dataSource.manager.exists(User, {})) return;
    const { adminEmail, adminPassword } = this.config;
    if (!adminEmail || !adminPassword) {
      this.logger.warn('No users yet: set ADMIN_EMAIL and ADMIN_PASSWORD to create the first administrator');
      return;
    }
    const ctx = new RequestContext(this.dataSource, null);
    await ctx.inTransaction(() =>
      this.users.insertUser(ctx, { email: adminEmail, fullName: 'Administrator', organization: Organization.INTEGRATOR, password: adminPassword }, true),
    );
    this.logger.log(`Created the administrator ${adminEmail}`);
  }
}
