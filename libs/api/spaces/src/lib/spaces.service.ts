import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SPACE_TRANSLATED_FIELDS, type ReaderLanguage, type Space } from '@gfmd/contracts';
import { AuthService, type AuthUser } from '@gfmd/api-auth';
import {
  DialogueHooks,
  DialoguesRepository,
  DialoguesService,
  sourceLanguageOf,
  type DialogueRecord,
} from '@gfmd/api-dialogues';
import {
  AuditService,
  badRequest,
  changedFields,
  conflict,
  domainRule,
  forbidden,
  editableTranslations,
  inTransaction,
  localizeContent,
  mergeTranslations,
  missingTranslations,
  notFound,
  msg,
  t,
  type FieldErrorInput,
} from '@gfmd/api-platform';
import { DataSource } from 'typeorm';
import { COORDINATOR_EDITABLE, COORDINATOR_TRANSLATABLE, CreateSpaceDto, UpdateSpaceDto } from './space.dto';
import { SpaceRecord, SpacesRepository } from './spaces.repository';
import { SpaceHooks } from './space-hooks';
import { SpaceUsage } from './space-usage';

/** A viewer of the API: a staff user, or undefined for an anonymous visitor. */
export type Viewer = AuthUser | undefined;

/** Spaces whose agenda belongs to everyone: only organizers (and admins) manage them. */
export const SHARED_SPACE_KINDS = ['plenary', 'common_space'] as const;

const isOrganizer = (user: Viewer) => user?.role === 'admin' || user?.role === 'organizer';

/** Who may manage a space's content (its agenda items, approvals, participants). */
export function canManageSpace(user: Viewer, space: Pick<SpaceRecord, 'coordinatorUserIds'>): boolean {
  return isOrganizer(user) || (user?.role === 'coordinator' && space.coordinatorUserIds.includes(user.id));
}

@Injectable()
export class SpacesService {
  constructor(
    private readonly repo: SpacesRepository,
    private readonly dialogues: DialoguesService,
    private readonly dialoguesRepo: DialoguesRepository,
    private readonly auth: AuthService,
    private readonly hooks: SpaceHooks,
    private readonly usage: SpaceUsage,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    dialogueHooks: DialogueHooks,
  ) {
    // Publishing a dialogue warns about the listed languages its spaces lack.
    dialogueHooks.onMissingTranslations(async (dialogue) => {
      const out = new Set<ReaderLanguage>();
      for (const space of await this.repo.listByDialogue(dialogue.id)) {
        for (const l of Object.keys(
          missingTranslations(space, SPACE_TRANSLATED_FIELDS, dialogue.languages, sourceLanguageOf(dialogue)),
        ))
          out.add(l as ReaderLanguage);
      }
      return [...out];
    });
  }

  // ── for other domains ────────────────────────────────────────────────────────────────────

  /**
   * The space when `user` may manage it: admins and organizers always, coordinators only for
   * the spaces they coordinate (403 otherwise); 404 for an unknown space.
   */
  async assertCoordinatorOf(user: AuthUser, spaceId: string): Promise<SpaceRecord> {
    const space = await this.repo.find(spaceId);
    if (!space) throw notFound('Space');
    if (!canManageSpace(user, space)) throw forbidden(msg('agenda.notCoordinator'));
    return space;
  }

  /** Ids of the spaces a user coordinates, optionally within one dialogue. */
  spaceIdsCoordinatedBy(userId: string, dialogueId?: string): Promise<string[]> {
    return this.repo.idsCoordinatedBy(userId, dialogueId);
  }

  /** The spaces among `ids` that belong to the dialogue (the invitations' space check). */
  spaceIdsInDialogue(dialogueId: string, ids: string[]): Promise<string[]> {
    return this.repo.idsInDialogue(dialogueId, ids);
  }

  findRecord(id: string): Promise<SpaceRecord | null> {
    return this.repo.find(id);
  }

  listRecords(dialogueId: string): Promise<SpaceRecord[]> {
    return this.repo.listByDialogue(dialogueId);
  }

  // ── HTTP ─────────────────────────────────────────────────────────────────────────────────

  /** Anyone may list the spaces of a published dialogue; staff see every dialogue's spaces. */
  async list(dialogueId: string, viewer: Viewer): Promise<SpaceView[]> {
    const dialogue = await this.dialogues.findVisible(dialogueId, viewer);
    return (await this.repo.listByDialogue(dialogueId)).map((s) => toSpace(s, viewer, dialogue.languages));
  }

  async get(id: string, viewer: Viewer): Promise<SpaceView> {
    const space = await this.repo.find(id);
    if (!space) throw notFound('Space');
    const dialogue = await this.dialogues.findVisible(space.dialogueId, viewer).catch(() => {
      throw notFound('Space');
    });
    return toSpace(space, viewer, dialogue.languages);
  }

