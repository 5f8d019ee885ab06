import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Subscriber } from '@gfmd/contracts';
import type { AuthUser } from '@gfmd/api-auth';
import { MailLinkHooks, type MintedLinks, OutboxService } from '@gfmd/api-mail';
import {
  type AfterCommit,
  AppConfig,
  AuditService,
  hashToken,
  inTransaction,
  newToken,
  normalizeEmail,
  notFound,
  PersonDataRegistry,
} from '@gfmd/api-platform';
import { DataSource } from 'typeorm';
import { AddSubscribersDto, SubscribeDto } from './synthesis.dto';
import { SubscriberRecord, SubscribersRepository, SubscriberScope } from './subscribers.repository';
import type { TargetRecord } from './synthesis-targets';

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,128}$/;

/** What a subscription is to, for its emails and audit lines. */
export interface ScopeInfo {
  scope: SubscriberScope;
  /** The id the audit line names (the process, session or milestone). */
  id: string;
  title: string;
  /** The public page the confirmation leads back to. */
  pageUrl: string;
}

export const toSubscriber = (s: SubscriberRecord): Subscriber => ({
  id: s.id,
  email: s.email,
  name: s.name,
  language: s.language,
  status: s.status,
  processId: s.processId,
  informalSessionId: s.informalSessionId,
  milestoneId: s.milestoneId,
  addedBy: s.addedBy,
  createdAt: new Date(s.createdAt).toISOString(),
  confirmedAt: s.confirmedAt ? new Date(s.confirmedAt).toISOString() : null,
});

/**
 * The people emailed when a synthesis is published: a list organizers keep (co-facilitators,
 * focal points: confirmed as added) and anyone who subscribes with an address confirmed by a
 * link. The confirm and unsubscribe links are minted when their email is sent (MailLinkHooks);
 * only their tokens' sha256 is stored. Subscribers are personal data: see exportFor and erase.
 */
