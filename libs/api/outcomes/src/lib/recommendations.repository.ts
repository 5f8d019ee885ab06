import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ContentTranslations, RecommendationKind, StakeholderGroup } from '@gfmd/contracts';
import { cappedCount, COUNT_CAP, currentManager, estimatedCount } from '@gfmd/api-platform';
import { DataSource } from 'typeorm';

export interface HistoryEntry {
  text: string;
  kind: RecommendationKind;
  themeIds: string[];
  addressedTo: StakeholderGroup[];
  spaceId: string | null;
  publishedAt: string;
}

export interface PublishedRecord {
  reference: string;
  recommendationId: string;
  dialogueId: string;
  informalSessionId: string;
  text: string;
  /** The text in other languages than the source (docs/i18n.md). */
  translations: ContentTranslations<'text'>;
  kind: RecommendationKind;
  themeIds: string[];
  addressedTo: StakeholderGroup[];
  spaceId: string | null;
  withdrawn: boolean;
  outcomeVersion: number;
  firstPublishedAt: Date;
  publishedAt: Date;
  history: HistoryEntry[];
}

/** A published recommendation with what a citation needs from its dialogue. */
export interface PublishedView extends PublishedRecord {
  dialogueTitle: string;
  dialogueStartsAt: Date;
  dialogueTimeZone: string;
  /** The dialogue's languages, the first the recommendation's source. */
  dialogueLanguages: string[];
  highlight?: string;
  rank?: number;
}

export interface SearchFilter {
  q?: string;
  themeId?: string;
  informalSessionId?: string;
  dialogueId?: string;
  kind?: RecommendationKind;
  addressedTo?: StakeholderGroup;
  skip: number;
  take: number;
}

const COLUMNS = `r.reference, r.recommendation_id AS "recommendationId", r.dialogue_id AS "dialogueId",
  r.informal_session_id AS "informalSessionId", r.text, r.translations, r.kind, r.theme_ids AS "themeIds",
  r.addressed_to AS "addressedTo", r.space_id AS "spaceId", r.withdrawn, r.outcome_version AS "outcomeVersion",
  r.first_published_at AS "firstPublishedAt", r.published_at AS "publishedAt", r.history`;

/** `dialogues` is the dialogues domain's table: read here only for the title and date of a citation. */
const DIALOGUE_COLUMNS = `d.title AS "dialogueTitle", d.starts_at AS "dialogueStartsAt", d.time_zone AS "dialogueTimeZone",
  d.languages AS "dialogueLanguages"`;

/**
 * Hits ranked by a search at most (the newest ones): one more than COUNT_CAP, so a query with up
 * to COUNT_CAP hits is ranked and counted whole.
 */
const RANK_CAP = COUNT_CAP + 1;

