import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { InvitationStatus, Language, StakeholderGroup } from '@gfmd/contracts';
import { EntityManager, Repository } from 'typeorm';
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

const CHUNK = 5000;

/** The only code that reads and writes the invitations table. */
@Injectable()
export class InvitationsRepository {
  constructor(@InjectRepository(InvitationEntity) private readonly repo: Repository<InvitationEntity>) {}

  /**
   * Inserts invitations in bulk; an address already invited to the dialogue is skipped
   * (ON CONFLICT DO NOTHING). Returns the rows inserted with their normalized email.
   */
  async insertMany(
    manager: EntityManager,
    dialogueId: string,
    rows: NewInvitation[],
    common: { spaceIds: string[]; message: string | null; createdById: string | null },
  ): Promise<{ id: string; emailNormalized: string }[]> {
    const out: { id: string; emailNormalized: string }[] = [];
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK);
      const raw: { id: string; email_normalized: string }[] = await manager.query(
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

  findById(id: string): Promise<InvitationRecord | null> {
    return this.repo.findOne({ where: { id } });
  }

  async findByTokenHash(tokenHash: string): Promise<InvitationRecord | null> {
    return this.repo.createQueryBuilder('i').where(BY_TOKEN.replace(/\$1/g, ':tokenHash'), { tokenHash }).getOne();
  }

  /** Invitations of a dialogue in some statuses, locked for the caller's transaction. */
  lockByStatus(manager: EntityManager, dialogueId: string, statuses: InvitationStatus[]): Promise<InvitationRecord[]> {
    return manager
      .getRepository(InvitationEntity)
      .createQueryBuilder('i')
      .setLock('pessimistic_write')
      .where('i.dialogue_id = :dialogueId AND i.status IN (:...statuses)', { dialogueId, statuses })
      .orderBy('i.created_at', 'ASC')
      .getMany();
  }

  lockById(manager: EntityManager, id: string): Promise<InvitationRecord | null> {
    return manager.getRepository(InvitationEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async setQueued(manager: EntityManager, ids: string[]): Promise<void> {
    if (!ids.length) return;
    await manager.query(
      `UPDATE invitations SET status = 'queued', last_error = NULL, updated_at = now() WHERE id = ANY($1::uuid[])`,
      [ids],
    );
  }

  /**
   * Adds a token hash to each invitation still open (queued, sent, failed), in one statement;
   * returns the invitations that got theirs, with their dialogue.
   */
  async addTokens(manager: EntityManager, pairs: { invitationId: string; tokenHash: string }[]): Promise<Map<string, string>> {
    if (!pairs.length) return new Map();
    const rows: { invitation_id: string; dialogue_id: string }[] = await manager.query(
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

  /** Delivery succeeded: queued/failed → sent (one statement for a batch of deliveries). */
  async markSent(manager: EntityManager, ids: string[]): Promise<void> {
    if (!ids.length) return;
    await manager.query(
      `UPDATE invitations SET status = 'sent', sent_at = now(), last_error = NULL, updated_at = now()
        WHERE id = ANY($1::uuid[]) AND status IN ('queued', 'failed')`,
      [ids],
    );
  }

  /** Delivery failed for good: queued → failed with the reason. */
  async markFailed(manager: EntityManager, failures: { id: string; error: string }[]): Promise<void> {
    if (!failures.length) return;
    await manager.query(
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

  /**
   * For the registrations domain: the invitation a token opens for a dialogue (queued, sent,
   * failed or declined — a declined invitee may change their mind), or null.
   */
  async findUsable(manager: EntityManager, dialogueId: string, tokenHash: string): Promise<InvitationRecord | null> {
    return manager
      .getRepository(InvitationEntity)
      .createQueryBuilder('i')
      .setLock('pessimistic_write')
      .where(`${BY_TOKEN.replace(/\$1/g, ':tokenHash')} AND i.dialogue_id = :dialogueId`, { tokenHash, dialogueId })
      .andWhere(`i.status IN ('queued', 'sent', 'failed', 'declined')`)
      .getOne();
  }

  /** For the registrations domain, in its transaction: the invitation has been used. */
  async markRegistered(manager: EntityManager, id: string, registrationId: string): Promise<void> {
    await manager.query(
      `UPDATE invitations SET status = 'registered', registration_id = $2, updated_at = now() WHERE id = $1`,
      [id, registrationId],
    );
  }

  /** Spaces among `ids` that belong to the dialogue. */
  async spacesOfDialogue(dialogueId: string, ids: string[]): Promise<string[]> {
    if (!ids.length) return [];
    const rows: { id: string }[] = await this.repo.query(
      `SELECT id FROM spaces WHERE dialogue_id = $1 AND id = ANY($2::uuid[])`,
      [dialogueId, ids],
    );
    return rows.map((r) => r.id);
  }
}
