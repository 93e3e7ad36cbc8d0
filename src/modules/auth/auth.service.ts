import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import type { RequestContext, SessionUser } from '../../common/context/request-context';
import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-codes';
import { User } from '../people/entities/user.entity';
import { LoginFailure } from './entities/login-failure.entity';
import { LOGIN_THROTTLE, lockedUntil } from './login-throttle';
import { DUMMY_PASSWORD_HASH_PROMISE, hashPassword, verifyPassword } from './password-hasher';

const MAX_EMAIL_LENGTH = 320;
const MAX_PASSWORD_LENGTH = 200;

interface TokenClaims {
  sub: string;
  iat: number;
}

const BEARER = /^Bearer\s+(\S+)$/i;

@Injectable()
export class AuthService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {}

  /**
   * The same refusal for an unknown email and a wrong password, after the same amount of work;
   * ten failures for one email within 15 minutes lock it for 15 minutes, right password or not.
   */
  async login(email: string, password: string): Promise<{ token: string; user: User }> {
    const normalized = email.trim().toLowerCase().slice(0, MAX_EMAIL_LENGTH);
    const em = this.dataSource.manager;
    const recent = await em.find(LoginFailure, {
      where: { email: normalized }, order: { at: 'DESC' }, take: LOGIN_THROTTLE.maxFailures, select: { at: true },
    });
    const until = lockedUntil(recent.map((f) => f.at), new Date());
    if (until) {
      throw new DomainError(ErrorCode.TOO_MANY_REQUESTS, `Too many failed sign-ins for this email; try again after ${until.toISOString()}`, {
        retryAfter: until.toISOString(),
      });
    }
    const user = await em.findOne(User, { where: { email: normalized } });
    const valid = await verifyPassword(password.slice(0, MAX_PASSWORD_LENGTH), user?.passwordHash ?? (await DUMMY_PASSWORD_HASH_PROMISE));
    if (!user || !valid) {
      await em.insert(LoginFailure, { email: normalized });
      throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Wrong email or password');
    }
    const token = await this.jwt.signAsync({ sub: user.id });
    return { token, user };
  }

  /** A new password revokes every token issued before it; the caller gets a fresh one. */
  async changePassword(ctx: RequestContext, currentPassword: string, newPassword: string): Promise<{ token: string; user: User }> {
    if (!ctx.user) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Sign in first');
    if (newPassword.length < 8 || newPassword.length > MAX_PASSWORD_LENGTH) {
      throw new DomainError(ErrorCode.BAD_USER_INPUT, `newPassword must be 8 to ${MAX_PASSWORD_LENGTH} characters long`, { field: 'newPassword' });
    }
    const user = await ctx.manager.findOneOrFail(User, { where: { id: ctx.user.id }, lock: { mode: 'pessimistic_write' } });
    if (!(await verifyPassword(currentPassword.slice(0, MAX_PASSWORD_LENGTH), user.passwordHash))) {
      throw new DomainError(ErrorCode.BAD_USER_INPUT, 'The current password is wrong', { field: 'currentPassword' });
    }
    user.passwordHash = await hashPassword(newPassword);
    // Whole seconds, as in the tokens' iat: a token of this very second stays valid, older ones not.
    user.passwordChangedAt = new Date(Math.floor(Date.now() / 1000) * 1000);
    await ctx.manager.save(user);
    const token = await this.jwt.signAsync({ sub: user.id });
    return { token, user };
  }

  /** The user behind an Authorization header, or null when it is absent, invalid, expired or revoked. */
  async sessionFromHeader(header: string | undefined): Promise<SessionUser | null> {
    const token = header?.match(BEARER)?.[1];
    if (!token) return null;
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      return null;
    }
    const user = await this.dataSource.manager.findOne(User, {
      where: { id: claims.sub },
      select: { id: true, email: true, isAdmin: true, passwordChangedAt: true },
    });
    // A password change revokes every token issued before it (iat has one-second resolution).
    if (!user || Math.floor(user.passwordChangedAt.getTime() / 1000) > claims.iat) return null;
    return { id: user.id, email: user.email, isAdmin: user.isAdmin };
  }
}