/** The only SQL on `published_recommendations` (what the public reads and searches). */
@Injectable()
export class RecommendationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get db() {
    return currentManager(this.dataSource);
  }

  listByDialogue(dialogueId: string): Promise<PublishedRecord[]> {
    return this.db.query(`SELECT ${COLUMNS} FROM published_recommendations r WHERE r.dialogue_id = $1`, [dialogueId]);
  }

  async upsert(r: PublishedRecord): Promise<void> {
    await this.db.query(
      `INSERT INTO published_recommendations (reference, recommendation_id, dialogue_id, informal_session_id, text, kind,
         theme_ids, addressed_to, space_id, withdrawn, outcome_version, first_published_at, published_at, history, translations)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14::jsonb, $15::jsonb)
       ON CONFLICT (reference) DO UPDATE SET text = $5, kind = $6, theme_ids = $7, addressed_to = $8, space_id = $9,
         withdrawn = $10, outcome_version = $11, published_at = $13, history = $14::jsonb,
         translations = $15::jsonb`,
      [
        r.reference,
        r.recommendationId,
        r.dialogueId,
        r.informalSessionId,
        r.text,
        r.kind,
        r.themeIds,
        r.addressedTo,
        r.spaceId,
        r.withdrawn,
        r.outcomeVersion,
        r.firstPublishedAt,
        r.publishedAt,
        JSON.stringify(r.history),
        JSON.stringify(r.translations ?? {}),
      ],
    );
  }

  /** A dialogue's published recommendations that are not withdrawn, with their citation's data. */
  listViewsByDialogue(dialogueId: string): Promise<PublishedView[]> {
    return this.db.query(
      `SELECT ${COLUMNS}, ${DIALOGUE_COLUMNS} FROM published_recommendations r
         JOIN dialogues d ON d.id = r.dialogue_id WHERE r.dialogue_id = $1 AND NOT r.withdrawn`,
      [dialogueId],
    );
  }

  async find(reference: string): Promise<PublishedView | null> {
    const rows = await this.db.query<PublishedView[]>(
      `SELECT ${COLUMNS}, ${DIALOGUE_COLUMNS} FROM published_recommendations r
         JOIN dialogues d ON d.id = r.dialogue_id WHERE r.reference = $1`,
      [reference],
    );
    return rows[0] ?? null;
  }

  /**
   * Published, not withdrawn recommendations matching the filters. With `q`: the English, French
   * and Spanish readings of the query OR-ed into one tsquery against the GIN-indexed `search`
   * column, ranked by ts_rank — among the RANK_CAP newest hits at most (deeper pages: as many as
   * they need). A query with up to COUNT_CAP hits is ranked whole and counted exactly; a broader
   * one (10,000 hits for one common word) ranks its newest hits only, read in order from
   * published_recommendations_recent_idx until enough match, and its total is the planner's
   * estimate (`totalIsEstimate`): the top page no longer costs a heap visit and a ts_rank per hit
   * (docs/performance.md, "Session 10"). The tsquery is written inline, not in a CTE, so the
   * planner sees it and estimates how many rows match: a rare word is read from the GIN index,
   * a common one in date order. Only the page's rows are read in full, with a ts_headline in the
   * language that matched.
   */
  async search(f: SearchFilter): Promise<[PublishedView[], number, boolean]> {
    const params: unknown[] = [];
    const p = (v: unknown) => `$${params.push(v)}`;
    const where = ['NOT r.withdrawn'];
    const q = f.q?.trim() ? p(f.q.trim()) : null;
    const tsquery = `(websearch_to_tsquery('gfmd_english', ${q}) || websearch_to_tsquery('gfmd_french', ${q})
                     || websearch_to_tsquery('gfmd_spanish', ${q}))`;
    if (q) where.push(`r.search @@ ${tsquery}`);
    if (f.themeId) where.push(`${p(f.themeId)}::uuid = ANY(r.theme_ids)`);
    if (f.informalSessionId) where.push(`r.informal_session_id = ${p(f.informalSessionId)}`);
    if (f.dialogueId) where.push(`r.dialogue_id = ${p(f.dialogueId)}`);
    if (f.kind) where.push(`r.kind = ${p(f.kind)}`);
    if (f.addressedTo) where.push(`${p(f.addressedTo)}::text = ANY(r.addressed_to)`);
    if (!q) return this.latest(f, where, params, p);
    const filterParams = [...params];
    const fromWhere = `FROM published_recommendations r WHERE ${where.join(' AND ')}`;
    const candidates = Math.max(RANK_CAP, f.skip + f.take);
    const mark = `'StartSel=<mark>, StopSel=</mark>, MaxWords=40, MinWords=15, HighlightAll=false'`;
    const rows = await this.db.query<(PublishedView & { total: number })[]>(
      `WITH q AS (SELECT websearch_to_tsquery('gfmd_english', ${q}) AS en, websearch_to_tsquery('gfmd_french', ${q}) AS fr,
                         websearch_to_tsquery('gfmd_spanish', ${q}) AS es),
       hits AS (SELECT r.reference, r.search, r.first_published_at AS at ${fromWhere}
                 ORDER BY r.first_published_at DESC, r.reference LIMIT ${p(candidates)}),
       page AS (SELECT reference, ts_rank(search, ${tsquery}) AS rank, at, count(*) OVER ()::int AS total FROM hits
                 ORDER BY rank DESC, reference LIMIT ${p(f.take)} OFFSET ${p(f.skip)})
       SELECT ${COLUMNS}, page.rank, page.total, ${DIALOGUE_COLUMNS},
              CASE WHEN to_tsvector('gfmd_french', r.text) @@ q.fr THEN ts_headline('gfmd_french', r.text, q.fr, ${mark})
                   WHEN to_tsvector('gfmd_spanish', r.text) @@ q.es THEN ts_headline('gfmd_spanish', r.text, q.es, ${mark})
                   ELSE ts_headline('gfmd_english', r.text, q.en, ${mark}) END AS highlight
         FROM page JOIN published_recommendations r ON r.reference = page.reference
         JOIN dialogues d ON d.id = r.dialogue_id CROSS JOIN q
        ORDER BY page.rank DESC, page.reference`,
      params,
    );
    const run = (text: string, values: unknown[]) => this.db.query(text, values);
    if (!rows.length) {
      // A page past the hits: count them apart (capped as the staff lists are).
      const { total, totalIsEstimate } =
        f.skip > 0 ? await cappedCount(run, fromWhere, filterParams) : { total: 0, totalIsEstimate: false };
      return [[], total, totalIsEstimate];
    }
    const seen = rows[0].total;
    const page = rows.map(({ total: _t, ...r }) => r as PublishedView);
    // Every hit was among the candidates (fewer than asked for, or no more than the cap): exact.
    if (seen < candidates || seen <= COUNT_CAP) return [page, seen, false];
    return [page, await estimatedCount(run, fromWhere, filterParams, seen), true];
  }

  /**
   * Without a query: newest first, the page read in order from published_recommendations_recent_idx
   * (no window count over every hit, no sort of them) and the exact count apart, an index-only
   * count (migration 1765400000502; docs/performance.md, "A whole process on one database").
   */
  private async latest(
    f: SearchFilter,
    where: string[],
    params: unknown[],
    p: (v: unknown) => string,
  ): Promise<[PublishedView[], number, boolean]> {
    const filter = where.join(' AND ');
    const countParams = [...params];
    const [rows, [c]] = await Promise.all([
      this.db.query<PublishedView[]>(
        `WITH page AS (SELECT r.reference FROM published_recommendations r WHERE ${filter}
                        ORDER BY r.first_published_at DESC, r.reference LIMIT ${p(f.take)} OFFSET ${p(f.skip)})
         SELECT ${COLUMNS}, 0::real AS rank, NULL AS highlight, ${DIALOGUE_COLUMNS}
           FROM page JOIN published_recommendations r ON r.reference = page.reference
           JOIN dialogues d ON d.id = r.dialogue_id
          ORDER BY r.first_published_at DESC, r.reference`,
        params,
      ),
      this.db.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM published_recommendations r WHERE ${filter}`,
        countParams,
      ),
    ]);
    return [rows, c?.n ?? 0, false];
  }
}
