import { Injectable } from '@nestjs/common';
import type { Page, PublishedRecommendation, ReaderLanguage } from '@gfmd/contracts';
import { AppConfig, localizeContent, notFound } from '@gfmd/api-platform';
import { contentSourceLanguage } from './outcome.mapper';
import { ListRecommendationsQuery } from './outcome.dto';
import { RecommendationContributionsService } from './recommendation-contributions.service';
import { PublishedView, RecommendationsRepository } from './recommendations.repository';

/** Public reading and search of published recommendations. */
@Injectable()
export class RecommendationsService {
  constructor(
    private readonly repo: RecommendationsRepository,
    private readonly config: AppConfig,
    private readonly contributions: RecommendationContributionsService,
  ) {}

  async search(query: ListRecommendationsQuery): Promise<Page<PublishedRecommendation>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const [rows, total, totalIsEstimate] = await this.repo.search({
      q: query.q,
      themeId: query.themeId,
      informalSessionId: query.informalSessionId,
      dialogueId: query.dialogueId,
      kind: query.kind,
      addressedTo: query.addressedTo,
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return {
      items: rows.map((r) => this.toView(r, false)),
      total,
      page,
      pageSize,
      ...(totalIsEstimate ? { totalIsEstimate: true } : {}),
    };
  }

  /** A reference that was ever published, even withdrawn since; 404 for any other. */
  async get(reference: string): Promise<PublishedRecommendation> {
    const row = /^[A-Za-z0-9-]{1,64}$/.test(reference) ? await this.repo.find(reference.toUpperCase()) : null;
    if (!row) throw notFound('Recommendation');
    return { ...this.toView(row, true), contributions: await this.contributions.citedBy(row.recommendationId) };
  }

  /** A dialogue's published recommendations (not withdrawn), each with its url and cite text. */
  async forDialogue(dialogueId: string): Promise<PublishedRecommendation[]> {
    return (await this.repo.listViewsByDialogue(dialogueId)).map((r) => this.toView(r, false));
  }

  private toView(r: PublishedView, withHistory: boolean): PublishedRecommendation {
    const url = `${this.config.publicUrl}/recommendations/${r.reference}`;
    const date = new Intl.DateTimeFormat('en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: r.dialogueTimeZone,
    }).format(new Date(r.dialogueStartsAt));
    return {
      reference: r.reference,
      // In the reader's language where translated (`textLang`); history and highlight stay in the source's words.
      ...(localizeContent(r, ['text'], contentSourceLanguage({ languages: r.dialogueLanguages })) as {
        text: string;
        textLang: ReaderLanguage;
      }),
      kind: r.kind,
      themeIds: r.themeIds,
      addressedTo: r.addressedTo,
      spaceId: r.spaceId,
      dialogueId: r.dialogueId,
      dialogueTitle: r.dialogueTitle,
      dialogueStartsAt: new Date(r.dialogueStartsAt).toISOString(),
      informalSessionId: r.informalSessionId,
      firstPublishedAt: new Date(r.firstPublishedAt).toISOString(),
      publishedAt: new Date(r.publishedAt).toISOString(),
      withdrawn: r.withdrawn,
      url,
      cite: `${r.reference}. “${r.dialogueTitle}”, Global Forum on Migration and Development (GFMD) thematic dialogue, ${date}. ${url}`,
      ...(withHistory ? { history: r.history.map(({ spaceId: _s, ...h }) => h) } : {}),
      ...(r.highlight != null ? { highlight: r.highlight, rank: Number(r.rank) } : {}),
    };
  }
}
