export * from './lib/auth-user';
export * from './lib/auth.module';
export * from './lib/auth.service';
export * from './lib/roles.decorator';
export * from './lib/user.entity';
export * from './lib/password-policy';
export * from './lib/staff-directory';
export type { UserRecord } from './lib/users.repository';
