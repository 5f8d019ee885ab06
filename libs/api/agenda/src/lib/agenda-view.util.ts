import type { AgendaItemView, Language, SpaceKind, SpeakerRole } from '@gfmd/contracts';
import { zoneOffsetMinutes } from '@gfmd/api-platform';
import type { AgendaItemRecord, AgendaItemRemoval } from './agenda.repository';
import { buildIcs, IcsEvent } from './ics.util';

/** Spaces whose items are in everyone's personal agenda. */
export const SHARED_KINDS: readonly SpaceKind[] = ['plenary', 'common_space'];

export interface SpaceInfo {
  id: string;
  name: string;
  kind: SpaceKind;
}

export interface DialogueInfo {
  id: string;
  title: string;
  timeZone: string;
  venue: string | null;
  startsAt: Date;
  endsAt: Date;
}

/** 2030-05-12T09:00:00+02:00: the instant as read on a clock in `timeZone`. */
export function localIso(instant: Date, timeZone: string): string {
  const offset = zoneOffsetMinutes(instant, timeZone);
  const wall = new Date(instant.getTime() + offset * 60_000).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${wall}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

export function toAgendaItem(item: AgendaItemRecord, timeZone: string, spaces: Map<string, SpaceInfo>): AgendaItemView {
  return {
    id: item.id,
    dialogueId: item.dialogueId,
    spaceId: item.spaceId,
    spaceName: item.spaceId ? (spaces.get(item.spaceId)?.name ?? null) : null,
    title: item.title,
    description: item.description,
    kind: item.kind,
    startsAt: item.startsAt.toISOString(),
    endsAt: item.endsAt.toISOString(),
    startsAtLocal: localIso(item.startsAt, timeZone),
    endsAtLocal: localIso(item.endsAt, timeZone),
    room: item.room,
    speakers: item.speakers,
    themeIds: item.themeIds,
    sequence: item.sequence,
  };
}

/** True when the item belongs to everyone's agenda: no space, or a plenary/common space. */
export function isShared(item: Pick<AgendaItemRecord, 'spaceId'>, spaces: Map<string, SpaceInfo>): boolean {
  if (!item.spaceId) return true;
  const kind = spaces.get(item.spaceId)?.kind;
  return kind !== undefined && SHARED_KINDS.includes(kind);
}

/**
 * A registration's personal agenda: the shared items plus the items of the spaces it holds a
 * confirmed seat in; nothing unless the registration itself is confirmed.
 */
export function personalItems<T extends Pick<AgendaItemRecord, 'spaceId'>>(
  items: T[],
  spaces: Map<string, SpaceInfo>,
  participant: { status: string; confirmedSpaceIds: string[] },
): T[] {
  if (participant.status !== 'confirmed') return [];
  const mine = new Set(participant.confirmedSpaceIds);
  return items.filter((i) => isShared(i, spaces) || (i.spaceId !== null && mine.has(i.spaceId)));
}

const LABELS: Record<Language, Record<SpeakerRole | 'space', string>> = {
  en: { moderator: 'Moderator', speaker: 'Speaker', rapporteur: 'Rapporteur', space: 'Space' },
  fr: { moderator: 'Modération', speaker: 'Intervention', rapporteur: 'Rapport', space: 'Espace' },
  es: { moderator: 'Moderación', speaker: 'Ponente', rapporteur: 'Relatoría', space: 'Espacio' },
  ar: { moderator: 'إدارة الجلسة', speaker: 'متحدث', rapporteur: 'مقرر', space: 'المساحة' },
};

export interface CalendarOptions {
  dialogue: DialogueInfo;
  items: AgendaItemRecord[];
  spaces: Map<string, SpaceInfo>;
  /** Calendar name; defaults to the dialogue's title. */
  name?: string;
  language?: Language;
  /** Link of every event (the dialogue's public page). */
  url: string;
  now?: Date;
  /** Deleted items, kept as STATUS:CANCELLED so subscribed calendars drop them visibly. */
  removed?: Pick<AgendaItemRemoval, 'id' | 'title' | 'startsAt' | 'endsAt' | 'sequence' | 'removedAt'>[];
}

/** The agenda as an RFC 5545 calendar: one VEVENT per item, UID `<itemId>@gfmd-dialogues`. */
export function agendaCalendar(options: CalendarOptions): string {
  const labels = LABELS[options.language ?? 'en'] ?? LABELS.en;
  const { dialogue } = options;
  const events: IcsEvent[] = options.items.map((item) => {
    const space = item.spaceId ? options.spaces.get(item.spaceId) : undefined;
    const speakers = item.speakers.map(
      (s) => `${labels[s.role]}: ${s.name}${s.organization ? ` (${s.organization})` : ''}`,
    );
    const description = [item.description, space ? `${labels.space}: ${space.name}` : null, speakers.join('\n') || null]
      .filter((part): part is string => !!part)
      .join('\n\n');
    return {
      uid: `${item.id}@gfmd-dialogues`,
      sequence: item.sequence,
      start: item.startsAt,
      end: item.endsAt,
      summary: item.title,
      description: description || null,
      location: [item.room, dialogue.venue].filter(Boolean).join(', ') || null,
      url: options.url,
      created: item.createdAt,
      lastModified: item.updatedAt,
    };
  });
  for (const r of options.removed ?? []) {
    events.push({
      uid: `${r.id}@gfmd-dialogues`,
      sequence: r.sequence,
      start: r.startsAt,
      end: r.endsAt,
      summary: r.title,
      url: options.url,
      lastModified: r.removedAt,
      status: 'CANCELLED',
    });
  }
  return buildIcs({
    name: options.name ?? dialogue.title,
    timeZone: dialogue.timeZone,
    now: options.now ?? new Date(),
    events,
  });
}
