import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import type { SessionUser } from '../../common/context/request-context';
import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-codes';
import { User } from '../people/entities/user.entity';
import { DUMMY_PASSWORD_HASH_PROMISE, verifyPassword } from './password-hasher';

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

  /** The same refusal for an unknown email and a wrong password, after the same amount of work. */
  async login(email: string, password: string): Promise<{ token: string; user: User }> {
    const user = await this.dataSource.manager.findOne(User, { where: { email: email.trim().toLowerCase() } });
    const valid = await verifyPassword(password, user?.passwordHash ?? (await DUMMY_PASSWORD_HASH_PROMISE));
    if (!user || !valid) {
      throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Wrong email or password');
    }
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
