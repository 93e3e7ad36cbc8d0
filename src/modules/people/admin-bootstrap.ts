import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../common/config/app-config';
import { RequestContext } from '../../common/context/request-context';
import { INPUT_LIMITS } from '../../common/validation/input-limits';
import { User } from '../auth/entities/user.entity';
import { Organization } from '../auth/auth.enums';
import { UserService } from './user.service';

/**
 * Creates the administrator from ADMIN_EMAIL / ADMIN_PASSWORD when the database has no
 * administrator yet and no user with that email — also after `npm run demo` filled an empty
 * database with demo people. Says in the log why the variables are ignored otherwise.
 */
@Injectable()
export class AdminBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger('AdminBootstrap');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly users: UserService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { adminEmail, adminPassword } = this.config;
    const manager = this.dataSource.manager;
    if (!adminEmail || !adminPassword) {
      if (adminEmail || adminPassword) {
        this.logger.warn(`${adminEmail ? 'ADMIN_EMAIL' : 'ADMIN_PASSWORD'} is set without ${adminEmail ? 'ADMIN_PASSWORD' : 'ADMIN_EMAIL'}: set both to create the first administrator`);
      } else if (!(await manager.exists(User, { where: { isAdmin: true } }))) {
        this.logger.warn('No administrator yet: set ADMIN_EMAIL and ADMIN_PASSWORD to create the first one');
      }
      return;
    }
    const email = adminEmail.trim().toLowerCase();
    if (await manager.exists(User, { where: { email } })) {
      this.logger.log(`ADMIN_EMAIL and ADMIN_PASSWORD ignored: the user ${email} already exists (its password is not changed; use changePassword)`);
      return;
    }
    if (await manager.exists(User, { where: { isAdmin: true } })) {
      this.logger.warn(`ADMIN_EMAIL and ADMIN_PASSWORD ignored: the database already has an administrator, so ${email} is not created`);
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
      this.users.insertUser(ctx, { email, fullName: 'Administrator', organization: Organization.INTEGRATOR, password: adminPassword }, true),
    );
    this.logger.log(`Created the administrator ${email}`);
  }
}
