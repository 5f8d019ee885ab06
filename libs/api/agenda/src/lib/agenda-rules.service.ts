import { Injectable } from '@nestjs/common';
import type { Speaker } from '@gfmd/contracts';
import type { AuthUser } from '@gfmd/api-auth';
import { DialogueRecord, DialoguesRepository } from '@gfmd/api-dialogues';
import {
  badRequest,
  conflict,
  domainRule,
  forbidden,
  mergeTranslations,
  msg,
  t,
  type FieldErrorInput,
} from '@gfmd/api-platform';
import { canManageSpace, SpaceRecord, SpacesService } from '@gfmd/api-spaces';
import { UpdateAgendaItemDto } from './agenda-item.dto';
import { AgendaItemRecord, AgendaRepository } from './agenda.repository';
import { localIso, SHARED_KINDS, SpaceInfo, toAgendaItem } from './agenda-view.util';
import { AgendaSlot, duplicateSpeakers, findClash, roomKey } from './overlap.util';

/** The fields of an item that a create or a patch decides. */
export type ItemFields = Pick<
  AgendaItemRecord,
  | 'spaceId'
  | 'title'
  | 'description'
  | 'kind'
  | 'startsAt'
  | 'endsAt'
  | 'room'
  | 'speakers'
  | 'themeIds'
  | 'translations'
>;

const isOrganizer = (user: AuthUser | undefined) => user?.role === 'admin' || user?.role === 'organizer';
export const spaceInfos = (spaces: SpaceRecord[]): Map<string, SpaceInfo> =>
  new Map(spaces.map((s) => [s.id, { id: s.id, name: s.name, kind: s.kind, translations: s.translations }]));

/**
 * The rules of one agenda item: who may edit it, its fields (blank titles, times inside the
 * dialogue, known rooms and themes, no speaker twice) and its clashes with the other items
 * (space, room, speaker), each refusal naming its field.
 */
@Injectable()
export class AgendaRules {
  constructor(
    private readonly repo: AgendaRepository,
    private readonly spaces: SpacesService,
    private readonly dialoguesRepo: DialoguesRepository,
  ) {}

  // ── rules ────────────────────────────────────────────────────────────────────────────────

  /** Organizers manage every item; a coordinator only the items of the (non-shared) spaces they coordinate. */
  authorize(user: AuthUser, spaceId: string | null, spaces: Map<string, SpaceRecord>) {
    if (isOrganizer(user)) return;
    const space = spaceId ? spaces.get(spaceId) : undefined;
    if (!space) throw forbidden(msg('agenda.outsideSpaceOrganizers'));
    if (SHARED_KINDS.includes(space.kind)) {
      throw forbidden(msg('agenda.commonSpaceOrganizers'));
    }
    if (!canManageSpace(user, space)) throw forbidden(msg('agenda.notCoordinator'));
  }

