import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditEntry } from '@gfmd/api-platform';
import type { Language, LoginResponse, Role, User } from '@gfmd/contracts';
import {
  AppConfig,
  AuditService,
  conflict,
  domainRule,
  hashToken,
  inTransaction,
  normalizeEmail,
  notFound,
  ProblemException,
} from '@gfmd/api-platform';
import { OutboxService } from '@gfmd/api-mail';
import * as argon2 from 'argon2';
import { randomBytes, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { AuthUser } from './auth-user';
import { PasswordPolicy } from './password-policy';
import { StaffLinkPurpose, StaffLinksRepository } from './staff-links.repository';
import { UserPatch, UserRecord, UsersRepository } from './users.repository';

/** How long a set-password link (invitation or reset) works. */
export const STAFF_LINK_TTL_MS = 72 * 3600_000;
/** A self-service reset asked again within this time sends no second email. */
const SELF_RESET_THROTTLE_MS = 2 * 60_000;

const linkGone = () =>
  new ProblemException(410, 'password-link-gone', 'This link has been used or has expired. Ask for a new one.');

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
    private readonly links: StaffLinksRepository,
    private readonly outbox: OutboxService,
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
      throw new ProblemException(401, 'invalid-credentials', 'Email or password is wrong.');
    }
    const accessToken = await this.jwt.signAsync({ sub: user.id, role: user.role }, { jwtid: randomUUID() });
    return { accessToken, expiresIn: this.config.jwtTtlSeconds, user: toUser(user) };
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
      throw new ProblemException(403, 'invalid-credentials', 'The current password is wrong.', [
        { field: 'currentPassword', message: 'The current password is wrong.' },
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
    if (await this.users.findByEmail(email)) throw conflict('duplicate-user', 'A user with this email exists.');
    const passwordHash = await argon2.hash(input.password, { type: argon2.argon2id });
    try {
      return toUser(await this.users.create({ email, name: input.name.trim(), role: input.role, passwordHash }));
    } catch (error) {
      if ((error as { code?: string }).code === '23505')
        throw conflict('duplicate-user', 'A user with this email exists.');
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
          throw domainRule('last-admin', 'This is the last active admin: make another admin first.');
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

  /**
   * An admin invites a staff member: the account is created without a password, and an email
   * (through the outbox, same transaction) carries a single-use link, minted when it is sent,
   * from which the person sets their own password. 409 `duplicate-user` for a known email.
   */
  async inviteUser(
    input: { email: string; name: string; role: Role; language?: Language },
    actorUserId: string,
  ): Promise<User> {
    const email = normalizeEmail(input.email);
    try {
      return await inTransaction(this.dataSource, async (manager, afterCommit) => {
        if (await this.users.findByEmail(email)) throw conflict('duplicate-user', 'A user with this email exists.');
        const user = await this.users.create({ email, name: input.name.trim(), role: input.role, passwordHash: null });
        await this.sendLink(manager, afterCommit, user, 'invitation', input.language ?? 'en');
        await this.audit.record({
          actorUserId,
          action: 'user.invited',
          entityType: 'user',
          entityId: user.id,
          details: { role: user.role },
        });
        return toUser(user);
      });
    } catch (error) {
      if ((error as { code?: string }).code === '23505')
        throw conflict('duplicate-user', 'A user with this email exists.');
      throw error;
    }
  }

  /**
   * An admin sends a staff member a password reset link (404 unknown user, 422 deactivated
   * account). The current password keeps working until the link is used. Invited people who
   * have not set a password yet get a new invitation email instead.
   */
  async sendPasswordReset(id: string, actorUserId: string, language: Language = 'en'): Promise<void> {
    await inTransaction(this.dataSource, async (manager, afterCommit) => {
      const user = await this.users.findById(id);
      if (!user) throw notFound('User');
      if (!user.active) throw domainRule('user-inactive', 'This account is deactivated: reactivate it first.');
      await this.sendLink(manager, afterCommit, user, user.passwordHash === null ? 'invitation' : 'reset', language);
      await this.audit.record({
        actorUserId,
        action: 'user.password_reset',
        entityType: 'user',
        entityId: user.id,
        details: { by: 'admin' },
      });
    });
  }

  /**
   * Self-service: anyone asks for a reset link for an email. The answer never says whether the
   * email belongs to an account; an active account gets one email (not again within a couple of
   * minutes).
   */
  async requestPasswordReset(email: string, language: Language = 'en'): Promise<void> {
    await inTransaction(this.dataSource, async (manager, afterCommit) => {
      const user = await this.users.findByEmail(normalizeEmail(email));
      if (!user || !user.active) return;
      const purpose: StaffLinkPurpose = user.passwordHash === null ? 'invitation' : 'reset';
      if (await this.links.hasRecent(user.id, purpose, new Date(Date.now() - SELF_RESET_THROTTLE_MS))) return;
      await this.sendLink(manager, afterCommit, user, purpose, language);
      await this.audit.record({
        actorUserId: null,
        action: 'user.password_reset',
        entityType: 'user',
        entityId: user.id,
        details: { by: 'self' },
      });
    });
  }

  /**
   * Sets a password from an emailed link (invitation or reset). The link works once: unknown,
   * used or expired → 410 `password-link-gone`; a weak password → 400 and the link still works.
   * Every other open link of that person dies with it.
   */
  async confirmPasswordReset(token: string, password: string): Promise<void> {
    const tokenHash = hashToken(token);
    // The strength check (slow: zxcvbn) runs before the transaction, on the link's user.
    const peek = await this.links.lockByHash(tokenHash);
    if (!peek) throw linkGone();
    const owner = await this.users.findById(peek.userId);
    if (!owner) throw linkGone();
    await this.passwords.assertStrong(password, [owner.email, owner.name], 'password');
    const passwordHash = await argon2.hash(password, { type: argon2.argon2id });
    await inTransaction(this.dataSource, async () => {
      const link = await this.links.lockByHash(tokenHash);
      if (!link || link.usedAt || link.expiresAt.getTime() <= Date.now()) throw linkGone();
      const user = await this.users.findById(link.userId);
      if (!user || !user.active) throw linkGone();
      await this.users.update(user.id, { passwordHash });
      await this.links.useAllOf(user.id);
    });
  }

  private async sendLink(
    manager: Parameters<OutboxService['write']>[0],
    afterCommit: Parameters<OutboxService['write']>[1],
    user: UserRecord,
    purpose: StaffLinkPurpose,
    language: Language,
  ): Promise<void> {
    const linkId = await this.links.create(user.id, purpose, new Date(Date.now() + STAFF_LINK_TTL_MS));
    await this.outbox.write(manager, afterCommit, [
      {
        kind: purpose === 'invitation' ? 'staff_invitation' : 'password_reset',
        to: user.email,
        language,
        idempotencyKey: `staff-link:${linkId}`,
        params: { recipientName: user.name, linkId },
        links: 'staff',
      },
    ]);
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
