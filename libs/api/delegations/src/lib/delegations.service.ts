import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthUser } from '@gfmd/api-auth';
import { type DialogueRecord, DialoguesService } from '@gfmd/api-dialogues';
import {
  type AfterCommit,
  AuditService,
  badRequest,
  changedFields,
  conflict,
  inTransaction,
  normalizeEmail,
  notFound,
  msg,
} from '@gfmd/api-platform';
import { SeatHolds } from '@gfmd/api-registrations';
import {
  LANGUAGES,
  type Delegate,
  type Delegation,
  type ImportDelegationsResult,
  type Language,
  type Page,
} from '@gfmd/contracts';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CreateDelegationDto, ImportDelegationsDto, UpdateDelegationDto } from './delegation.dto';
import { DelegationMailer } from './delegation-mailer';
import { toDelegates, toDelegation } from './delegation.mapper';
import { delegationRows } from './delegations-csv.util';
import { DelegationsRepository } from './delegations.repository';

/** Most delegations one import may create. */
const IMPORT_MAX_ROWS = 2_000;

/**
 * A focal point's language when none is given (create, or an import without the column or with
 * an empty cell): the dialogue's first language that emails are written in, so that a French
 * dialogue's focal point gets a French email and an /fr/ link; English when it lists none.
 */
const defaultFocalPointLanguage = (dialogue: Pick<DialogueRecord, 'languages'>): Language =>
  dialogue.languages.find((l): l is Language => (LANGUAGES as readonly string[]).includes(l)) ?? 'en';

/** Rolls an import's transaction back after a dry run (never leaves this file). */
class DryRun {
  constructor(readonly result: ImportDelegationsResult) {}
}

/**
 * Organizers' side of delegations: create (seats held at once, the focal point emailed a private
 * link), list, change, release unused seats (to the waiting list), import from CSV. Seats are the
 * registrations domain's: every change goes through its SeatHolds port, in this domain's
 * transaction, so a delegation and its seats are written together or not at all.
 */
