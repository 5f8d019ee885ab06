import { Injectable } from '@nestjs/common';
import type { Language } from '@gfmd/contracts';
import { DialoguesService, InformalSessionsService, ProcessesService } from '@gfmd/api-dialogues';
import { AppConfig, notFound } from '@gfmd/api-platform';
import { buildIcs, IcsEvent } from './ics.util';

/** Seconds since 2024-01-01: a SEQUENCE that grows with every change of the dialogue (RFC 5545 §3.8.7.4). */
const SEQUENCE_EPOCH = Date.UTC(2024, 0, 1);

const LABELS: Record<Language, { name: string; session: string; cancelled: string; online: string }> = {
  en: { name: 'GFMD dialogues', session: 'Informal session', cancelled: 'Cancelled', online: 'Online' },
  fr: { name: 'Dialogues du FMMD', session: 'Session informelle', cancelled: 'Annulé', online: 'En ligne' },
  es: { name: 'Diálogos del FMMD', session: 'Sesión informal', cancelled: 'Cancelado', online: 'En línea' },
  ar: {
    name: 'حوارات المنتدى العالمي للهجرة والتنمية',
    session: 'الجلسة غير الرسمية',
    cancelled: 'ملغى',
    online: 'عبر الإنترنت',
  },
};

export interface FeedQuery {
  /** A process's slug or id. */
  process?: string;
  /** A theme's code or id. */
  theme?: string;
  lang?: Language;
}

/**
 * `/feeds/dialogues.ics`: every public dialogue as a calendar that a calendar application
 * subscribes to (it fetches it again every few hours). A dialogue keeps its UID for life; its
 * SEQUENCE grows with every change, so a moved dialogue replaces its old event; a dialogue
 * cancelled after it was public stays in the feed with STATUS:CANCELLED rather than vanishing
 * (a client would keep showing a vanished event it imported). Never the online link: the
 * public feed is public.
 */
@Injectable()
export class DialogueFeedService {
  constructor(
    private readonly dialogues: DialoguesService,
    private readonly processes: ProcessesService,
    private readonly sessions: InformalSessionsService,
    private readonly config: AppConfig,
  ) {}

  async dialoguesIcs(query: FeedQuery, now = new Date()): Promise<string> {
    const labels = LABELS[query.lang ?? 'en'];
    const process = query.process ? await this.findProcess(query.process) : undefined;
    const theme = query.theme ? await this.findTheme(query.theme, process?.id) : undefined;
    const rows = await this.dialogues.feed({ processId: process?.id, themeId: theme?.id });
    const sessions = new Map((await this.sessions.listSessions(process?.id)).map((s) => [s.id, s]));
    const themes = new Map((await this.sessions.listThemes()).map((t) => [t.id, t]));
    const events: IcsEvent[] = rows.map(({ dialogue, record }) => {
      const session = sessions.get(dialogue.informalSessionId);
      const cancelled = dialogue.status === 'cancelled';
      const url = `${this.config.publicUrl}/dialogues/${dialogue.id}`;
      const description = [
        cancelled ? labels.cancelled.toUpperCase() : null,
        dialogue.summary || null,
        session ? `${labels.session} ${session.number}: ${session.title}` : null,
        url,
      ]
        .filter((part): part is string => !!part)
        .join('\n\n');
      return {
        uid: `dialogue-${dialogue.id}@gfmd-dialogues`,
        sequence: Math.max(0, Math.floor((record.updatedAt.getTime() - SEQUENCE_EPOCH) / 1000)),
        start: record.startsAt,
        end: record.endsAt,
        summary: cancelled ? `${labels.cancelled}: ${dialogue.title}` : dialogue.title,
        description,
        location: dialogue.venue || (dialogue.format === 'online' ? labels.online : null),
        url,
        categories: dialogue.themeIds.map((id) => themes.get(id)?.title).filter((t): t is string => !!t),
        created: record.createdAt,
        lastModified: record.updatedAt,
        status: cancelled ? 'CANCELLED' : 'CONFIRMED',
      };
    });
    const name = [labels.name, process?.title, theme?.title].filter(Boolean).join(' — ');
    return buildIcs({ name, timeZone: 'UTC', now, events });
  }

  private async findProcess(key: string) {
    const found = (await this.processes.list()).find((p) => p.slug === key || p.id === key);
    if (!found) throw notFound('Process');
    return found;
  }

  private async findTheme(key: string, processId?: string) {
    const found = (await this.sessions.listThemes(processId)).find((t) => t.code === key || t.id === key);
    if (!found) throw notFound('Theme');
    return found;
  }
}
