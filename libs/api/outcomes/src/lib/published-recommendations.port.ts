import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  ContentTranslations,
  Language,
  ReaderLanguage,
  RecommendationKind,
  StakeholderGroup,
} from '@gfmd/contracts';
import { AppConfig, currentManager, localizeContent } from '@gfmd/api-platform';
import { contentSourceLanguage } from './outcome.mapper';
import { DataSource } from 'typeorm';

/** A published recommendation as other domains read it (syntheses): the text and where it came from. */
export interface PublishedRecommendationRead {
  reference: string;
  /** In the reader's language where translated (`textLang`; docs/i18n.md). */
  text: string;
  textLang: ReaderLanguage;
  kind: RecommendationKind;
  themeIds: string[];
  addressedTo: StakeholderGroup[];
  dialogueId: string;
  dialogueTitle: string;
  dialogueStartsAt: string;
  informalSessionId: string;
  languages: Language[];
  withdrawn: boolean;
  url: string;
}

interface Row extends Omit<PublishedRecommendationRead, 'dialogueStartsAt' | 'url' | 'textLang'> {
  dialogueStartsAt: Date;
  translations: ContentTranslations<'text'>;
}

const SELECT = `SELECT r.reference, r.text, r.translations, r.kind, r.theme_ids AS "themeIds", r.addressed_to AS "addressedTo",
    r.dialogue_id AS "dialogueId", d.title AS "dialogueTitle", d.starts_at AS "dialogueStartsAt",
    r.informal_session_id AS "informalSessionId", d.languages, r.withdrawn
  FROM published_recommendations r JOIN dialogues d ON d.id = r.dialogue_id`;

/**
 * The read port other domains use on published recommendations (the table stays this domain's):
 * the ones named by reference, and the ones that bear on some informal sessions.
 */
@Injectable()
export class PublishedRecommendationsPort {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  /** The recommendations with these references (withdrawn ones included: the caller decides), in no order. */
  async findMany(references: string[]): Promise<PublishedRecommendationRead[]> {
    if (!references.length) return [];
    const rows = await currentManager(this.dataSource).query<Row[]>(`${SELECT} WHERE r.reference = ANY($1::text[])`, [
      references,
    ]);
    return rows.map((r) => this.view(r));
  }

  /** The published, not withdrawn recommendations of the dialogues ahead of these sessions, by dialogue date then reference. */
  async listForSessions(informalSessionIds: string[]): Promise<PublishedRecommendationRead[]> {
    if (!informalSessionIds.length) return [];
    const rows = await currentManager(this.dataSource).query<Row[]>(
      `${SELECT} WHERE r.informal_session_id = ANY($1::uuid[]) AND NOT r.withdrawn
        ORDER BY d.starts_at, r.reference`,
      [informalSessionIds],
    );
    return rows.map((r) => this.view(r));
  }

  private view({ translations, ...r }: Row): PublishedRecommendationRead {
    const source = contentSourceLanguage(r);
    const { text, textLang } = localizeContent({ text: r.text, translations }, ['text'], source);
    return {
      ...r,
      text: text ?? r.text,
      textLang,
      dialogueStartsAt: new Date(r.dialogueStartsAt).toISOString(),
      url: `${this.config.publicUrl}/recommendations/${r.reference}`,
    };
  }
}
