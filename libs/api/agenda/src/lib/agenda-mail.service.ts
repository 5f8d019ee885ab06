import { Injectable } from '@nestjs/common';
import type { Language } from '@gfmd/contracts';
import { localizedDialogue, type DialogueRecord } from '@gfmd/api-dialogues';
import { OutboxService, type OutgoingEmail, type StoredAttachment, type TemplateParams } from '@gfmd/api-mail';
import { AfterCommit, AppConfig, dateTimeFormat, localizeContent, zoneLabel } from '@gfmd/api-platform';
import { createHash, randomUUID } from 'node:crypto';
import {
  type ConfirmationAgenda,
  type ConfirmationAgendas,
  ParticipantDirectory,
  type ParticipantRecord,
} from '@gfmd/api-registrations';
import type { AgendaItemRecord } from './agenda.repository';
import { type AgendaDocument, AgendaDocuments, emailDocuments } from './agenda-documents.port';
import { agendaCalendar, personalItems, SpaceInfo, spaceName } from './agenda-view.util';

/** Dialogue statuses in which agenda changes are mailed to confirmed participants. */
export const MAILED_STATUSES = ['published', 'registration_closed'];

export interface AgendaState {
  dialogue: DialogueRecord;
  spaces: Map<string, SpaceInfo>;
  /** Every item of the dialogue, as it is (after the change, inside the transaction). */
  items: AgendaItemRecord[];
  /** The registrant-readable documents of the dialogue (loaded by the mail service when absent). */
  documents?: AgendaDocument[];
}

export interface AgendaSendResult {
  queued: number;
  skipped: number;
  skippedBy: { addressNotConfirmed: number; alreadySent: number };
}

export interface AgendaSendPreview {
  wouldSend: number;
  skipped: { addressNotConfirmed: number; alreadySent: number };
}

const ICS_CONTENT_TYPE = 'text/calendar; charset=utf-8; method=PUBLISH';

/**
 * Personal-agenda email: the full agenda on request, and coalesced update notices when a
 * published agenda changes.
 *
 * Coalescing: a change writes, for each confirmed participant whose personal agenda contains the
 * item before or after the change, one `agenda_update` row with send_after = now + window
 * (AGENDA_UPDATE_COALESCE_MS) and idempotency key `agenda_update:<registrationId>:<changeId>`.
 * A later change within that window finds the row still unsent (status pending/queued,
 * send_after in the future) and rewrites its body and .ics instead of adding a row, so a burst
 * of edits yields one email per participant carrying the final state. The window opens at the
 * first edit and is not extended, so a participant hears within one window of the first change.
 * A personal agenda email not yet picked up by the worker is rewritten the same way.
 *
 * Each email carries a manage link of the participant's own, minted by the worker when it sends
 * it (`links: 'manage'`), so the agenda email lets them change their spaces.
 */
@Injectable()
export class AgendaMailService {
  constructor(
    private readonly participants: ParticipantDirectory,
    private readonly outbox: OutboxService,
    private readonly config: AppConfig,
    private readonly documents: AgendaDocuments,
  ) {}

  /** The state with its documents (public and registrants' ones: what a confirmed participant may read). */
  private async withDocuments(state: AgendaState): Promise<AgendaState> {
    return state.documents ? state : { ...state, documents: await this.documents.forDialogue(state.dialogue.id) };
  }

  /**
   * One `agenda` row per confirmed participant whose address is confirmed; a participant already
   * mailed this exact agenda is skipped. With `dryRun`, counts and writes nothing.
   */
  async sendAll(
    afterCommit: AfterCommit,
    state: AgendaState,
    dryRun = false,
  ): Promise<AgendaSendResult | AgendaSendPreview> {
    const all = await this.participants.confirmedIn(state.dialogue.id);
    const participants = all.filter((p) => p.emailConfirmed);
    const addressNotConfirmed = all.length - participants.length;
    const keys = new Map(
      participants.map((p) => {
        const items = personalItems(state.items, state.spaces, p);
        const version = createHash('sha256')
          .update(items.map((i) => `${i.id}:${i.sequence}`).join(','))
          .digest('hex')
          .slice(0, 24);
        return [p.registrationId, { items, key: `agenda:${p.registrationId}:${version}` }];
      }),
    );
    if (dryRun) {
      const mailed = await this.outbox.existingKeys([...keys.values()].map((k) => k.key));
      return {
        wouldSend: keys.size - mailed.size,
        skipped: { addressNotConfirmed, alreadySent: mailed.size },
      };
    }
    const emails: OutgoingEmail[] = [];
    state = await this.withDocuments(state);
    for (const p of participants) {
      const { items, key } = keys.get(p.registrationId) as { items: AgendaItemRecord[]; key: string };
      emails.push(this.compose('agenda', p, state, items, key));
    }
    const inserted = await this.outbox.write(afterCommit, emails);
    return {
      queued: inserted.length,
      skipped: all.length - inserted.length,
      skippedBy: { addressNotConfirmed, alreadySent: participants.length - inserted.length },
    };
  }

