import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { RequestContext } from '../../common/context/request-context';
import { byIdLoader } from '../../common/dataloaders/request-loaders';
import { badInput, DomainError, notFound } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-codes';
import { AccessService } from '../auth/access.service';
import { hashPassword } from '../auth/password-hasher';
import { CreateUserInput } from './dto/create-user.input';
import { User } from '../auth/entities/user.entity';

const MIN_SEARCH_LENGTH = 2;
const MAX_SEARCH_RESULTS = 50;

@Injectable()
export class UserService {
  constructor(private readonly access: AccessService) {}

  async createUser(ctx: RequestContext, input: CreateUserInput): Promise<User> {
    this.access.requireAdmin(ctx);
    return this.insertUser(ctx, input, false);
  }

  /** Also used to bootstrap the first administrator, which no one is signed in to create. */
  async insertUser(ctx: RequestContext, input: CreateUserInput, isAdmin: boolean): Promise<User> {
    const email = input.email.trim().toLowerCase();
    if (await ctx.manager.exists(User, { where: { email } })) {
      throw new DomainError(ErrorCode.DUPLICATE, `A user with email ${email} already exists`, { field: 'email' });
    }
    const user = ctx.manager.create(User, {
      email,
      fullName: input.fullName.trim(),
      organization: input.organization,
      isAdmin,
      passwordHash: await hashPassword(input.password),
    });
    return ctx.manager.save(user);
  }

  /**
   * The people look-up for adding members: name or email contains `search` (case-insensitive,
   * at least 2 characters), by name. Only what adding someone needs is read — id, name, email,
   * organisation; whether someone is an administrator is told to administrators alone.
   */
  async search(ctx: RequestContext, search: string, first: number): Promise<User[]> {
    const caller = this.access.requireUser(ctx);
    const text = search.trim();
    if (text.length < MIN_SEARCH_LENGTH) throw badInput(`search must have at least ${MIN_SEARCH_LENGTH} characters of a name or email`, 'search');
    if (!Number.isInteger(first) || first < 1 || first > MAX_SEARCH_RESULTS) throw badInput(`first must be between 1 and ${MAX_SEARCH_RESULTS}`, 'first');
    const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows = await ctx.manager.createQueryBuilder(User, 'u')
      .select(['u.id', 'u.email', 'u.fullName', 'u.organization', 'u.isAdmin'])
      .where('u.full_name ILIKE :pattern OR u.email ILIKE :pattern', { pattern })
      .orderBy('u.full_name', 'ASC').addOrderBy('u.email', 'ASC')
      .take(first)
      .getMany();
    return rows.map((row) => Object.assign(new User(), {
      id: row.id, email: row.email, fullName: row.fullName, organization: row.organization, isAdmin: caller.isAdmin && row.isAdmin,
    }));
  }

  async findById(ctx: RequestContext, id: string): Promise<User | null> {
    return (await this.loader(ctx).load(id)) ?? null;
  }

  async getById(ctx: RequestContext, id: string): Promise<User> {
    const user = await this.findById(ctx, id);
    if (!user) throw notFound('User', id);
    return user;
  }

  loader(ctx: RequestContext) {
    return byIdLoader(ctx, 'users', (ids) => ctx.manager.findBy(User, { id: In([...ids]) }), (user) => user.id);
  }

  async assertUsersExist(ctx: RequestContext, ids: readonly string[]): Promise<void> {
    const users = await this.loader(ctx).loadMany([...ids]);
    const missing = ids.filter((_id, i) => !users[i] || users[i] instanceof Error);
    if (missing.length) throw new DomainError(ErrorCode.NOT_FOUND, `No user with id ${missing.join(', ')}`, { ids: missing });
  }
}
