import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { LRUCache } from 'lru-cache';
import { DataSource, type EntityManager } from 'typeorm';
import { RequestContext, type SessionClaims } from '../../common/context/request-context';
import { advisoryXactLock } from '../../common/database/advisory-lock';
import { prepared, queryPrepared } from '../../common/database/prepared-statement';
import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-codes';
import { INPUT_LIMITS } from '../../common/validation/input-limits';
import { User } from './entities/user.entity';
import type { ProjectRole } from './auth.enums';
import { projectColumns, projectFromRow, projectLoader } from '../project/project-rows';
import { AccessService } from './access.service';
import { LoginFailure } from './entities/login-failure.entity';
import { LOGIN_THROTTLE, lockedUntil } from './login-throttle';
import { DUMMY_PASSWORD_HASH_PROMISE, hashPassword, verifyPassword } from './password-hasher';

const MAX_EMAIL_LENGTH = 320;
const { minPasswordLength: MIN_PASSWORD_LENGTH, maxPasswordLength: MAX_PASSWORD_LENGTH } = INPUT_LIMITS;

/**
 * Whether `password` is the one `hash` was made from. No password can be set longer than 200
 * characters, so a longer one is wrong (cutting it to 200 would let a 200-character password plus
 * any suffix in); its first 200 characters are still hashed, so that it costs the time of any
 * other wrong password.
 */
async function passwordMatches(password: string, hash: string): Promise<boolean> {
  const matches = await verifyPassword(password.slice(0, MAX_PASSWORD_LENGTH), hash);
  return matches && password.length <= MAX_PASSWORD_LENGTH;
}

interface TokenClaims {
  sub: string;
  /** Expiry (seconds since the epoch), set by signOptions.expiresIn. */
  exp?: number;
  /** The user's passwordChangedAt (ms) when the token was issued: a later change revokes it. */
  pwc: number;
  iat: number;
}

const BEARER = /^Bearer\s+(\S+)$/i;

interface SessionRow extends Record<string, unknown> {
  id: string;
  email: string;
  is_admin: boolean;
  password_changed_at: Date | string;
  roles?: string[];
}

const PROJECT_PREFIX = 'project.';
const SESSION = prepared('SELECT u.id, u.email, u.is_admin, u.password_changed_at FROM app_user u WHERE u.id = $1');
const ROLES = 'ARRAY(SELECT m.role::text FROM membership m WHERE m.project_id = $2 AND m.user_id = u.id) AS roles';
const SESSION_ROLES = prepared(`SELECT u.id, u.email, u.is_admin, u.password_changed_at, ${ROLES} FROM app_user u WHERE u.id = $1`);
const SESSION_ROLES_PROJECT = prepared(`SELECT u.id, u.email, u.is_admin, u.password_changed_at, ${ROLES}, ${projectColumns('p', PROJECT_PREFIX)}
  FROM app_user u LEFT JOIN project p ON p.id = $2 WHERE u.id = $1`);

const tooManyFailures = (until: Date) =>
  new DomainError(ErrorCode.TOO_MANY_REQUESTS, `Too many failed sign-ins for this email; try again after ${until.toISOString()}`, {
    retryAfter: until.toISOString(),
  });

/** A token whose signature checked out: the same string always checks out the same way, until it expires. */
interface VerifiedToken {
  claims: SessionClaims;
  /** Seconds since the epoch, as in the token. */
  exp?: number;
}

/** As jsonwebtoken decides expiry (no clock tolerance is configured). */
const stillValid = (token: VerifiedToken): boolean => token.exp === undefined || Math.floor(Date.now() / 1000) < token.exp;

/** Tokens remembered as verified; past it, the least recently used are verified again. */
const VERIFIED_TOKENS = 10_000;

@Injectable()
export class AuthService {
  /**
   * Tokens already verified: a client sends the same one with every request, and checking its
   * signature (HMAC and jsonwebtoken's parsing) was a tenth of a small request's CPU. Only the
   * signature is remembered: revocation (a password change) is read from the user's row on every
   * request, and expiry is checked on every use.
   */
  private readonly verified = new LRUCache<string, VerifiedToken>({ max: VERIFIED_TOKENS });