  /** Mails the participants whose personal agenda a change touched (coalesced, see above). */
  async itemChanged(
    afterCommit: AfterCommit,
    state: AgendaState,
    before: AgendaItemRecord | null,
    after: AgendaItemRecord | null,
  ): Promise<{ written: number; rewritten: number }> {
    if (!MAILED_STATUSES.includes(state.dialogue.status)) return { written: 0, rewritten: 0 };
    const changed = [before, after].filter((i): i is AgendaItemRecord => i !== null);
    if (!changed.length) return { written: 0, rewritten: 0 };
    const participants = (await this.participants.confirmedIn(state.dialogue.id)).filter(
      (p) => p.emailConfirmed && personalItems(changed, state.spaces, p).length > 0,
    );
    if (!participants.length) return { written: 0, rewritten: 0 };
    return this.notify(afterCommit, state, participants);
  }

  /**
   * The whole dialogue moved (POST /dialogues/:id/shift): every confirmed participant whose
   * address is confirmed gets one agenda_update with the new .ics, coalesced as above.
   */
  async dialogueShifted(afterCommit: AfterCommit, state: AgendaState): Promise<{ written: number; rewritten: number }> {
    if (!MAILED_STATUSES.includes(state.dialogue.status)) return { written: 0, rewritten: 0 };
    const participants = (await this.participants.confirmedIn(state.dialogue.id)).filter((p) => p.emailConfirmed);
    return this.notify(afterCommit, state, participants);
  }

  /** One agenda_update per participant: a fresh row, or the rewrite of their unsent one. */
  private async notify(
    afterCommit: AfterCommit,
    state: AgendaState,
    participants: ParticipantRecord[],
  ): Promise<{ written: number; rewritten: number }> {
    if (!participants.length) return { written: 0, rewritten: 0 };
    state = await this.withDocuments(state);
    const pending = await this.outbox.lockRewritable(
      participants.map((p) => p.registrationId),
      ['agenda', 'agenda_update'],
      ['agenda_update'],
    );
    const changeId = randomUUID();
    const sendAfter = new Date(Date.now() + this.config.agendaUpdateCoalesceMs);
    const fresh: OutgoingEmail[] = [];
    let rewritten = 0;
    for (const p of participants) {
      const items = personalItems(state.items, state.spaces, p);
      const row = pending.get(p.registrationId);
      if (row) {
        const email = this.compose(row.kind === 'agenda' ? 'agenda' : 'agenda_update', p, state, items, '');
        await this.outbox.rewrite(row.id, email);
        rewritten++;
      } else {
        fresh.push({
          ...this.compose('agenda_update', p, state, items, `agenda_update:${p.registrationId}:${changeId}`),
          sendAfter,
        });
      }
    }
    const written = (await this.outbox.write(afterCommit, fresh)).length;
    return { written, rewritten };
  }

  /**
   * What a registration confirmation carries when the dialogue has an agenda: the person's
   * items in the body and their personal .ics attached (the same as the agenda email's).
   */
  async confirmationAgendas(state: AgendaState): Promise<ConfirmationAgendas> {
    // Read now (the documents); written per reader later, with no further query.
    const read = state.items.length ? await this.withDocuments(state) : state;
    return (readers) => this.confirmationsFor(read, readers);
  }

  private confirmationsFor(
    state: AgendaState,
    readers: { registrationId: string; language: Language; confirmedSpaceIds: string[] }[],
  ): Map<string, ConfirmationAgenda> {
    const out = new Map<string, ConfirmationAgenda>();
    if (!state.items.length) return out;
    const { dialogue } = state;
    const dialogueUrl = `${this.config.publicUrl}/dialogues/${dialogue.id}`;
    for (const r of readers) {
      const items = personalItems(state.items, state.spaces, {
        status: 'confirmed',
        confirmedSpaceIds: r.confirmedSpaceIds,
      });
      if (!items.length) continue;
      const ics = agendaCalendar({ dialogue, items, spaces: state.spaces, language: r.language, url: dialogueUrl });
      out.set(r.registrationId, {
        params: {
          dialogueUrl,
          timeZone: dialogue.timeZone,
          agenda: this.agendaLines(state, items, r.language),
          ...this.documentParams(state, r.language),
        },
        attachments: [{ filename: 'agenda.ics', contentType: ICS_CONTENT_TYPE, content: ics }],
      });
    }
    return out;
  }

