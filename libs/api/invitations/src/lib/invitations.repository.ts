import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { InvitationStatus, Language, StakeholderGroup } from '@gfmd/contracts';
import { currentManager } from '@gfmd/api-platform';
import { Repository } from 'typeorm';
import { InvitationEntity } from './invitation.entity';

export type InvitationRecord = InvitationEntity;

export interface NewInvitation {
  email: string;
  emailNormalized: string;
  name: string | null;
  stakeholderGroup: StakeholderGroup | null;
  preferredLanguage: Language;
}

/** Rows whose token (sha256 hex, `$1`) is their own first one or any minted since (`invitation_tokens`). */
const BY_TOKEN = `(token_hash = $1 OR id = (SELECT t.invitation_id FROM invitation_tokens t WHERE t.token_hash = $1))`;

/** What the registrations domain needs of an invitation (admission, seat rules, data-subject export). */
export interface InvitationRef {
  id: string;
  dialogueId: string;
  email: string;
  emailNormalized: string;
  name: string | null;
  status: InvitationStatus;
  spaceIds: string[];
  registrationId: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

const REF_COLUMNS = `i.id, i.dialogue_id AS "dialogueId", i.email, i.email_normalized AS "emailNormalized", i.name, i.status,
  i.space_ids::text[] AS "spaceIds", i.registration_id AS "registrationId", i.created_at AS "createdAt", i.sent_at AS "sentAt"`;

const CHUNK = 5000;

/**
 * The only code that reads and writes the invitations table. Writes and locks run in the
 * transaction of the async context (`currentManager`), or autocommit outside one.
 */
@Injectable()
export class InvitationsRepository {
  constructor(@InjectRepository(InvitationEntity) private readonly repo: Repository<InvitationEntity>) {}

  /** The manager of the transaction under way, or the data source's one. */
  private get manager() {
    return currentManager(this.repo.manager.connection);
  }