@Injectable()
export class DelegationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repo: DelegationsRepository,
    private readonly holds: SeatHolds,
    private readonly dialogues: DialoguesService,
    private readonly mailer: DelegationMailer,
    private readonly audit: AuditService,
  ) {}

  async create(dialogueId: string, dto: CreateDelegationDto, user: AuthUser): Promise<Delegation> {
    const dialogue = await this.dialogues.findRecord(dialogueId);
    const id = await inTransaction(this.dataSource, (_m, afterCommit) =>
      this.createIn(afterCommit, dialogue, dto, user, 'delegation.created'),
    );
    return this.get(id);
  }

  async list(dialogueId: string): Promise<Page<Delegation>> {
    await this.dialogues.findRecord(dialogueId);
    const rows = await this.repo.byDialogue(dialogueId);
    const usage = await this.holds.usage(rows.map((r) => r.id));
    const items = rows.map((r) => toDelegation(r, usage.get(r.id)));
    return { items, total: items.length, page: 1, pageSize: Math.max(items.length, 1) };
  }

  async get(id: string): Promise<Delegation & { delegates: Delegate[] }> {
    const row = await this.repo.byId(id);
    if (!row) throw notFound('Delegation');
    const usage = await this.holds.usage([id]);
    const delegates = toDelegates(await this.holds.members(id), await this.repo.roles(id));
    return { ...toDelegation(row, usage.get(id)), delegates };
  }

  /** Changes a delegation; fewer seats go to the waiting list, a new focal point gets a new link (the old ones end). */
  async update(id: string, dto: UpdateDelegationDto, user: AuthUser): Promise<Delegation> {
    const found = await this.repo.byId(id);
    if (!found) throw notFound('Delegation');
    const dialogue = await this.dialogues.findRecord(found.dialogueId);
    await inTransaction(this.dataSource, async (_m, afterCommit) => {
      const seatsBefore = (await this.holds.usage([id])).get(id)?.seats;
      const usage = dto.seats !== undefined ? await this.holds.resize(afterCommit, id, dto.seats) : undefined;
      const row = (await this.repo.byId(id)) ?? found;
      if (dto.name !== undefined && dto.name.toLowerCase() !== row.name.toLowerCase()) {
        if ((await this.repo.takenNames(row.dialogueId, [dto.name])).size) throw this.duplicateName(dto.name);
      }
      if (dto.name !== undefined) await this.holds.relabel(id, dto.name);
      const newFocalPoint =
        dto.focalPointEmail !== undefined &&
        normalizeEmail(dto.focalPointEmail) !== normalizeEmail(row.focalPointEmail);
      const { seats: _seats, ...patch } = dto;
      await this.repo.update(id, patch, newFocalPoint);
      const fields = changedFields(
        { ...row, seats: seatsBefore },
        { ...patch, ...(dto.seats !== undefined ? { seats: dto.seats } : {}) },
      );
      if (newFocalPoint) {
        const updated = await this.repo.byId(id);
        if (updated) {
          const seats = usage?.seats ?? (await this.holds.usage([id])).get(id)?.seats ?? 0;
          await this.mailer.sendLink(afterCommit, dialogue, updated, seats);
        }
      }
      if (fields.length)
        await this.audit.record({
          actorUserId: user.id,
          action: 'delegation.changed',
          entityType: 'delegation',
          entityId: id,
          dialogueId: row.dialogueId,
          details: { fields: fields.map((f) => (f === 'focalPointEmail' ? 'focalPoint' : f)) },
        });
    });
    return this.get(id);
  }

  /** Lets go of the seats no delegate uses: they go to the dialogue's waiting list at once. */
  async release(id: string, user: AuthUser): Promise<Delegation> {
    const found = await this.repo.byId(id);
    if (!found) throw notFound('Delegation');
    await inTransaction(this.dataSource, async (_m, afterCommit) => {
      const before = (await this.holds.usage([id])).get(id);
      const used = before?.used ?? 0;
      // Resize reads the use again under the locks; a delegate named meanwhile keeps their seat.
      const after = await this.holds.resize(afterCommit, id, used);
      await this.audit.record({
        actorUserId: user.id,
        action: 'delegation.released',
        entityType: 'delegation',
        entityId: id,
        dialogueId: found.dialogueId,
        details: { released: (before?.seats ?? 0) - after.seats },
      });
    });
    return this.get(id);
  }

  /** Sends the focal point a new email with a fresh link (the earlier links keep working). */
  async resend(id: string): Promise<Delegation> {
    const row = await this.repo.byId(id);
    if (!row) throw notFound('Delegation');
    const dialogue = await this.dialogues.findRecord(row.dialogueId);
    const seats = (await this.holds.usage([id])).get(id)?.seats ?? 0;
    await inTransaction(this.dataSource, (_m, afterCommit) =>
      this.mailer.sendLink(afterCommit, dialogue, row, seats, false),
    );
    return this.get(id);
  }

  /**
   * Creates the delegations of a CSV file, all or none (400 with the line of each invalid cell,
   * 409 when the seats do not fit); a dry run answers the same and writes nothing.
   */
  async import(dialogueId: string, dto: ImportDelegationsDto, user: AuthUser): Promise<ImportDelegationsResult> {
    const dialogue = await this.dialogues.findRecord(dialogueId);
    const parsed = delegationRows(dto.csv);
    if ('error' in parsed) throw badRequest(msg('delegations.csvUnreadable'), parsed.error);
    if (!parsed.ok.length)
      throw badRequest(msg('delegations.csvEmpty'), [{ field: 'csv', message: msg('delegations.csvEmpty.field') }]);
    if (parsed.ok.length > IMPORT_MAX_ROWS)
      throw badRequest(msg('delegations.csvTooLong', { max: IMPORT_MAX_ROWS }), [
        { field: 'csv', message: msg('delegations.csvTooLong.field') },
      ]);
    const dtos: CreateDelegationDto[] = [];
    const errors: { field: string; message: string; code: string }[] = [];
    for (const [i, raw] of parsed.ok.entries()) {
      const item = plainToInstance(CreateDelegationDto, raw);
      const problems = await validate(item, { whitelist: true, forbidNonWhitelisted: true });
      for (const p of problems)
        // the constraint's code lets the problem filter write its words in the reader's language
        for (const [code, message] of Object.entries(p.constraints ?? { invalid: 'is invalid' }))
          errors.push({ field: `line ${i + 2}: ${p.property}`, message, code });
      dtos.push(item);
    }
    if (errors.length) throw badRequest(msg('delegations.csvRowsInvalid'), errors);
    const names = dtos.map((d) => d.name.toLowerCase());
    const repeated = names.findIndex((n, i) => names.indexOf(n) !== i);
    if (repeated >= 0) throw this.duplicateName(dtos[repeated].name);
    const result: ImportDelegationsResult = {
      dryRun: !!dto.dryRun,
      created: dtos.length,
      seats: dtos.reduce((n, d) => n + d.seats, 0),
      items: dtos.map((d) => ({
        name: d.name,
        stakeholderGroup: d.stakeholderGroup,
        country: d.country ?? null,
        seats: d.seats,
      })),
    };
    try {
      await inTransaction(this.dataSource, async (_m, afterCommit) => {
        for (const d of dtos) await this.createIn(afterCommit, dialogue, d, user, null);
        await this.audit.record({
          actorUserId: user.id,
          action: 'delegation.imported',
          entityType: 'dialogue',
          entityId: dialogue.id,
          dialogueId: dialogue.id,
          details: { created: result.created, seats: result.seats },
        });
        if (dto.dryRun) throw new DryRun(result);
      });
    } catch (e) {
      if (e instanceof DryRun) return e.result;
      throw e;
    }
    return result;
  }

  /** One delegation and its held seats, in the caller's transaction; answers its id. */
  private async createIn(
    afterCommit: AfterCommit,
    dialogue: DialogueRecord,
    dto: CreateDelegationDto,
    user: AuthUser,
    audit: 'delegation.created' | null,
  ): Promise<string> {
    const id = randomUUID();
    // The hold takes the dialogue's row lock first: the name check below is serialised by it.
    await this.holds.hold({
      id,
      dialogueId: dialogue.id,
      stakeholderGroup: dto.stakeholderGroup,
      seats: dto.seats,
      label: dto.name,
    });
    if ((await this.repo.takenNames(dialogue.id, [dto.name])).size) throw this.duplicateName(dto.name);
    const row = {
      id,
      dialogueId: dialogue.id,
      name: dto.name,
      stakeholderGroup: dto.stakeholderGroup,
      country: dto.country ?? null,
      focalPointEmail: dto.focalPointEmail,
      focalPointLanguage: dto.focalPointLanguage ?? defaultFocalPointLanguage(dialogue),
    };
    await this.repo.insert(row);
    await this.mailer.sendLink(afterCommit, dialogue, { ...row, linkRound: 1 }, dto.seats);
    if (audit)
      await this.audit.record({
        actorUserId: user.id,
        action: audit,
        entityType: 'delegation',
        entityId: id,
        dialogueId: dialogue.id,
        details: { seats: dto.seats, stakeholderGroup: dto.stakeholderGroup },
      });
    return id;
  }

  private duplicateName(name: string) {
    return conflict('duplicate-delegation', msg('delegations.duplicate', { name: name.slice(0, 80) }));
  }
}
