import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Language, Role, User } from '@gfmd/contracts';
import { AuthService, toUser, type UserRecord } from '@gfmd/api-auth';
import { OutboxService } from '@gfmd/api-mail';
import {
  type AfterCommit,
  AuditService,
  conflict,
  domainRule,
  hashToken,
  inTransaction,
  notFound,
  ProblemException,
  msg,
} from '@gfmd/api-platform';
import type { DataSource } from 'typeorm';
import { StaffLinkPurpose, StaffLinksRepository } from './staff-links.repository';

/** How long a set-password link (invitation or reset) works. */
export const STAFF_LINK_TTL_MS = 72 * 3600_000;
/** A self-service reset asked again within this time sends no second email. */
const SELF_RESET_THROTTLE_MS = 2 * 60_000;

const linkGone = () => new ProblemException(410, 'password-link-gone', msg('staff.linkGone'));

/**
 * Staff accounts from the console: invitations by email and password resets, both through a
 * single-use set-password link (72 h) emailed through the outbox and minted when sent. The
 * users table stays the auth domain's: this service goes through AuthService.
 */
@Injectable()
export class StaffAccountsService {
  constructor(
    private readonly auth: AuthService,
    private readonly links: StaffLinksRepository,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /**
   * An admin invites a staff member: the account is created without a password, and an email
   * (through the outbox, same transaction) carries a link from which the person sets their own
   * password. 409 `duplicate-user` for a known email.
   */
  async invite(
    input: { email: string; name: string; role: Role; language?: Language },
    actorUserId: string,
  ): Promise<User> {
    try {
      return await inTransaction(this.dataSource, async (_m, afterCommit) => {
        const user = await this.auth.createInvited(input);
        await this.sendLink(afterCommit, user, 'invitation', input.language ?? 'en');
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
      if ((error as { code?: string }).code === '23505') throw conflict('duplicate-user', msg('auth.duplicateUser'));
      throw error;
    }
  }

  /**
   * An admin sends a staff member a password reset link (404 unknown user, 422 `user-inactive`).
   * The current password keeps working until the link is used. Someone invited who has not set a
   * password yet gets a new invitation email instead.
   */
  async sendPasswordReset(id: string, actorUserId: string, language: Language = 'en'): Promise<void> {
    await inTransaction(this.dataSource, async (_m, afterCommit) => {
      const user = await this.auth.findAccount(id);
      if (!user) throw notFound('User');
      if (!user.active) throw domainRule('user-inactive', msg('staff.userInactive'));
      await this.sendLink(afterCommit, user, user.passwordHash === null ? 'invitation' : 'reset', language);
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
   * Self-service: anyone asks for a reset link for an email. Nothing tells whether the email
   * belongs to an account; an active account gets one email (not again within a few minutes).
   */
  async requestPasswordReset(email: string, language: Language = 'en'): Promise<void> {
    await inTransaction(this.dataSource, async (_m, afterCommit) => {
      const user = await this.auth.findAccountByEmail(email);
      if (!user || !user.active) return;
      const purpose: StaffLinkPurpose = user.passwordHash === null ? 'invitation' : 'reset';
      if (await this.links.hasRecent(user.id, purpose, new Date(Date.now() - SELF_RESET_THROTTLE_MS))) return;
      await this.sendLink(afterCommit, user, purpose, language);
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
  async confirm(token: string, password: string): Promise<void> {
    const tokenHash = hashToken(token);
    // The strength check (zxcvbn, argon2: slow) runs before the transaction, for the link's person.
    const peek = await this.links.findByHash(tokenHash);
    const owner =
      peek && !peek.usedAt && peek.expiresAt.getTime() > Date.now() ? await this.auth.findAccount(peek.userId) : null;
    if (!owner || !owner.active) throw linkGone();
    const passwordHash = await this.auth.strongPasswordHash(owner, password, 'password');
    await inTransaction(this.dataSource, async () => {
      const link = await this.links.lockByHash(tokenHash);
      if (!link || link.usedAt || link.expiresAt.getTime() <= Date.now()) throw linkGone();
      const user = await this.auth.findAccount(link.userId);
      if (!user || !user.active) throw linkGone();
      await this.auth.setPasswordHash(user.id, passwordHash);
      await this.links.useAllOf(user.id);
    });
  }

  private async sendLink(
    afterCommit: AfterCommit,
    user: UserRecord,
    purpose: StaffLinkPurpose,
    language: Language,
  ): Promise<void> {
    const linkId = await this.links.create(user.id, purpose, new Date(Date.now() + STAFF_LINK_TTL_MS));
    await this.outbox.write(afterCommit, [
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
}
