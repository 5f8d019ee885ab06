import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AGENDA_ITEM_TRANSLATED_FIELDS,
  type AgendaItemView,
  type AgendaView,
  type Language,
  type PersonalAgendaView,
  type ReaderLanguage,
} from '@gfmd/contracts';
import type { AuthUser } from '@gfmd/api-auth';
import {
  DialogueHooks,
  DialogueRecord,
  DialoguesRepository,
  DialoguesService,
  localizedDialogue,
  sourceLanguageOf,
} from '@gfmd/api-dialogues';
import {
  AppConfig,
  conflict,
  currentLanguages,
  domainRule,
  inTransaction,
  missingTranslations,
  notFound,
  msg,
} from '@gfmd/api-platform';
import { ManageLinks, ParticipantDirectory } from '@gfmd/api-registrations';
import { SpaceRecord, SpacesService } from '@gfmd/api-spaces';
import { DataSource, QueryFailedError } from 'typeorm';
import { AgendaMailService, AgendaSendPreview, AgendaSendResult, AgendaState } from './agenda-mail.service';
import { UpdateAgendaItemDto } from './agenda-item.dto';
import { AgendaItemRecord, AgendaRepository } from './agenda.repository';
import { AgendaRules, sameFields, spaceInfos } from './agenda-rules.service';
import { agendaCalendar, personalItems, spaceName, toAgendaItem } from './agenda-view.util';

/** The language a request reads content in (staff without `?lang=`: the dialogue's own). */
const readerLanguage = (dialogue: DialogueRecord): ReaderLanguage =>
  currentLanguages().sourceContent ? sourceLanguageOf(dialogue) : currentLanguages().language;

export type Viewer = AuthUser | undefined;

const CLOSED = ['cancelled', 'concluded'];
const spaceMap = (spaces: SpaceRecord[]) => new Map(spaces.map((s) => [s.id, s]));
const infoMap = spaceInfos;

/**
 * Agenda items and their views: public and personal agendas (JSON and iCalendar), item changes
 * (their rules are AgendaRules), agenda mail. Moving a dialogue is AgendaShiftService.
 */
@Injectable()
export class AgendaService {
  constructor(
    private readonly repo: AgendaRepository,
    private readonly spaces: SpacesService,
    private readonly dialogues: DialoguesService,
    private readonly dialoguesRepo: DialoguesRepository,
    private readonly mail: AgendaMailService,
    private readonly rules: AgendaRules,
    private readonly links: ManageLinks,
    private readonly participants: ParticipantDirectory,
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    dialogueHooks: DialogueHooks,
  ) {
    // Publishing a dialogue warns about the listed languages its agenda lacks.
    dialogueHooks.onMissingTranslations(async (dialogue) => {
      const out = new Set<ReaderLanguage>();
      for (const item of await this.repo.list(dialogue.id)) {
        const missing = missingTranslations(
          item,
          AGENDA_ITEM_TRANSLATED_FIELDS,
          dialogue.languages,
          sourceLanguageOf(dialogue),
        );
        for (const l of Object.keys(missing)) out.add(l as ReaderLanguage);
      }
      return [...out];
    });
  }

  // ── views ────────────────────────────────────────────────────────────────────────────────

  /** Anyone: the agenda of a published dialogue; staff: of any dialogue. */
  async agenda(dialogueId: string, viewer: Viewer, spaceId?: string): Promise<AgendaView> {
    const { dialogue, spaces, items } = await this.load(dialogueId, viewer, spaceId);
    return this.view(dialogue, spaces, items, spaceId ?? null, !!viewer);
  }

  /** The agenda as iCalendar, its own words (Space, Moderator…) in `language` (the reader's). */
  async agendaIcs(dialogueId: string, viewer: Viewer, spaceId?: string, language: Language = 'en'): Promise<string> {
    const { dialogue, spaces, items } = await this.load(dialogueId, viewer, spaceId);
    const space = spaceId ? spaces.get(spaceId) : undefined;
    const contentLanguage = readerLanguage(dialogue);
    const title = localizedDialogue(dialogue, contentLanguage).title ?? dialogue.title;
    const content = { languages: dialogue.languages, language: contentLanguage };
    return agendaCalendar({
      dialogue,
      items,
      spaces: infoMap([...spaces.values()]),
      name: space ? `${title} — ${spaceName(space, content).name}` : title,
      language,
      contentLanguage,
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
    return toAgendaItem(item, dialogue.timeZone, infoMap(await this.spaces.listRecords(dialogue.id)), {
      languages: dialogue.languages,
      staff: !!viewer,
    });
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
      name: localizedDialogue(dialogue, participant.preferredLanguage).title ?? dialogue.title,
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
        throw domainRule('dialogue-not-published', msg('agenda.notSendable', { status: dialogue.status }));
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
      if (before) this.rules.authorize(user, before.spaceId, spaces);
      if (CLOSED.includes(dialogue.status)) {
        throw domainRule('dialogue-closed', msg('agenda.notChangeable', { status: dialogue.status }));
      }
      let after: AgendaItemRecord | null = null;
      if (dto) {
        const next = await this.rules.validated(dto, before, dialogue, spaces, user);
        if (before && sameFields(before, next)) return { item: before, dialogue, spaces };
        await this.rules.assertNoClash(dialogue, { id: before?.id ?? '', ...next });
        after = await this.repo
          .save({ ...(before ?? {}), ...next, dialogueId, sequence: before ? before.sequence + 1 : 0 })
          .catch((error: unknown) => {
            if (error instanceof QueryFailedError && (error as QueryFailedError & { code?: string }).code === '23P01') {
              throw conflict('agenda-overlap', msg('agenda.overlap'));
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
    return item
      ? toAgendaItem(item, dialogue.timeZone, infoMap([...spaces.values()]), {
          languages: dialogue.languages,
          staff: true,
        })
      : null;
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
    const participant = registration ? await this.participants.byId(registration.id) : null;
    if (!participant) throw notFound('Registration');
    const dialogue = await this.dialogues.findRecord(participant.dialogueId);
    const spaces = spaceMap(await this.spaces.listRecords(dialogue.id));
    const items = personalItems(await this.repo.list(dialogue.id), infoMap([...spaces.values()]), participant);
    return { participant, dialogue, spaces, items };
  }

  /**
   * For RegistrationMailer: the agenda of a dialogue as its new confirmations carry it, read now
   * (an admission batch reads it before taking the dialogue lock), and how to write each reader's
   * part (their items in the body, their .ics) with no further query. Null without an agenda.
   */
  async confirmationAgendas(dialogueId: string) {
    const items = await this.repo.list(dialogueId);
    if (!items.length) return null;
    const dialogue = await this.dialogues.findRecord(dialogueId);
    const spaces = infoMap(await this.spaces.listRecords(dialogueId));
    return this.mail.confirmationAgendas({ dialogue, spaces, items });
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
    staff = false,
  ): AgendaView {
    const infos = infoMap([...spaces.values()]);
    const title = localizedDialogue(dialogue);
    return {
      dialogueId: dialogue.id,
      title: title.title ?? dialogue.title,
      titleLang: title.titleLang,
      timeZone: dialogue.timeZone,
      venue: dialogue.venue,
      startsAt: dialogue.startsAt.toISOString(),
      endsAt: dialogue.endsAt.toISOString(),
      spaceId,
      items: items.map((i) => toAgendaItem(i, dialogue.timeZone, infos, { languages: dialogue.languages, staff })),
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
