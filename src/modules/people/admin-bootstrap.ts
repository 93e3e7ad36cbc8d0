import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../common/config/app-config';
import { RequestContext } from '../../common/context/request-context';
import { INPUT_LIMITS } from '../../common/validation/input-limits';
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
    // The rules every other password keeps: a longer one could never sign in, a shorter one is too
    // weak for the account that can do everything.
    const { minPasswordLength: min, maxPasswordLength: max } = INPUT_LIMITS;
    if (adminPassword.length < min || adminPassword.length > max) {
      throw new Error(`ADMIN_PASSWORD must be ${min} to ${max} characters long (it has ${adminPassword.length}); the administrator was not created`);
    }
    const ctx = new RequestContext(this.dataSource, null);
    await ctx.inTransaction(() =>
      this.users.insertUser(ctx, { email: adminEmail, fullName: 'Administrator', organization: Organization.INTEGRATOR, password: adminPassword }, true),
    );
    this.logger.log(`Created the administrator ${adminEmail}`);
  }
}