@Injectable()
export class SubscribersService implements OnModuleInit {
  constructor(
    private readonly repo: SubscribersRepository,
    private readonly outbox: OutboxService,
    private readonly hooks: MailLinkHooks,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly personalData: PersonDataRegistry,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit() {
    this.hooks.onMint('subscription', (ids) => this.mint(ids));
    this.personalData.register({
      name: 'synthesisSubscriptions',
      export: (email) => this.exportFor(email),
      erase: (email) => this.erase(email),
    });
  }

  async list(scope: SubscriberScope): Promise<Subscriber[]> {
    return (await this.repo.list(scope)).map(toSubscriber);
  }

  /** Organizers add addresses (confirmed as added); an address already in the list is skipped. */
  async add(
    info: ScopeInfo,
    dto: AddSubscribersDto,
    user: AuthUser,
  ): Promise<{ added: Subscriber[]; skipped: number }> {
    return inTransaction(this.dataSource, async () => {
      const added: SubscriberRecord[] = [];
      for (const s of dto.subscribers) {
        const row = await this.repo.insert(info.scope, {
          email: normalizeEmail(s.email),
          name: s.name?.trim() || null,
          language: s.language ?? 'en',
          status: 'confirmed',
          addedBy: 'organizer',
        });
        if (row) added.push(row);
      }
      await this.audit.record(
        added.map((r) => ({
          actorUserId: user.id,
          action: 'synthesis.subscriber_added' as const,
          entityType: 'subscriber' as const,
          entityId: r.id,
          details: { scopeId: info.id },
        })),
      );
      return { added: added.map(toSubscriber), skipped: dto.subscribers.length - added.length };
    });
  }

  async remove(id: string, user: AuthUser): Promise<void> {
    await inTransaction(this.dataSource, async () => {
      const row = await this.repo.find(id);
      if (!row || !(await this.repo.delete(id))) throw notFound('Subscriber');
      await this.audit.record({
        actorUserId: user.id,
        action: 'synthesis.subscriber_removed',
        entityType: 'subscriber',
        entityId: id,
        details: { scopeId: row.processId ?? row.informalSessionId ?? row.milestoneId },
      });
    });
  }

  /**
   * Anyone asks to be emailed: a pending subscriber and a confirmation email (at most one a day
   * per address and list). The answer is the same whether the address was known or not.
   */
  async subscribe(info: ScopeInfo, dto: SubscribeDto): Promise<{ status: 'pending' }> {
    const email = normalizeEmail(dto.email);
    await inTransaction(this.dataSource, async (_m, afterCommit) => {
      const row =
        (await this.repo.findByEmail(info.scope, email)) ??
        (await this.repo.insert(info.scope, {
          email,
          name: null,
          language: dto.language ?? 'en',
          status: 'pending',
          addedBy: 'self',
        })) ??
        (await this.repo.findByEmail(info.scope, email));
      if (!row || row.status === 'confirmed') return;
      const day = new Date().toISOString().slice(0, 10);
      await this.outbox.write(afterCommit, [
        {
          kind: 'subscription_confirm',
          to: row.email,
          language: row.language,
          idempotencyKey: `subscription_confirm:${row.id}:${day}`,
          params: { synthesisTitle: info.title, synthesisUrl: info.pageUrl, linkId: row.id },
          links: 'subscription',
        },
      ]);
    });
    return { status: 'pending' };
  }

  /** The link of the confirmation email: the subscriber is confirmed (again: no change). 404 for an unknown token. */
  async confirm(token: string): Promise<{ status: 'confirmed' }> {
    return inTransaction(this.dataSource, async () => {
      const row = TOKEN_SHAPE.test(token) ? await this.repo.byToken(hashToken(token)) : null;
      if (!row) throw notFound('Subscription');
      await this.repo.confirm(row.id);
      return { status: 'confirmed' };
    });
  }

  /** The unsubscribe link of any email: the subscriber is deleted (its tokens with it). 404 for an unknown token. */
  async unsubscribe(token: string): Promise<{ status: 'unsubscribed' }> {
    return inTransaction(this.dataSource, async () => {
      const row = TOKEN_SHAPE.test(token) ? await this.repo.byToken(hashToken(token)) : null;
      if (!row) throw notFound('Subscription');
      await this.repo.delete(row.id);
      return { status: 'unsubscribed' };
    });
  }

  /**
   * In the publishing transaction: one email to each confirmed subscriber of the target and of
   * its process. The idempotency key holds the synthesis version, so the same version is never
   * sent twice to anyone. Answers how many were written.
   */
  async notifyPublished(
    afterCommit: AfterCommit,
    t: TargetRecord,
    synthesisId: string,
    version: number,
  ): Promise<number> {
    const scope = t.target === 'informal-sessions' ? { informalSessionId: t.id } : { milestoneId: t.id };
    const recipients = await this.repo.recipients(scope, t.processId);
    const keyOf = (r: SubscriberRecord) => `synthesis_published:${synthesisId}:${version}:${r.id}`;
    const sent = await this.outbox.existingKeys(recipients.map(keyOf));
    const emails = recipients
      .filter((r) => !sent.has(keyOf(r)))
      .map((r) => ({
        kind: 'synthesis_published' as const,
        to: r.email,
        language: r.language,
        idempotencyKey: keyOf(r),
        params: {
          synthesisTitle: t.titleIn(r.language).title,
          synthesisUrl: `${this.config.publicUrl}/syntheses/${t.target}/${t.id}`,
          linkId: r.id,
          ...(r.name ? { recipientName: r.name } : {}),
        },
        links: 'subscription' as const,
      }));
    await this.outbox.write(afterCommit, emails);
    return emails.length;
  }

  /** Fresh confirm and unsubscribe links for the subscribers that still exist (the worker, at send time). */
  async mint(ids: string[]): Promise<Map<string, MintedLinks>> {
    const tokens = ids.map((subscriberId) => ({ subscriberId, token: newToken() }));
    const issued = await this.repo.addTokens(
      tokens.map((t) => ({ subscriberId: t.subscriberId, tokenHash: hashToken(t.token) })),
    );
    const base = this.config.publicUrl;
    return new Map(
      tokens
        .filter((t) => issued.has(t.subscriberId))
        .map((t) => [
          t.subscriberId,
          {
            confirmUrl: `${base}/subscriptions/confirm/${t.token}`,
            leaveUrl: `${base}/subscriptions/leave/${t.token}`,
            unsubscribeUrl: `${base}/api/v1/synthesis-subscriptions/${t.token}/unsubscribe`,
          },
        ]),
    );
  }

  /** A person's data export: every subscription of the address. */
  async exportFor(email: string): Promise<Subscriber[]> {
    return (await this.repo.byEmail(normalizeEmail(email))).map(toSubscriber);
  }

  /** Erasure, in the caller's transaction: every subscription of the address goes. Answers how many. */
  async erase(email: string): Promise<number> {
    return (await this.repo.deleteByEmail(normalizeEmail(email))).length;
  }
}
