import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { msg } from '@gfmd/api-platform';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditEntry } from '@gfmd/api-platform';
import type { LoginResponse, Role, User } from '@gfmd/contracts';
import {
  AppConfig,
  AuditService,
  conflict,
  domainRule,
  inTransaction,
  normalizeEmail,
  notFound,
  ProblemException,
} from '@gfmd/api-platform';
import * as argon2 from 'argon2';
import { randomBytes, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { AuthUser } from './auth-user';
import { PasswordPolicy } from './password-policy';
import { UserPatch, UserRecord, UsersRepository } from './users.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface TokenClaims {
  sub: string;
  jti?: string;
  exp?: number;
}

// A hash to verify against when the email is unknown, so response time does not reveal it.
let dummyHash: Promise<string> | undefined;
const getDummyHash = () => (dummyHash ??= argon2.hash(randomBytes(16).toString('hex'), { type: argon2.argon2id }));

export const toUser = (
  u: Pick<UserRecord, 'id' | 'email' | 'name' | 'role' | 'active'> & { passwordHash?: string | null },
): User => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  active: u.active,
  ...(u.passwordHash === null ? { invitationPending: true } : {}),
});

@Injectable()
export class AuthService implements OnApplicationBootstrap {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    private readonly users: UsersRepository,
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    private readonly passwords: PasswordPolicy,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Creates the first admin from ADMIN_EMAIL / ADMIN_PASSWORD when no user exists yet. */
  async onApplicationBootstrap(): Promise<void> {
    if (this.config.isTest) return;
    await this.ensureFirstAdmin();
  }

  /**
   * A weak ADMIN_PASSWORD (see PasswordPolicy) stops a production boot; elsewhere it is a
   * warning and the account is still created.
   */
  async ensureFirstAdmin(): Promise<void> {
    const email = this.config.adminEmail;
    const password = this.config.adminPassword;
    if (!email || !password) return;
    if ((await this.users.count()) > 0) return;
    const name = 'Administrator';
    const verdict = await this.passwords.judge(password, [email, name]);
    if (!verdict.ok) {
      const message = `ADMIN_PASSWORD is too easy to guess (zxcvbn score ${verdict.score} of 4, 3 needed). ${verdict.feedback}`;
      if (this.config.isProduction) throw new WeakAdminPasswordError(message);
      this.logger.warn(`${message} Accepted outside production only.`);
    }
    try {
      await this.createUser({ email, name, role: 'admin', password }, { checkPassword: false });
      this.logger.log('first admin account created');
    } catch (error) {
      if (!(error instanceof ProblemException)) throw error; // another replica won the race
    }
  }

  async login(email: string, password: string): Promise<LoginResponse> {
    const user = await this.users.findByEmail(normalizeEmail(email));
    const valid = await argon2.verify(user?.passwordHash ?? (await getDummyHash()), password).catch(() => false);
    if (!user || !user.passwordHash || !valid || !user.active) {
      throw new ProblemException(401, 'invalid-credentials', msg('auth.wrongCredentials'));
    }
    const accessToken = await this.issueToken(user);
    return { accessToken, expiresIn: this.config.jwtTtlSeconds, user: toUser(user) };
  }

  /**
   * A new Bearer token of the user (a session of its own, signed out by its `jti`), as sign-in
   * answers it once the password is checked. Also the integration tests' staff clients
   * (libs/api/testing), which would otherwise pay an argon2 check (about 0.2 s of CPU) each.
   */
  issueToken(user: Pick<UserRecord, 'id' | 'role'>): Promise<string> {
    return this.jwt.signAsync({ sub: user.id, role: user.role }, { jwtid: randomUUID() });
  }

  /**
   * Verifies a Bearer token and loads its user as they are now (role, active) in one query;
   * null when the token is invalid, expired, signed out, or its user is gone or deactivated.
   */
  async verify(token: string): Promise<AuthUser | null> {
    const claims = await this.claims(token);
    if (!claims) return null;
    const user = await this.users.findSession(claims.sub, claims.jti).catch(() => null);
    return user && user.active && !user.revoked ? toUser(user) : null;
  }

  /** Signs a token out: it is refused from the next request on (until it would have expired anyway). */
  async logout(token: string): Promise<void> {
    const claims = await this.claims(token);
    if (!claims) return;
    await this.users.revokeToken(claims.jti, claims.sub, new Date(claims.exp * 1000));
  }

  /** The claims of a valid token of ours; tokens from before `jti` existed are refused (signed out). */
  private async claims(token: string): Promise<{ sub: string; jti: string; exp: number } | null> {
    try {
      const { sub, jti, exp } = await this.jwt.verifyAsync<TokenClaims>(token);
      if (typeof sub !== 'string' || !UUID.test(sub) || typeof jti !== 'string' || !UUID.test(jti)) return null;
      return {
        sub,
        jti,
        exp: typeof exp === 'number' ? exp : Math.floor(Date.now() / 1000) + this.config.jwtTtlSeconds,
      };
    } catch {
      return null;
    }
  }

