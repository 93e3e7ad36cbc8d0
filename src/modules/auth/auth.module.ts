import { createSecretKey } from 'node:crypto';
import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '../../common/config/app-config';
import { AccessService } from './access.service';
import { AuthGuard } from './auth.guard';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';

@Global()
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // A key object made once: given the string, jsonwebtoken tries it as a public key on every
        // verify (an exception caught) before making a secret key of it, the costliest step of a request.
        secret: createSecretKey(Buffer.from(config.jwtSecret)),
        signOptions: { expiresIn: config.jwtExpiresIn as never },
      }),
    }),
  ],
  providers: [AuthService, AccessService, AuthResolver, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService, AccessService],
})
export class AuthModule {}