  constructor(
    private readonly jwt: JwtService,
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  /**
   * The same refusal for an unknown email and a wrong password, after the same amount of work;
   * ten failures for one email within 15 minutes lock it for 15 minutes, right password or not.
   */
  async login(email: string, password: string): Promise<{ token: string; user: User }> {
    const normalized = email.trim().toLowerCase().slice(0, MAX_EMAIL_LENGTH);
    // Attempts for one email run one at a time (a transaction-scoped advisory lock), so a burst
    // of parallel guesses cannot all pass the check before any failure is recorded.
    const outcome = await this.dataSource.transaction(async (em) => {
      await advisoryXactLock(em, `login:${normalized}`);
      const until = await this.lockedUntil(em, normalized);
      if (until) return { kind: 'locked', until } as const;
      const user = await em.findOne(User, { where: { email: normalized } });
      const valid = await passwordMatches(password, user?.passwordHash ?? (await DUMMY_PASSWORD_HASH_PROMISE));
      if (!user || !valid) {
        // Recorded in the committed transaction, before the refusal is thrown.
        await em.insert(LoginFailure, { email: normalized });
        return { kind: 'failed' } as const;
      }
      return { kind: 'signedIn', user } as const;
    });
    if (outcome.kind === 'locked') throw tooManyFailures(outcome.until);
    if (outcome.kind === 'failed') throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Wrong email or password');
    return { token: await this.issueToken(outcome.user), user: outcome.user };
  }

  private async lockedUntil(em: EntityManager, email: string): Promise<Date | null> {
    const recent = await em.find(LoginFailure, {
      where: { email }, order: { at: 'DESC' }, take: LOGIN_THROTTLE.maxFailures, select: { at: true },
    });
    return lockedUntil(recent.map((f) => f.at), new Date());
  }

  private issueToken(user: User): Promise<string> {
    return this.jwt.signAsync({ sub: user.id, pwc: user.passwordChangedAt.getTime() } satisfies Omit<TokenClaims, 'iat'>);
  }

  /**
   * A new password revokes every token issued before it; the caller gets a fresh one. Wrong
   * current passwords count as failed sign-ins (a stolen token must not allow unlimited guessing)
   * and lock the email like login does. Its own transaction, as for login: a refusal must still
   * record the failure, and one connection per request keeps bursts from starving the pool.
   */
  async changePassword(ctx: RequestContext, currentPassword: string, newPassword: string): Promise<{ token: string; user: User }> {
    if (!ctx.user) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Sign in first');
    if (newPassword.length < MIN_PASSWORD_LENGTH || newPassword.length > MAX_PASSWORD_LENGTH) {
      throw new DomainError(ErrorCode.BAD_USER_INPUT, `newPassword must be ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters long`, { field: 'newPassword' });
    }
    const userId = ctx.user.id;
    const outcome = await this.dataSource.transaction(async (em) => {
      const { email } = await em.findOneOrFail(User, { where: { id: userId }, select: { id: true, email: true } });
      await advisoryXactLock(em, `login:${email}`);
      // Changes of one person's password run one at a time, and the current password is checked
      // against the row as it is once locked: of two changes sent together with the same current
      // password, the second finds it already replaced and is refused.
      const user = await em.findOneOrFail(User, { where: { id: userId }, lock: { mode: 'pessimistic_write' } });
      const until = await this.lockedUntil(em, user.email);
      if (until) return { kind: 'locked', until } as const;
      if (!(await passwordMatches(currentPassword, user.passwordHash))) {
        await em.insert(LoginFailure, { email: user.email });
        return { kind: 'failed' } as const;
      }
      user.passwordHash = await hashPassword(newPassword);
      user.passwordChangedAt = new Date();
      return { kind: 'changed', user: await em.save(user) } as const;
    });
    if (outcome.kind === 'locked') throw tooManyFailures(outcome.until);
    if (outcome.kind === 'failed') throw new DomainError(ErrorCode.BAD_USER_INPUT, 'The current password is wrong', { field: 'currentPassword' });
    return { token: await this.issueToken(outcome.user), user: outcome.user };
  }

  /**
   * What the token in an Authorization header says, or null when it is absent, invalid or expired.
   * Whether its user still exists and has not changed the password since is read by
   * `settleSession`, with what the operation reads anyway.
   */
  async claimsFromHeader(header: string | undefined): Promise<SessionClaims | null> {
    const token = header?.match(BEARER)?.[1];
    if (!token) return null;
    const known = this.verified.get(token);
    if (known) return stillValid(known) ? known.claims : null;
    let verified: VerifiedToken;
    try {
      const claims = await this.jwt.verifyAsync<TokenClaims>(token);
      verified = { claims: { userId: claims.sub, passwordChangedAtMs: claims.pwc }, exp: claims.exp };
    } catch {
      return null;
    }
    this.verified.set(token, verified);
    return verified.claims;
  }

  /** The request context of an Authorization header: its session read later (see `settleSession`). */
  async contextFromHeader(header: string | undefined): Promise<RequestContext> {
    const claims = await this.claimsFromHeader(header);
    return claims ? RequestContext.withSessionToRead(this.dataSource, claims) : new RequestContext(this.dataSource, null);
  }

  /**
   * Reads the session's user if it is still to be read (null when the user is gone or the token
   * was revoked by a password change), in one statement with what an operation scoped to
   * `scope.projectId` reads next: the caller's roles there (remembered for the access check) and,
   * with `scope.project`, the project row (primed into the request's project loader). Plain SQL,
   * prepared once per connection: this runs on every request.
   */
  async settleSession(ctx: RequestContext, scope?: { projectId: string; project: boolean }): Promise<void> {
    const claims = ctx.sessionToRead;
    if (!claims) return;
    const statement = !scope ? SESSION : scope.project ? SESSION_ROLES_PROJECT : SESSION_ROLES;
    const [row] = await queryPrepared<SessionRow>(this.dataSource, statement, scope ? [claims.userId, scope.projectId] : [claims.userId]);
    // A password change revokes every token issued before it.
    if (!row || claims.passwordChangedAtMs !== new Date(row.password_changed_at).getTime()) {
      ctx.settleSession(null);
      return;
    }
    ctx.settleSession({ id: row.id, email: row.email, isAdmin: row.is_admin });
    if (!scope) return;
    this.access.rememberRoles(ctx, scope.projectId, row.roles as ProjectRole[]);
    const project = scope.project ? projectFromRow(row, PROJECT_PREFIX) : null;
    if (project) projectLoader(ctx).prime(project.id, project);
  }
}