  /**
   * Inserts invitations in bulk; an address already invited to the dialogue is skipped
   * (ON CONFLICT DO NOTHING). Returns the rows inserted with their normalized email.
   */
  async insertMany(
    dialogueId: string,
    rows: NewInvitation[],
    common: { spaceIds: string[]; message: string | null; createdById: string | null },
  ): Promise<{ id: string; emailNormalized: string }[]> {
    const out: { id: string; emailNormalized: string }[] = [];
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK);
      const raw: { id: string; email_normalized: string }[] = await this.manager.query(
        `INSERT INTO invitations (dialogue_id, email, email_normalized, name, stakeholder_group, preferred_language,
                                  space_ids, message, created_by_id, status)
         SELECT $1, t.email, t.norm, t.name, t.grp, t.lang, $7::uuid[], $8, $9, 'queued'
           FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS t(email, norm, name, grp, lang)
         ON CONFLICT (dialogue_id, email_normalized) DO NOTHING
         RETURNING id, email_normalized`,
        [
          dialogueId,
          chunk.map((r) => r.email),
          chunk.map((r) => r.emailNormalized),
          chunk.map((r) => r.name),
          chunk.map((r) => r.stakeholderGroup),
          chunk.map((r) => r.preferredLanguage),
          common.spaceIds,
          common.message,
          common.createdById,
        ],
      );
      for (const r of raw) out.push({ id: r.id, emailNormalized: r.email_normalized });
    }
    return out;
  }

  async list(filter: {
    dialogueId: string;
    status?: InvitationStatus;
    q?: string;
    skip: number;
    take: number;
  }): Promise<[InvitationRecord[], number]> {
    const qb = this.repo
      .createQueryBuilder('i')
      .where('i.dialogue_id = :dialogueId', { dialogueId: filter.dialogueId });
    if (filter.status) qb.andWhere('i.status = :status', { status: filter.status });
    if (filter.q)
      qb.andWhere('i.email_normalized LIKE :q', {
        q: `%${filter.q.toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`)}%`,
      });
    return qb
      .orderBy('i.created_at', 'ASC')
      .addOrderBy('i.id', 'ASC')
      .skip(filter.skip)
      .take(filter.take)
      .getManyAndCount();
  }

  /** A dialogue's invitations by status: one GROUP BY on `invitations_dialogue_status_idx` (no row loaded). */
  async countByStatus(dialogueId: string): Promise<Map<InvitationStatus, number>> {
    const rows: { status: InvitationStatus; n: number }[] = await this.manager.query(
      `SELECT status, count(*)::int AS n FROM invitations WHERE dialogue_id = $1 GROUP BY status`,
      [dialogueId],
    );
    return new Map(rows.map((r) => [r.status, Number(r.n)]));
  }

  findById(id: string): Promise<InvitationRecord | null> {
    return this.repo.findOne({ where: { id } });
  }

  async findByTokenHash(tokenHash: string): Promise<InvitationRecord | null> {
    return this.repo.createQueryBuilder('i').where(BY_TOKEN.replace(/\$1/g, ':tokenHash'), { tokenHash }).getOne();
  }

  /** Invitations of a dialogue in some statuses, locked for the caller's transaction. */
  lockByStatus(dialogueId: string, statuses: InvitationStatus[]): Promise<InvitationRecord[]> {
    return this.manager
      .getRepository(InvitationEntity)
      .createQueryBuilder('i')
      .setLock('pessimistic_write')
      .where('i.dialogue_id = :dialogueId AND i.status IN (:...statuses)', { dialogueId, statuses })
      .orderBy('i.created_at', 'ASC')
      .getMany();
  }

  lockById(id: string): Promise<InvitationRecord | null> {
    return this.manager.getRepository(InvitationEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Sent again by staff: queued once more, and one more resend counted. */
  async markResent(ids: string[]): Promise<void> {
    if (!ids.length) return;
    await this.manager.query(
      `UPDATE invitations SET status = 'queued', last_error = NULL, resends = resends + 1, updated_at = now()
        WHERE id = ANY($1::uuid[])`,
      [ids],
    );
  }

  /**
   * Adds a token hash to each invitation still open (queued, sent, failed), in one statement;
   * returns the invitations that got theirs, with their dialogue.
   */
  async addTokens(pairs: { invitationId: string; tokenHash: string }[]): Promise<Map<string, string>> {
    if (!pairs.length) return new Map();
    const rows: { invitation_id: string; dialogue_id: string }[] = await this.manager.query(
      `WITH added AS (
         INSERT INTO invitation_tokens (token_hash, invitation_id)
         SELECT x.hash, i.id FROM unnest($1::text[], $2::uuid[]) AS x(hash, iid) JOIN invitations i ON i.id = x.iid
          WHERE i.status IN ('queued', 'sent', 'failed')
         RETURNING invitation_id)
       SELECT a.invitation_id, i.dialogue_id FROM added a JOIN invitations i ON i.id = a.invitation_id`,
      [pairs.map((p) => p.tokenHash), pairs.map((p) => p.invitationId)],
    );
    return new Map(rows.map((r) => [r.invitation_id, r.dialogue_id]));
  }

  /** The addresses among `emailsNormalized` already invited to the dialogue (a dry run's "already invited"). */
  async invitedAmong(dialogueId: string, emailsNormalized: string[]): Promise<Set<string>> {
    const out = new Set<string>();
    for (let i = 0; i < emailsNormalized.length; i += CHUNK) {
      const rows: { e: string }[] = await this.repo.query(
        `SELECT email_normalized AS e FROM invitations WHERE dialogue_id = $1 AND email_normalized = ANY($2::text[])`,
        [dialogueId, emailsNormalized.slice(i, i + CHUNK)],
      );
      for (const r of rows) out.add(r.e);
    }
    return out;
  }

  /** Delivery succeeded: queued/failed → sent (one statement for a batch of deliveries). */
  async markSent(ids: string[]): Promise<void> {
    if (!ids.length) return;
    await this.manager.query(
      `UPDATE invitations SET status = 'sent', sent_at = now(), last_error = NULL, updated_at = now()
        WHERE id = ANY($1::uuid[]) AND status IN ('queued', 'failed')`,
      [ids],
    );
  }

  /** Delivery failed for good: queued → failed with the reason. */
  async markFailed(failures: { id: string; error: string }[]): Promise<void> {
    if (!failures.length) return;
    await this.manager.query(
      `UPDATE invitations i SET status = 'failed', last_error = f.error, updated_at = now()
         FROM unnest($1::uuid[], $2::text[]) AS f(id, error)
        WHERE i.id = f.id AND i.status = 'queued'`,
      [failures.map((f) => f.id), failures.map((f) => f.error.slice(0, 1000))],
    );
  }

  /** The holder declines: any state but registered becomes declined. Returns the row as it was, or null. */
  async decline(tokenHash: string): Promise<{ id: string; status: InvitationStatus } | null> {
    const rows: { id: string; status: InvitationStatus }[] = await this.repo
      .query(
        `WITH old AS (SELECT id, status FROM invitations WHERE ${BY_TOKEN} FOR UPDATE)
       UPDATE invitations i SET status = CASE WHEN old.status = 'registered' THEN i.status ELSE 'declined' END, updated_at = now()
         FROM old WHERE i.id = old.id RETURNING old.id, old.status`,
        [tokenHash],
      )
      .then((r: [{ id: string; status: InvitationStatus }[], number]) => r[0]);
    return rows[0] ?? null;
  }

  // ── for the registrations domain (through RegistrationInvitations) ──────────────────────

  /** The invitation a token hash names for a dialogue, whatever its status, or null. */
  async refByTokenHash(dialogueId: string, tokenHash: string): Promise<InvitationRef | null> {
    const rows: InvitationRef[] = await this.repo.query(
      `SELECT ${REF_COLUMNS} FROM invitations i WHERE (i.token_hash = $1 OR i.id = (SELECT t.invitation_id FROM invitation_tokens t WHERE t.token_hash = $1))
          AND i.dialogue_id = $2`,
      [tokenHash, dialogueId],
    );
    return rows[0] ?? null;
  }

  refsByIds(ids: string[]): Promise<InvitationRef[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.manager.query(`SELECT ${REF_COLUMNS} FROM invitations i WHERE i.id = ANY($1::uuid[])`, [ids]);
  }

  refsByEmail(emailNormalized: string): Promise<InvitationRef[]> {
    return this.manager.query(
      `SELECT ${REF_COLUMNS} FROM invitations i WHERE i.email_normalized = $1 ORDER BY i.created_at`,
      [emailNormalized],
    );
  }

  /** The invitations have been used, in the caller's (admission) transaction: one statement for a batch. */
  async markRegistered(pairs: { invitationId: string; registrationId: string }[]): Promise<void> {
    if (!pairs.length) return;
    await this.manager.query(
      `UPDATE invitations SET status = 'registered', registration_id = x.rid, updated_at = now()
         FROM unnest($1::uuid[], $2::uuid[]) AS x(iid, rid) WHERE invitations.id = x.iid`,
      [pairs.map((p) => p.invitationId), pairs.map((p) => p.registrationId)],
    );
  }

  /** The registration made with the invitation was cancelled: the invitation may be used again. */
  async release(invitationId: string, registrationId: string): Promise<void> {
    await this.manager.query(
      `UPDATE invitations SET status = CASE WHEN sent_at IS NULL THEN 'queued' ELSE 'sent' END, registration_id = NULL, updated_at = now()
        WHERE id = $1 AND registration_id = $2`,
      [invitationId, registrationId],
    );
  }

  /** Erasure: scrubs the invitations to an address; their tokens stop working. Returns how many. */
  async scrubByEmail(emailNormalized: string): Promise<number> {
    const [rows] = (await this.manager.query(
      `UPDATE invitations SET email = 'erased-' || id || '@invalid', email_normalized = 'erased-' || id || '@invalid',
         name = NULL, message = NULL, stakeholder_group = NULL, token_hash = 'erased-' || id,
         status = CASE WHEN status = 'registered' THEN status ELSE 'declined' END, last_error = NULL, updated_at = now()
       WHERE email_normalized = $1 RETURNING id`,
      [emailNormalized],
    )) as [{ id: string }[], number];
    if (rows.length) {
      await this.manager.query('DELETE FROM invitation_tokens WHERE invitation_id = ANY($1::uuid[])', [
        rows.map((r) => r.id),
      ]);
    }
    return rows.length;
  }

  /** Retention: scrubs every invitation of a dialogue (and deletes their tokens); returns how many. */
  async scrubDialogue(dialogueId: string): Promise<number> {
    const [rows] = (await this.manager.query(
      `UPDATE invitations SET email = 'erased-' || id || '@invalid', email_normalized = 'erased-' || id || '@invalid',
         name = NULL, message = NULL, stakeholder_group = NULL, token_hash = 'erased-' || id,
         status = CASE WHEN status = 'registered' THEN status ELSE 'declined' END, last_error = NULL, updated_at = now()
       WHERE dialogue_id = $1 AND email_normalized NOT LIKE 'erased-%' RETURNING id`,
      [dialogueId],
    )) as [{ id: string }[], number];
    await this.manager.query(
      'DELETE FROM invitation_tokens t USING invitations i WHERE t.invitation_id = i.id AND i.dialogue_id = $1',
      [dialogueId],
    );
    return rows.length;
  }
}
