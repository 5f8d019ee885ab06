import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig } from '@gfmd/api-platform';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { PasswordPolicy } from './password-policy';
import { UsersController } from './users.controller';
import { UsersCoreModule } from './staff-directory';

@Global()
@Module({
  imports: [
    UsersCoreModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        secret: config.jwtSecret,
        signOptions: { expiresIn: config.jwtTtlSeconds, algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [AuthController, UsersController],
  providers: [PasswordPolicy, AuthService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService, PasswordPolicy, UsersCoreModule],
})
export class AuthModule {}