  private agendaLines(state: AgendaState, items: AgendaItemRecord[], language: Language): TemplateParams['agenda'] {
    const { dialogue } = state;
    const { byItem } = emailDocuments(state.documents ?? [], language);
    // Titles and space names in the reader's language where written, else the dialogue's first.
    const content = { languages: dialogue.languages, language };
    const source = dialogue.languages?.[0] ?? 'en';
    const space = (id: string | null) => {
      const s = id ? state.spaces.get(id) : undefined;
      return s ? spaceName(s, content).name : null;
    };
    return items.map((i) => ({
      when: formatRange(i.startsAt, i.endsAt, language, dialogue.timeZone, 'short'),
      title: localizeContent(i, ['title'], source, language).title ?? i.title,
      where: [i.room, space(i.spaceId)].filter(Boolean).join(' · ') || undefined,
      ...(byItem.get(i.id)?.length ? { documents: byItem.get(i.id) } : {}),
    }));
  }

  /**
   * The dialogue's documents as links (never attachments): public ones by their public URL, the
   * registrants' through the participant's manage token, minted when the email is sent.
   */
  private documentParams(state: AgendaState, language: Language): Pick<TemplateParams, 'documents' | 'documentsUrl'> {
    const docs = state.documents ?? [];
    if (!docs.length) return {};
    const { dialogue } = emailDocuments(docs, language);
    return {
      ...(dialogue.length ? { documents: dialogue } : {}),
      documentsUrl: `${this.config.publicUrl}/api/v1/documents`,
    };
  }

  private compose(
    kind: 'agenda' | 'agenda_update',
    p: ParticipantRecord,
    state: AgendaState,
    items: AgendaItemRecord[],
    idempotencyKey: string,
  ): OutgoingEmail {
    const { dialogue } = state;
    const language: Language = p.preferredLanguage;
    const dialogueUrl = `${this.config.publicUrl}/dialogues/${dialogue.id}`;
    const ics = agendaCalendar({ dialogue, items, spaces: state.spaces, language, url: dialogueUrl });
    const attachment: StoredAttachment = { filename: 'agenda.ics', contentType: ICS_CONTENT_TYPE, content: ics };
    const params: TemplateParams = {
      recipientName: [p.title, p.firstName, p.lastName].filter(Boolean).join(' '),
      dialogueTitle: localizedDialogue(dialogue, language).title ?? dialogue.title,
      dialogueWhen: formatRange(dialogue.startsAt, dialogue.endsAt, language, dialogue.timeZone, 'long'),
      dialogueVenue: dialogue.venue,
      dialogueUrl,
      timeZone: dialogue.timeZone,
      agenda: this.agendaLines(state, items, language),
      ...this.documentParams(state, language),
    };
    return {
      kind,
      to: p.email,
      language,
      idempotencyKey,
      links: 'manage',
      params,
      attachments: [attachment],
      registrationId: p.registrationId,
      dialogueId: dialogue.id,
    };
  }
}

/** "Tue, 12 May, 09:00 – 10:30" in the reader's language, on the dialogue's clock. */
export function formatRange(
  start: Date,
  end: Date,
  language: Language,
  timeZone: string,
  style: 'short' | 'long',
): string {
  // Arabic: Gregorian calendar and Arabic-Indic digits, as in the web app and the other emails.
  const format = dateTimeFormat(language === 'ar' ? 'ar-u-ca-gregory-nu-arab' : language, {
    timeZone,
    weekday: style === 'long' ? 'long' : 'short',
    day: 'numeric',
    month: style === 'long' ? 'long' : 'short',
    ...(style === 'long' ? { year: 'numeric' as const } : {}),
    hour: '2-digit',
    minute: '2-digit',
  });
  // The zone as everywhere in the app ("Europe/Zurich, GMT+2"), not Intl's per-language short name.
  return style === 'long'
    ? `${format.formatRange(start, end)} (${zoneLabel(start, timeZone)})`
    : format.formatRange(start, end);
}