  async create(dialogueId: string, dto: CreateSpaceDto, viewer: AuthUser): Promise<SpaceView> {
    let languages: ReaderLanguage[] = ['en'];
    const saved = await inTransaction(this.dataSource, async () => {
      const dialogue = await this.lockOpenDialogue(dialogueId);
      languages = dialogue.languages;
      const data = await this.validated(dialogue, dto, undefined);
      const row = await this.repo.save({ ...data, dialogueId, confirmedCount: 0 });
      await this.audit.record({
        actorUserId: viewer.id,
        action: 'space.created',
        entityType: 'space',
        entityId: row.id,
        dialogueId,
      });
      return row;
    });
    return toSpace(saved, viewer, languages);
  }

  async update(id: string, dto: UpdateSpaceDto, viewer: AuthUser): Promise<SpaceView> {
    let languages: ReaderLanguage[] = ['en'];
    const saved = await inTransaction(this.dataSource, async (_m, afterCommit) => {
      const found = await this.repo.find(id);
      if (!found) throw notFound('Space');
      if (!canManageSpace(viewer, found)) throw forbidden(msg('agenda.notCoordinator'));
      if (!isOrganizer(viewer)) {
        const fields = [
          ...Object.keys(dto).filter((k) => !(COORDINATOR_EDITABLE as string[]).includes(k)),
          ...Object.entries(dto.translations ?? {}).flatMap(([lang, words]) =>
            Object.keys(words ?? {})
              .filter((f) => !(COORDINATOR_TRANSLATABLE as string[]).includes(f))
              .map((f) => `translations.${lang}.${f}`),
          ),
        ];
        if (fields.length) {
          // "description, rooms and translations (description)"
          const last = `translations (${COORDINATOR_TRANSLATABLE.join(', ')})`;
          const allowed = COORDINATOR_EDITABLE.filter((k) => k !== 'translations').join(', ');
          throw forbidden(
            msg('spaces.coordinatorFields', {
              allowed: `${allowed}${t(msg('spaces.and'))}${last}`,
              fields: fields.join(', '),
            }),
          );
        }
      }
      // Lock order everywhere: dialogue row, then space row.
      const dialogue = await this.lockOpenDialogue(found.dialogueId);
      languages = dialogue.languages;
      const space = await this.repo.lock(id);
      if (!space) throw notFound('Space');
      const data = await this.validated(dialogue, dto, space);
      if (data.kind !== space.kind && (await this.usage.agendaItems(id)) > 0) {
        throw domainRule('space-has-agenda', msg('spaces.kindWithAgenda'));
      }
      if (data.capacity !== null && data.capacity !== undefined && data.capacity < space.confirmedCount) {
        throw domainRule(
          'capacity-below-confirmed',
          msg('spaces.capacityBelowConfirmed', { confirmed: space.confirmedCount }),
          [
            {
              field: 'capacity',
              message: msg('spaces.capacityBelowConfirmed.field', { confirmed: space.confirmedCount }),
            },
          ],
        );
      }
      const kept = new Set((data.rooms ?? []).map((r) => r.toLowerCase()));
      const removed = space.rooms.map((r) => r.toLowerCase()).filter((r) => !kept.has(r));
      const otherRooms = (await this.repo.listByDialogue(space.dialogueId))
        .filter((o) => o.id !== space.id)
        .flatMap((o) => o.rooms.map((r) => r.toLowerCase()));
      const inUse = await this.usage.roomsInUse(space, removed, otherRooms);
      if (inUse.length) {
        const names = space.rooms.filter((r) => inUse.includes(r.toLowerCase()));
        throw conflict('room-in-use', msg('spaces.roomInUse', { rooms: names.join(', ') }), { rooms: names });
      }
      const next = await this.repo.save({ ...space, ...data });
      const fields = changedFields(space, data);
      if (fields.length) {
        await this.audit.record({
          actorUserId: viewer.id,
          action: 'space.changed',
          entityType: 'space',
          entityId: id,
          dialogueId: next.dialogueId,
          details: { fields },
        });
      }
      const before = space.capacity ?? Infinity;
      const after = next.capacity ?? Infinity;
      if (after > before || next.access !== space.access) {
        await this.hooks.emit({ dialogueId: next.dialogueId, spaceId: next.id, afterCommit });
      }
      return next;
    });
    return toSpace(saved, viewer, languages);
  }

  async remove(id: string, actorUserId: string | null = null): Promise<void> {
    await inTransaction(this.dataSource, async () => {
      const found = await this.repo.find(id);
      if (!found) throw notFound('Space');
      await this.dialoguesRepo.lockDialogue(found.dialogueId);
      const space = await this.repo.lock(id);
      if (!space) throw notFound('Space');
      if (space.confirmedCount > 0 || (await this.usage.activeSeats(id)) > 0) {
        throw conflict('space-has-registrations', msg('spaces.hasRegistrations'));
      }
      if ((await this.usage.agendaItems(id)) > 0) {
        throw conflict('space-has-agenda', msg('spaces.hasAgenda'));
      }
      await this.repo.remove(id);
      await this.audit.record({
        actorUserId,
        action: 'space.deleted',
        entityType: 'space',
        entityId: id,
        dialogueId: space.dialogueId,
      });
    });
  }

  // ── rules ────────────────────────────────────────────────────────────────────────────────