  /** A staff member changes their own password: the current one must be right (403), the new one strong (400). */
  async changePassword(userId: string, currentPassword: string, newPassword: string): Promise<void> {
    const user = await this.users.findById(userId);
    if (!user?.passwordHash || !(await argon2.verify(user.passwordHash, currentPassword).catch(() => false))) {
      throw new ProblemException(403, 'invalid-credentials', msg('auth.wrongCurrentPassword'), [
        { field: 'currentPassword', message: msg('auth.wrongCurrentPassword') },
      ]);
    }
    await this.passwords.assertStrong(newPassword, [user.email, user.name], 'newPassword');
    await this.users.update(user.id, { passwordHash: await argon2.hash(newPassword, { type: argon2.argon2id }) });
  }

  async createUser(
    input: { email: string; name: string; role: Role; password: string },
    { checkPassword = true }: { checkPassword?: boolean } = {},
  ): Promise<User> {
    const email = normalizeEmail(input.email);
    if (checkPassword) await this.passwords.assertStrong(input.password, [email, input.name]);
    if (await this.users.findByEmail(email)) throw conflict('duplicate-user', msg('auth.duplicateUser'));
    const passwordHash = await argon2.hash(input.password, { type: argon2.argon2id });
    try {
      return toUser(await this.users.create({ email, name: input.name.trim(), role: input.role, passwordHash }));
    } catch (error) {
      if ((error as { code?: string }).code === '23505') throw conflict('duplicate-user', msg('auth.duplicateUser'));
      throw error;
    }
  }

  /**
   * Changes a staff member's role or active state (admins). Takes effect on their next request.
   * The last active admin can be neither deactivated nor demoted (422 `last-admin`). The audit
   * line is written in the same transaction.
   */
  async updateUser(id: string, patch: UserPatch, actorUserId: string | null = null): Promise<User> {
    const updated = await inTransaction(this.dataSource, async () => {
      let before: UserRecord | undefined;
      const after = await this.users.updateWithAdminsLocked(id, patch, (user, activeAdmins) => {
        before = user;
        const wasAdmin = user.role === 'admin' && user.active;
        const staysAdmin = (patch.role ?? user.role) === 'admin' && (patch.active ?? user.active);
        if (wasAdmin && !staysAdmin && activeAdmins <= 1) {
          throw domainRule('last-admin', msg('auth.lastAdmin'));
        }
      });
      if (!after || !before) return null;
      const entries: AuditEntry[] = [];
      const base = { actorUserId, entityType: 'user' as const, entityId: id };
      if (before.role !== after.role) {
        entries.push({
          ...base,
          action: 'user.role_changed',
          details: { fields: ['role'], from: before.role, to: after.role },
        });
      }
      if (before.active !== after.active) {
        entries.push({
          ...base,
          action: after.active ? 'user.reactivated' : 'user.deactivated',
          details: { fields: ['active'] },
        });
      }
      await this.audit.record(entries);
      return after;
    });
    if (!updated) throw notFound('User');
    return toUser(updated);
  }

  // ── for the staff accounts domain (invitations and password links) ─────────────────────────

  /** A user as stored (null hash: invited, no password yet), or null. */
  findAccount(id: string): Promise<UserRecord | null> {
    return this.users.findById(id);
  }

  findAccountByEmail(email: string): Promise<UserRecord | null> {
    return this.users.findByEmail(normalizeEmail(email));
  }

  /** Creates an account without a password, in the current transaction (409 `duplicate-user`). */
  async createInvited(input: { email: string; name: string; role: Role }): Promise<UserRecord> {
    const email = normalizeEmail(input.email);
    if (await this.users.findByEmail(email)) throw conflict('duplicate-user', msg('auth.duplicateUser'));
    return this.users.create({ email, name: input.name.trim(), role: input.role, passwordHash: null });
  }

  /** The argon2id hash of a password strong enough for this person (400 `weak-password` on `field`). */
  async strongPasswordHash(user: Pick<UserRecord, 'email' | 'name'>, password: string, field: string): Promise<string> {
    await this.passwords.assertStrong(password, [user.email, user.name], field);
    return argon2.hash(password, { type: argon2.argon2id });
  }

  /** Sets a user's password hash, in the current transaction. */
  async setPasswordHash(userId: string, passwordHash: string): Promise<void> {
    await this.users.update(userId, { passwordHash });
  }

  async listUsers(role?: Role): Promise<User[]> {
    return (await this.users.list(role)).map((u) => toUser(u));
  }

  async usersByIds(ids: string[]): Promise<User[]> {
    return (await this.users.findByIds(ids)).map((u) => toUser(u));
  }
}

/** The first admin's password is too weak for a production boot. */
export class WeakAdminPasswordError extends Error {}
