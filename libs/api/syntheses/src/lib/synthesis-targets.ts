import { Injectable } from '@nestjs/common';
import type { SynthesisTarget } from '@gfmd/contracts';
import { DialoguesRepository, ProcessesRepository } from '@gfmd/api-dialogues';
import type { ContentTranslations, ReaderLanguage } from '@gfmd/contracts';
import { catalogueLanguageOf, currentLanguages, localizeContent, msg, notFound, translate } from '@gfmd/api-platform';

/** What a synthesis is about: an informal session, or a milestone of a process (e.g. the stocktaking meeting). */
export interface TargetRecord {
  target: SynthesisTarget;
  id: string;
  processId: string;
  /** In the request's language (the session's or milestone's title translated where written). */
  title: string;
  /** The language the session's or milestone's own title came in. */
  titleLang: ReaderLanguage;
  /** The session's or milestone's own title, without the session's prefix (in `titleLang`). */
  ownTitle: string;
  /** A session's number (the prefix's); null for a milestone. */
  sessionNumber: number | null;
  /** The title in another language: documents and emails written for someone else. */
  titleIn(language: ReaderLanguage): { title: string; titleLang: ReaderLanguage; ownTitle: string };
  startsAt: Date;
  timeZone: string;
  venue: string | null;
  /** A milestone's kind (stocktaking_meeting…); null for a session. */
  milestoneKind: string | null;
  /** The sessions whose dialogues' recommendations bear on it: the session itself, or every session of the process. */
  sessionIds: string[];
}

export const DAY_MS = 86_400_000;
/** The default due date: 7 days before the session or milestone starts. */
export const DEFAULT_DUE_DAYS = 7;

export const defaultDueAt = (t: Pick<TargetRecord, 'startsAt'>) =>
  new Date(t.startsAt.getTime() - DEFAULT_DUE_DAYS * DAY_MS);

interface Titled {
  title: string;
  translations?: ContentTranslations<'title' | 'venue'> | null;
}

/**
 * A session's or milestone's title in `language` (default: the request's): its own words
 * translated where written, a session's prefixed "Informal thematic session N:" in the
 * server's words of that language (English for Russian and Chinese, which have no catalogue).
 * The own words and the number are kept apart too, for a client that writes the heading itself.
 */
function titleOf(record: Titled, sessionNumber: number | null) {
  const localize = (language?: ReaderLanguage) => {
    const { title, titleLang } =
      language === undefined ? localizeContent(record, ['title']) : localizeContent(record, ['title'], 'en', language);
    const text = language === undefined ? currentLanguages().text : catalogueLanguageOf(language);
    return {
      title:
        sessionNumber === null
          ? (title ?? '')
          : translate(msg('syntheses.sessionTitle', { number: sessionNumber, title: title ?? '' }), text),
      titleLang,
      ownTitle: title ?? '',
    };
  };
  return { ...localize(), sessionNumber, titleIn: (language: ReaderLanguage) => localize(language) };
}

/** Resolves `/informal-sessions/:id` and `/milestones/:id` through the dialogues domain's repositories. */
@Injectable()
export class SynthesisTargets {
  constructor(
    private readonly dialogues: DialoguesRepository,
    private readonly processes: ProcessesRepository,
  ) {}

  async resolve(target: SynthesisTarget, id: string): Promise<TargetRecord> {
    if (target === 'informal-sessions') {
      const s = await this.dialogues.findSession(id);
      if (!s) throw notFound('Informal session');
      return {
        target,
        id: s.id,
        processId: s.processId,
        ...titleOf(s, s.number),
        startsAt: s.startsAt,
        timeZone: s.timeZone,
        venue: s.venue,
        milestoneKind: null,
        sessionIds: [s.id],
      };
    }
    const m = await this.processes.findMilestone(id);
    if (!m) throw notFound('Milestone');
    const sessions = await this.dialogues.listSessions(m.processId);
    return {
      target,
      id: m.id,
      processId: m.processId,
      ...titleOf(m, null),
      startsAt: m.startsAt,
      timeZone: m.timeZone,
      venue: m.venue,
      milestoneKind: m.kind,
      sessionIds: sessions.map((s) => s.id),
    };
  }

  /** Every session and milestone of a process, as targets (for the timeline's due dates). */
  async ofProcess(processId: string): Promise<TargetRecord[]> {
    const sessions = await this.dialogues.listSessions(processId);
    const milestones = await this.processes.milestones([processId]);
    const sessionIds = sessions.map((s) => s.id);
    return [
      ...sessions.map<TargetRecord>((s) => ({
        target: 'informal-sessions',
        id: s.id,
        processId,
        ...titleOf(s, s.number),
        startsAt: s.startsAt,
        timeZone: s.timeZone,
        venue: s.venue,
        milestoneKind: null,
        sessionIds: [s.id],
      })),
      ...milestones.map<TargetRecord>((m) => ({
        target: 'milestones',
        id: m.id,
        processId,
        ...titleOf(m, null),
        startsAt: m.startsAt,
        timeZone: m.timeZone,
        venue: m.venue,
        milestoneKind: m.kind,
        sessionIds,
      })),
    ];
  }

  async assertProcess(processId: string): Promise<void> {
    await this.ofProcessHead(processId);
  }

  async ofProcessHead(processId: string): Promise<{ id: string; title: string }> {
    const p = await this.processes.find(processId);
    if (!p) throw notFound('Process');
    return { id: p.id, title: p.title };
  }
}
