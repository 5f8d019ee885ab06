import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AgendaItemView, AgendaView, Dialogue, Language, PersonalAgendaView, Speaker } from '@gfmd/contracts';
import type { AuthUser } from '@gfmd/api-auth';
import {
  DialogueChange,
  DialogueEntity,
  DialogueHooks,
  DialogueRecord,
  DialoguesRepository,
  DialoguesService,
  toDialogue,
} from '@gfmd/api-dialogues';
import {
  AppConfig,
  AuditService,
  badRequest,
  conflict,
  currentManager,
  domainRule,
  FieldError,
  forbidden,
  inTransaction,
  notFound,
} from '@gfmd/api-platform';
import { ManageLinks, ReminderRound } from '@gfmd/api-registrations';
import { canManageSpace, SpaceRecord, SpacesService } from '@gfmd/api-spaces';
import { DataSource, QueryFailedError } from 'typeorm';
import { AgendaMailService, AgendaSendPreview, AgendaSendResult, AgendaState } from './agenda-mail.service';
import { UpdateAgendaItemDto } from './agenda-item.dto';
import { AgendaItemRecord, AgendaRepository } from './agenda.repository';
import { agendaCalendar, localIso, personalItems, SHARED_KINDS, SpaceInfo, toAgendaItem } from './agenda-view.util';
import { AgendaSlot, duplicateSpeakers, findClash, roomKey } from './overlap.util';

export type Viewer = AuthUser | undefined;

type ItemFields = Pick<
  AgendaItemRecord,
  'spaceId' | 'title' | 'description' | 'kind' | 'startsAt' | 'endsAt' | 'room' | 'speakers' | 'themeIds'
>;

const CLOSED = ['cancelled', 'concluded'];
const isOrganizer = (user: Viewer) => user?.role === 'admin' || user?.role === 'organizer';
const toInfo = (s: SpaceRecord): SpaceInfo => ({ id: s.id, name: s.name, kind: s.kind });
const spaceMap = (spaces: SpaceRecord[]) => new Map(spaces.map((s) => [s.id, s]));
const infoMap = (spaces: SpaceRecord[]) => new Map(spaces.map((s) => [s.id, toInfo(s)]));

