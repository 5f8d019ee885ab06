import {
  AGENDA_ITEM_TRANSLATED_FIELDS,
  type AgendaItemView,
  type ContentTranslations,
  type Language,
  type ReaderLanguage,
  type SpaceKind,
  type SpeakerRole,
} from '@gfmd/contracts';
import { editableTranslations, localizeContent, zoneOffsetMinutes } from '@gfmd/api-platform';
import type { AgendaItemRecord, AgendaItemRemoval } from './agenda.repository';
import { buildIcs, IcsEvent } from './ics.util';

/** Spaces whose items are in everyone's personal agenda. */
export const SHARED_KINDS: readonly SpaceKind[] = ['plenary', 'common_space'];

export interface SpaceInfo {
  id: string;
  name: string;
  kind: SpaceKind;
  translations?: ContentTranslations<'name' | 'description'>;
}

export interface DialogueInfo {
  id: string;
  title: string;
  /** Its content languages (the first: the one the titles are written in) and its translations. */
  languages?: ReaderLanguage[];
  translations?: ContentTranslations<'title' | 'summary'>;
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

/** How to show an item's words: its dialogue's languages, the reader's language (default: the request's), staff extras. */
export interface ContentOptions {
  languages?: readonly ReaderLanguage[];
  language?: ReaderLanguage;
  staff?: boolean;
}

/** A space's name in the reader's language (else the dialogue's first), with `nameLang`. */
export function spaceName(space: SpaceInfo, content: ContentOptions = {}) {
  return localizeContent(space, ['name'], content.languages?.[0] ?? 'en', content.language);
}

export function toAgendaItem(
  item: AgendaItemRecord,
  timeZone: string,
  spaces: Map<string, SpaceInfo>,
  content: ContentOptions = {},
): AgendaItemView {
  const words = localizeContent(item, AGENDA_ITEM_TRANSLATED_FIELDS, content.languages?.[0] ?? 'en', content.language);
  const space = item.spaceId ? spaces.get(item.spaceId) : undefined;
  const name = space ? spaceName(space, content) : undefined;
  return {
    id: item.id,
    dialogueId: item.dialogueId,
    spaceId: item.spaceId,
    spaceName: name?.name ?? null,
    ...(name ? { spaceNameLang: name.nameLang } : {}),
    title: words.title ?? item.title,
    titleLang: words.titleLang,
    description: words.description,
    descriptionLang: words.descriptionLang,
    kind: item.kind,
    startsAt: item.startsAt.toISOString(),
    endsAt: item.endsAt.toISOString(),
    startsAtLocal: localIso(item.startsAt, timeZone),
    endsAtLocal: localIso(item.endsAt, timeZone),
    room: item.room,
    speakers: item.speakers,
    themeIds: item.themeIds,
    sequence: item.sequence,
    ...(content.staff ? editableTranslations(item, AGENDA_ITEM_TRANSLATED_FIELDS, content.languages ?? ['en']) : {}),
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
  /**
   * The language of the titles and descriptions (default: `language`, else English); each falls
   * back to the dialogue's first language where it has no translation.
   */
  contentLanguage?: ReaderLanguage;
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
  const content: ContentOptions = {
    languages: dialogue.languages,
    language: options.contentLanguage ?? options.language ?? 'en',
  };
  const source = dialogue.languages?.[0] ?? 'en';
  const events: IcsEvent[] = options.items.map((item) => {
    const space = item.spaceId ? options.spaces.get(item.spaceId) : undefined;
    const words = localizeContent(item, AGENDA_ITEM_TRANSLATED_FIELDS, source, content.language);
    const speakers = item.speakers.map(
      (s) => `${labels[s.role]}: ${s.name}${s.organization ? ` (${s.organization})` : ''}`,
    );
    const description = [
      words.description,
      space ? `${labels.space}: ${spaceName(space, content).name}` : null,
      speakers.join('\n') || null,
    ]
      .filter((part): part is string => !!part)
      .join('\n\n');
    return {
      uid: `${item.id}@gfmd-dialogues`,
      sequence: item.sequence,
      start: item.startsAt,
      end: item.endsAt,
      summary: words.title ?? item.title,
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
    name: options.name ?? localizeContent(dialogue, ['title'], source, content.language).title ?? dialogue.title,
    timeZone: dialogue.timeZone,
    now: options.now ?? new Date(),
    events,
  });
}