  async validated(
    dto: UpdateAgendaItemDto,
    before: AgendaItemRecord | null,
    dialogue: DialogueRecord,
    spaces: Map<string, SpaceRecord>,
    user: AuthUser,
  ): Promise<ItemFields> {
    const spaceId = dto.spaceId === undefined ? (before?.spaceId ?? null) : dto.spaceId;
    const space = spaceId ? spaces.get(spaceId) : undefined;
    if (spaceId && !space) {
      throw domainRule('unknown-space', msg('agenda.unknownSpace'), [
        { field: 'spaceId', message: msg('agenda.unknownSpace.field') },
      ]);
    }
    this.authorize(user, spaceId, spaces);

    const errors: FieldErrorInput[] = [];
    const title = (dto.title ?? before?.title ?? '').trim();
    if (!title) errors.push({ field: 'title', message: msg('agenda.titleBlank.field') });
    const kind = dto.kind ?? before?.kind;
    if (!kind) errors.push({ field: 'kind', message: msg('agenda.kindRequired.field') });
    const startsAt = dto.startsAt !== undefined ? new Date(dto.startsAt) : before?.startsAt;
    const endsAt = dto.endsAt !== undefined ? new Date(dto.endsAt) : before?.endsAt;
    if (!startsAt || Number.isNaN(startsAt.getTime()))
      errors.push({ field: 'startsAt', message: msg('agenda.startsRequired.field') });
    if (!endsAt || Number.isNaN(endsAt.getTime()))
      errors.push({ field: 'endsAt', message: msg('agenda.endsRequired.field') });
    if (startsAt && endsAt && endsAt.getTime() <= startsAt.getTime()) {
      errors.push({ field: 'endsAt', message: msg('platform.endsBeforeStart.field') });
    }
    const speakers: Speaker[] = (dto.speakers ?? before?.speakers ?? []).map((s) => ({
      name: s.name.trim().replace(/\s+/g, ' '),
      organization: s.organization?.trim() ? s.organization.trim().replace(/\s+/g, ' ') : null,
      role: s.role,
    }));
    speakers.forEach((s, i) => {
      if (!s.name) errors.push({ field: `speakers.${i}.name`, message: msg('agenda.speakerNameBlank.field') });
    });
    for (const dup of duplicateSpeakers(speakers)) {
      errors.push({
        field: 'speakers',
        message: msg('agenda.speakerTwice.field', {
          speaker: `${dup.name}${dup.organization ? ` (${dup.organization})` : ''}`,
        }),
      });
    }
    if (errors.length || !startsAt || !endsAt || !kind) throw badRequest(msg('platform.someInvalid'), errors);

    if (startsAt.getTime() < dialogue.startsAt.getTime() || endsAt.getTime() > dialogue.endsAt.getTime()) {
      const tz = dialogue.timeZone;
      throw domainRule(
        'outside-dialogue',
        msg('agenda.outsideDialogue', {
          startsAt: localIso(dialogue.startsAt, tz),
          endsAt: localIso(dialogue.endsAt, tz),
          timeZone: tz,
        }),
        [
          ...(startsAt.getTime() < dialogue.startsAt.getTime()
            ? [{ field: 'startsAt', message: msg('agenda.beforeStart.field') }]
            : []),
          ...(endsAt.getTime() > dialogue.endsAt.getTime()
            ? [{ field: 'endsAt', message: msg('agenda.afterEnd.field') }]
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
            ? msg('agenda.unknownRoomOfSpace', { room: room as string, space: space.name })
            : msg('agenda.unknownRoom', { room: room as string }),
          [
            {
              field: 'room',
              message: msg('agenda.unknownRoom.field', { rooms: known.join(', ') || t(msg('agenda.none')) }),
            },
          ],
        );
      }
      room = match;
    }

    const themeIds = dto.themeIds ?? before?.themeIds ?? [];
    if (dto.themeIds?.length) {
      const missing = await this.dialoguesRepo.themesExist(dto.themeIds);
      if (missing.length) {
        throw domainRule('unknown-theme', msg('dialogues.unknownTheme'), [
          { field: 'themeIds', message: msg('dialogues.unknownTheme.field', { ids: missing.join(', ') }) },
        ]);
      }
    }
    const description =
      dto.description === undefined
        ? (before?.description ?? null)
        : dto.description?.trim()
          ? dto.description.trim()
          : null;
    const translations = mergeTranslations(before?.translations, dto.translations);
    return { spaceId, title, description, kind, startsAt, endsAt, room, speakers, themeIds, translations };
  }

  async assertNoClash(dialogue: DialogueRecord, candidate: AgendaSlot) {
    const others = await this.repo.overlapping(dialogue.id, candidate.startsAt, candidate.endsAt);
    const clash = findClash(candidate, others);
    if (!clash) return;
    const tz = dialogue.timeZone;
    const when = `${localIso(clash.item.startsAt, tz).slice(11, 16)}–${localIso(clash.item.endsAt, tz).slice(11, 16)}`;
    const title = clash.item.title;
    const detail =
      clash.reason === 'space'
        ? msg(candidate.spaceId ? 'agenda.overlapSpace' : 'agenda.overlapProgramme', { title, when })
        : clash.reason === 'room'
          ? msg('agenda.overlapRoom', { room: clash.item.room ?? '', title, when })
          : msg('agenda.overlapSpeaker', { speaker: clash.speaker?.name ?? '', title, when });
    const spaces = spaceInfos(await this.spaces.listRecords(dialogue.id));
    throw conflict('agenda-overlap', detail, {
      reason: clash.reason,
      clash: toAgendaItem(clash.item, tz, spaces),
      ...(clash.speaker ? { speaker: clash.speaker } : {}),
    });
  }
}

/** True when a patch changes nothing (no sequence bump, no email). */
export function sameFields(before: AgendaItemRecord, next: ItemFields): boolean {
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
      x.translations ?? {},
    ]);
  return pick(before) === pick(next);
}