  private async lockOpenDialogue(dialogueId: string): Promise<DialogueRecord> {
    const dialogue = await this.dialoguesRepo.lockDialogue(dialogueId);
    if (!dialogue) throw notFound('Dialogue');
    if (dialogue.status === 'cancelled' || dialogue.status === 'concluded') {
      throw domainRule('dialogue-closed', msg('spaces.dialogueClosed', { status: dialogue.status }));
    }
    return dialogue;
  }

  /** Checks a create or a patch against the current record; returns the full set of columns. */
  private async validated(
    dialogue: DialogueRecord,
    dto: UpdateSpaceDto,
    current: SpaceRecord | undefined,
  ): Promise<Omit<SpaceRecord, 'id' | 'dialogueId' | 'confirmedCount' | 'createdAt' | 'updatedAt'>> {
    const translations = mergeTranslations(current?.translations, dto.translations);
    const pick = <K extends keyof UpdateSpaceDto & keyof SpaceRecord>(key: K, fallback: SpaceRecord[K]) =>
      (dto[key] === undefined ? (current ? current[key] : fallback) : dto[key]) as SpaceRecord[K];
    const errors: FieldErrorInput[] = [];
    const name = String(pick('name', '')).trim();
    if (!name) errors.push({ field: 'name', message: msg('spaces.nameBlank.field') });
    const access = pick('access', 'open');
    let allowedGroups = pick('allowedGroups', null);
    if (access === 'group_only') {
      if (!allowedGroups?.length)
        errors.push({ field: 'allowedGroups', message: msg('spaces.groupOnlyNeedsGroups.field') });
    } else if (dto.allowedGroups?.length) {
      errors.push({ field: 'allowedGroups', message: msg('spaces.allowedGroupsOnlyGroupOnly.field') });
    } else {
      allowedGroups = null;
    }
    const rooms = (pick('rooms', []) ?? []).map((r) => r.trim().replace(/\s+/g, ' '));
    const seen = new Set<string>();
    rooms.forEach((room, i) => {
      if (!room) errors.push({ field: `rooms.${i}`, message: msg('spaces.roomBlank.field') });
      else if (seen.has(room.toLowerCase()))
        errors.push({ field: `rooms.${i}`, message: msg('spaces.roomTwice.field', { room }) });
      seen.add(room.toLowerCase());
    });
    const description = pick('description', null);
    if (errors.length) throw badRequest(msg('platform.someInvalid'), errors);

    const coordinatorUserIds = pick('coordinatorUserIds', []) ?? [];
    if (dto.coordinatorUserIds?.length) {
      const users = new Map((await this.auth.usersByIds(dto.coordinatorUserIds)).map((u) => [u.id, u]));
      const bad = dto.coordinatorUserIds.filter((id) => users.get(id)?.role !== 'coordinator');
      if (bad.length) {
        throw domainRule(
          'unknown-coordinator',
          msg('spaces.unknownCoordinator'),
          bad.map((id) => ({ field: 'coordinatorUserIds', message: msg('spaces.unknownCoordinator.field', { id }) })),
        );
      }
    }
    const clash = (await this.repo.listByDialogue(dialogue.id)).find(
      (s) => s.id !== current?.id && s.name.trim().toLowerCase() === name.toLowerCase(),
    );
    if (clash)
      throw conflict('duplicate-space', msg('spaces.duplicate', { name: clash.name }), {
        spaceId: clash.id,
      });
    return {
      name,
      kind: pick('kind', 'plenary'),
      coordinatingGroup: pick('coordinatingGroup', null),
      coordinatorUserIds,
      capacity: pick('capacity', null),
      access,
      allowedGroups,
      description: typeof description === 'string' && description.trim() ? description.trim() : null,
      rooms,
      translations,
    };
  }
}

/** A space as an anonymous visitor sees it: without the staff ids of its coordinators. */
export type SpaceView = Omit<Space, 'coordinatorUserIds'> & { coordinatorUserIds?: string[] };

/**
 * The API shape; anonymous visitors do not see who coordinates (staff ids are internal). Name and
 * description in the reader's language, else the dialogue's first (`languages`); staff also get
 * the translations as stored and what is missing.
 */
export function toSpace(s: SpaceRecord, viewer?: Viewer, languages: readonly ReaderLanguage[] = ['en']): SpaceView {
  const content = localizeContent(s, SPACE_TRANSLATED_FIELDS, languages[0] ?? 'en');
  return {
    id: s.id,
    dialogueId: s.dialogueId,
    name: content.name ?? s.name,
    nameLang: content.nameLang,
    kind: s.kind,
    coordinatingGroup: s.coordinatingGroup,
    ...(viewer ? { coordinatorUserIds: s.coordinatorUserIds } : {}),
    capacity: s.capacity,
    access: s.access,
    allowedGroups: s.allowedGroups,
    description: content.description,
    descriptionLang: content.descriptionLang,
    rooms: s.rooms,
    confirmedCount: s.confirmedCount,
    ...(viewer ? editableTranslations(s, SPACE_TRANSLATED_FIELDS, languages) : {}),
  };
}