/** Agenda items, their rules (tracks, rooms, speakers, time bounds, who may edit) and their views. */
@Injectable()
export class AgendaService {
  constructor(
    private readonly repo: AgendaRepository,
    private readonly spaces: SpacesService,
    private readonly dialogues: DialoguesService,
    private readonly dialoguesRepo: DialoguesRepository,
    private readonly mail: AgendaMailService,
    private readonly links: ManageLinks,
    private readonly config: AppConfig,
    private readonly hooks: DialogueHooks,
    private readonly reminders: ReminderRound,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  // ── views ────────────────────────────────────────────────────────────────────────────────

  /** Anyone: the agenda of a published dialogue; staff: of any dialogue. */
  async agenda(dialogueId: string, viewer: Viewer, spaceId?: string): Promise<AgendaView> {
    const { dialogue, spaces, items } = await this.load(dialogueId, viewer, spaceId);
    return this.view(dialogue, spaces, items, spaceId ?? null);
  }

  async agendaIcs(dialogueId: string, viewer: Viewer, spaceId?: string): Promise<string> {
    const { dialogue, spaces, items } = await this.load(dialogueId, viewer, spaceId);
    const space = spaceId ? spaces.get(spaceId) : undefined;
    return agendaCalendar({
      dialogue,
      items,
      spaces: infoMap([...spaces.values()]),
      name: space ? `${dialogue.title} — ${space.name}` : dialogue.title,
      url: this.dialogueUrl(dialogue.id),
      removed: (await this.repo.removals(dialogue.id)).filter((r) => !spaceId || r.spaceId === spaceId),
    });
  }

  async getItem(id: string, viewer: Viewer): Promise<AgendaItemView> {
    const item = await this.repo.find(id);
    if (!item) throw notFound('Agenda item');
    const dialogue = await this.dialogues.findVisible(item.dialogueId, viewer).catch(() => {
      throw notFound('Agenda item');
    });
    return toAgendaItem(item, dialogue.timeZone, infoMap(await this.spaces.listRecords(dialogue.id)));
  }

  /** The personal agenda behind a manage-link token (404 for an unknown token). */
  async personalAgenda(token: string): Promise<PersonalAgendaView> {
    const { participant, dialogue, spaces, items } = await this.loadPersonal(token);
    return {
      ...this.view(dialogue, spaces, items, null),
      registrationId: participant.registrationId,
      registrationStatus: participant.status,
      confirmedSpaceIds: participant.status === 'confirmed' ? participant.confirmedSpaceIds : [],
    };
  }

  async personalIcs(token: string): Promise<string> {
    const { participant, dialogue, spaces, items } = await this.loadPersonal(token);
    return agendaCalendar({
      dialogue,
      items,
      spaces: infoMap([...spaces.values()]),
      language: participant.preferredLanguage,
      url: this.dialogueUrl(dialogue.id),
      removed: personalItems(await this.repo.removals(dialogue.id), infoMap([...spaces.values()]), participant),
    });
  }

  // ── changes ──────────────────────────────────────────────────────────────────────────────

  async create(dialogueId: string, dto: UpdateAgendaItemDto, user: AuthUser): Promise<AgendaItemView> {
    return present(await this.change(dialogueId, null, dto, user));
  }

  async update(id: string, dto: UpdateAgendaItemDto, user: AuthUser): Promise<AgendaItemView> {
    const found = await this.repo.find(id);
    if (!found) throw notFound('Agenda item');
    return present(await this.change(found.dialogueId, id, dto, user));
  }

  async remove(id: string, user: AuthUser): Promise<void> {
    const found = await this.repo.find(id);
    if (!found) throw notFound('Agenda item');
    await this.change(found.dialogueId, id, null, user);
  }

  /** Writes one personal-agenda email per confirmed participant. */
  /** Mails every confirmed participant their agenda; with `dryRun`, only counts them (nothing is written). */
  async send(dialogueId: string, dryRun = false): Promise<AgendaSendResult | AgendaSendPreview> {
    return inTransaction(this.dataSource, async (_m, afterCommit) => {
      const dialogue = await this.dialoguesRepo.lockDialogue(dialogueId);
      if (!dialogue) throw notFound('Dialogue');
      if (dialogue.status !== 'published' && dialogue.status !== 'registration_closed') {
        throw domainRule('dialogue-not-published', `The agenda of a ${dialogue.status} dialogue cannot be sent.`);
      }
      return this.mail.sendAll(afterCommit, await this.state(dialogue), dryRun);
    });
  }

  /**
   * Creates (itemId null), patches or deletes (dto null) an item under the dialogue row lock, so
   * the overlap and speaker checks see every committed item; the database's exclusion
   * constraints back the space and room rules up.
   */
  private async change(dialogueId: string, itemId: string | null, dto: UpdateAgendaItemDto | null, user: AuthUser) {
    const saved = await inTransaction(this.dataSource, async (_m, afterCommit) => {
      const dialogue = await this.dialoguesRepo.lockDialogue(dialogueId);
      if (!dialogue) throw notFound('Dialogue');
      const before = itemId ? await this.repo.find(itemId) : null;
      if (itemId && !before) throw notFound('Agenda item');
      const spaces = spaceMap(await this.spaces.listRecords(dialogueId));
      if (before) this.authorize(user, before.spaceId, spaces);
      if (CLOSED.includes(dialogue.status)) {
        throw domainRule('dialogue-closed', `The agenda of a ${dialogue.status} dialogue cannot change.`);
      }
      let after: AgendaItemRecord | null = null;
      if (dto) {
        const next = await this.validated(dto, before, dialogue, spaces, user);
        if (before && sameFields(before, next)) return { item: before, dialogue, spaces };
        await this.assertNoClash(dialogue, { id: before?.id ?? '', ...next });
        after = await this.repo
          .save({ ...(before ?? {}), ...next, dialogueId, sequence: before ? before.sequence + 1 : 0 })
          .catch((error: unknown) => {
            if (error instanceof QueryFailedError && (error as QueryFailedError & { code?: string }).code === '23P01') {
              throw conflict('agenda-overlap', 'The item overlaps another item in the same space or room.');
            }
            throw error;
          });
      } else if (before) {
        await this.repo.remove(before.id);
      }
      await this.mail.itemChanged(afterCommit, await this.state(dialogue), before, after);
      return { item: after, dialogue, spaces };
    });
    const { item, dialogue, spaces } = saved;
    return item ? toAgendaItem(item, dialogue.timeZone, infoMap([...spaces.values()])) : null;
  }

  /**
   * Moves a dialogue by `byMinutes` with its whole agenda (each item's SEQUENCE bumped), its
   * registration window and its pending reminders, in one transaction under the dialogue row
   * lock; the clash rules and the agenda's bounds are checked on the result, and every confirmed
   * participant gets one agenda_update email with the new .ics (same UIDs).
   */
  async shift(dialogueId: string, byMinutes: number, user: AuthUser): Promise<Dialogue> {
    const byMs = byMinutes * 60_000;
    const move = (d: Date | null) => (d ? new Date(d.getTime() + byMs) : null);
    const saved = await inTransaction(this.dataSource, async (_m, afterCommit) => {
      const before = await this.dialoguesRepo.lockDialogue(dialogueId);
      if (!before) throw notFound('Dialogue');
      if (CLOSED.includes(before.status)) {
        throw domainRule('dialogue-closed', `A ${before.status} dialogue cannot be moved.`);
      }
      await this.repo.shiftAll(dialogueId, byMs);
      const after = await this.dialoguesRepo.saveDialogue({
        ...before,
        startsAt: move(before.startsAt) as Date,
        endsAt: move(before.endsAt) as Date,
        registrationOpensAt: move(before.registrationOpensAt),
        registrationClosesAt: move(before.registrationClosesAt),
      });
      // The rules still hold on the moved agenda (a uniform move keeps them; checked all the same).
      const items = await this.repo.list(dialogueId);
      for (const item of items) await this.assertNoClash(after, item);
      const outside = await this.repo.countOutside(dialogueId, after.startsAt, after.endsAt);
      if (outside) {
        throw domainRule('agenda-outside-dialogue', `${outside} agenda item(s) would fall outside the dialogue.`);
      }
      await this.repo.checkConstraintsNow().catch((error: unknown) => {
        if ((error as { code?: string }).code === '23P01') {
          throw conflict('agenda-overlap', 'The moved agenda would overlap in a space or room.');
        }
        throw error;
      });
      await this.hooks.emit({ before, after, afterCommit });
      await this.reminders.followShift(dialogueId, before.startsAt, byMs);
      await this.mail.dialogueShifted(afterCommit, await this.state(after));
      await this.audit.record({
        actorUserId: user.id,
        action: 'dialogue.shifted',
        entityType: 'dialogue',
        entityId: dialogueId,
        dialogueId,
        details: { byMinutes },
      });
      return after;
    });
    return toDialogue(saved, (await this.dialoguesRepo.findSession(saved.informalSessionId)) ?? undefined);
  }

  /** Refuses a dialogue change that would leave agenda items outside its new start and end. */
  async assertItemsInside(change: DialogueChange): Promise<void> {
    const { before, after } = change;
    if (before.startsAt.getTime() === after.startsAt.getTime() && before.endsAt.getTime() === after.endsAt.getTime())
      return;
    const outside = await this.repo.countOutside(after.id, after.startsAt, after.endsAt);
    if (outside) {
      throw domainRule(
        'agenda-outside-dialogue',
        `${outside} agenda item${outside === 1 ? '' : 's'} would fall outside the dialogue's new times; move ${outside === 1 ? 'it' : 'them'} first.`,
      );
    }
  }

  // ── rules ────────────────────────────────────────────────────────────────────────────────

  /** Organizers manage every item; a coordinator only the items of the (non-shared) spaces they coordinate. */
  private authorize(user: AuthUser, spaceId: string | null, spaces: Map<string, SpaceRecord>) {
    if (isOrganizer(user)) return;
    const space = spaceId ? spaces.get(spaceId) : undefined;
    if (!space) throw forbidden('Items outside a space are managed by organizers.');
    if (SHARED_KINDS.includes(space.kind)) {
      throw forbidden('Plenary and common-space items are managed by organizers.');
    }
    if (!canManageSpace(user, space)) throw forbidden('You do not coordinate this space.');
  }

  private async validated(
    dto: UpdateAgendaItemDto,
    before: AgendaItemRecord | null,
    dialogue: DialogueRecord,
    spaces: Map<string, SpaceRecord>,
    user: AuthUser,
  ): Promise<ItemFields> {
    const spaceId = dto.spaceId === undefined ? (before?.spaceId ?? null) : dto.spaceId;
    const space = spaceId ? spaces.get(spaceId) : undefined;
    if (spaceId && !space) {
      throw domainRule('unknown-space', 'The space does not exist in this dialogue.', [
        { field: 'spaceId', message: 'unknown space' },
      ]);
    }
    this.authorize(user, spaceId, spaces);

    const errors: FieldError[] = [];
    const title = (dto.title ?? before?.title ?? '').trim();
    if (!title) errors.push({ field: 'title', message: 'title must not be blank' });
    const kind = dto.kind ?? before?.kind;
    if (!kind) errors.push({ field: 'kind', message: 'kind is required' });
    const startsAt = dto.startsAt !== undefined ? new Date(dto.startsAt) : before?.startsAt;
    const endsAt = dto.endsAt !== undefined ? new Date(dto.endsAt) : before?.endsAt;
    if (!startsAt || Number.isNaN(startsAt.getTime()))
      errors.push({ field: 'startsAt', message: 'startsAt is required' });
    if (!endsAt || Number.isNaN(endsAt.getTime())) errors.push({ field: 'endsAt', message: 'endsAt is required' });
    if (startsAt && endsAt && endsAt.getTime() <= startsAt.getTime()) {
      errors.push({ field: 'endsAt', message: 'endsAt must be after startsAt' });
    }
    const speakers: Speaker[] = (dto.speakers ?? before?.speakers ?? []).map((s) => ({
      name: s.name.trim().replace(/\s+/g, ' '),
      organization: s.organization?.trim() ? s.organization.trim().replace(/\s+/g, ' ') : null,
      role: s.role,
    }));
    speakers.forEach((s, i) => {
      if (!s.name) errors.push({ field: `speakers.${i}.name`, message: 'name must not be blank' });
    });
    for (const dup of duplicateSpeakers(speakers)) {
      errors.push({
        field: 'speakers',
        message: `${dup.name}${dup.organization ? ` (${dup.organization})` : ''} is listed twice`,
      });
    }
    if (errors.length || !startsAt || !endsAt || !kind) throw badRequest('Some values are invalid.', errors);

    if (startsAt.getTime() < dialogue.startsAt.getTime() || endsAt.getTime() > dialogue.endsAt.getTime()) {
      const tz = dialogue.timeZone;
      throw domainRule(
        'outside-dialogue',
        `Agenda items must lie within the dialogue (${localIso(dialogue.startsAt, tz)} to ${localIso(dialogue.endsAt, tz)}, ${tz}).`,
        [
          ...(startsAt.getTime() < dialogue.startsAt.getTime()
            ? [{ field: 'startsAt', message: 'before the dialogue starts' }]
            : []),
          ...(endsAt.getTime() > dialogue.endsAt.getTime()
            ? [{ field: 'endsAt', message: 'after the dialogue ends' }]
            : []),
        ],
      );
    }

    let room =
      dto.room === undefined ? (before?.room ?? null) : dto.room === null ? null : dto.room.trim().replace(/\s+/g, ' ');
    if (room) {
      const known = space ? space.rooms : [...spaces.values()].flatMap((s) => s.rooms);
      const match = known.find((r) => roomKey(r) === roomKey(room as string));
      if (!match) {
        throw domainRule(
          'unknown-room',
          space
            ? `"${room}" is not a room of ${space.name}.`
            : `"${room}" is not a room of any space of this dialogue.`,
          [{ field: 'room', message: `unknown room; known: ${known.join(', ') || 'none'}` }],
        );
      }
      room = match;
    }

    const themeIds = dto.themeIds ?? before?.themeIds ?? [];
    if (dto.themeIds?.length) {
      const missing = await this.dialoguesRepo.themesExist(dto.themeIds);
      if (missing.length) {
        throw domainRule('unknown-theme', 'Unknown theme.', [
          { field: 'themeIds', message: `unknown theme ${missing.join(', ')}` },
        ]);
      }
    }
    const description =
      dto.description === undefined
        ? (before?.description ?? null)
        : dto.description?.trim()
          ? dto.description.trim()
          : null;
    return { spaceId, title, description, kind, startsAt, endsAt, room, speakers, themeIds };
  }

  private async assertNoClash(dialogue: DialogueRecord, candidate: AgendaSlot) {
    const others = await this.repo.overlapping(dialogue.id, candidate.startsAt, candidate.endsAt);
    const clash = findClash(candidate, others);
    if (!clash) return;
    const tz = dialogue.timeZone;
    const when = `${localIso(clash.item.startsAt, tz).slice(11, 16)}–${localIso(clash.item.endsAt, tz).slice(11, 16)}`;
    const detail =
      clash.reason === 'space'
        ? `It overlaps "${clash.item.title}" (${when}) in the same ${candidate.spaceId ? 'space' : 'dialogue-wide programme'}.`
        : clash.reason === 'room'
          ? `Room "${clash.item.room}" is booked for "${clash.item.title}" (${when}).`
          : `${clash.speaker?.name} is already speaking at "${clash.item.title}" (${when}).`;
    const spaces = infoMap(await this.spaces.listRecords(dialogue.id));
    throw conflict('agenda-overlap', detail, {
      reason: clash.reason,
      clash: toAgendaItem(clash.item, tz, spaces),
      ...(clash.speaker ? { speaker: clash.speaker } : {}),
    });
  }

  // ── loading ──────────────────────────────────────────────────────────────────────────────

  private async load(dialogueId: string, viewer: Viewer, spaceId?: string) {
    const dialogue = await this.dialogues.findVisible(dialogueId, viewer);
    const spaces = spaceMap(await this.spaces.listRecords(dialogue.id));
    if (spaceId && !spaces.has(spaceId)) throw notFound('Space');
    return { dialogue, spaces, items: await this.repo.list(dialogue.id, spaceId) };
  }

  private async loadPersonal(token: string) {
    // The one manage-token lookup (every token of the registration, while its links are not revoked).
    const registration = await this.links.resolve(token);
    const participant = registration ? await this.repo.participantById(registration.id) : null;
    if (!participant) throw notFound('Registration');
    const dialogue = await this.dialogues.findRecord(participant.dialogueId);
    const spaces = spaceMap(await this.spaces.listRecords(dialogue.id));
    const items = personalItems(await this.repo.list(dialogue.id), infoMap([...spaces.values()]), participant);
    return { participant, dialogue, spaces, items };
  }

  /**
   * For RegistrationMailer: the agenda and .ics each new confirmation carries, read in the
   * admission's transaction (no lock taken: the admission holds the dialogue's already).
   */
  async confirmationAgendas(
    dialogueId: string,
    readers: { registrationId: string; language: Language; confirmedSpaceIds: string[] }[],
  ) {
    const manager = currentManager(this.dataSource);
    const items = await this.repo.list(dialogueId);
    if (!items.length) return new Map();
    const dialogue = await manager.getRepository(DialogueEntity).findOne({ where: { id: dialogueId } });
    if (!dialogue) return new Map();
    const spaces = infoMap(await this.spaces.listRecords(dialogueId));
    return this.mail.confirmationAgendas({ dialogue, spaces, items }, readers);
  }

  private async state(dialogue: DialogueRecord): Promise<AgendaState> {
    return {
      dialogue,
      spaces: infoMap(await this.spaces.listRecords(dialogue.id)),
      items: await this.repo.list(dialogue.id),
    };
  }

  private view(
    dialogue: DialogueRecord,
    spaces: Map<string, SpaceRecord>,
    items: AgendaItemRecord[],
    spaceId: string | null,
  ): AgendaView {
    const infos = infoMap([...spaces.values()]);
    return {
      dialogueId: dialogue.id,
      title: dialogue.title,
      timeZone: dialogue.timeZone,
      venue: dialogue.venue,
      startsAt: dialogue.startsAt.toISOString(),
      endsAt: dialogue.endsAt.toISOString(),
      spaceId,
      items: items.map((i) => toAgendaItem(i, dialogue.timeZone, infos)),
    };
  }

  private dialogueUrl(dialogueId: string) {
    return `${this.config.publicUrl}/dialogues/${dialogueId}`;
  }
}

function present<T>(value: T | null): T {
  if (value === null) throw new Error('an agenda change with a body always yields an item');
  return value;
}

/** True when a patch changes nothing (no sequence bump, no email). */
function sameFields(before: AgendaItemRecord, next: ItemFields): boolean {
  const pick = (x: ItemFields) =>
    JSON.stringify([
      x.spaceId,
      x.title,
      x.description,
      x.kind,
      x.startsAt.getTime(),
      x.endsAt.getTime(),
      x.room,
      x.speakers.map((s) => [s.name, s.organization ?? null, s.role]),
      [...x.themeIds].sort(),
    ]);
  return pick(before) === pick(next);
}
