import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthUser } from '@gfmd/api-auth';
import { DialoguesService } from '@gfmd/api-dialogues';
import { AppConfig, AuditService, forbidden, inTransaction, notFound, ProblemException, msg } from '@gfmd/api-platform';
import type { CitedContribution, CitingRecommendation, RecommendationContributionLinks } from '@gfmd/contracts';
import { DataSource } from 'typeorm';
import { isOrganizer } from './outcome-changes.service';
import { OutcomesRepository } from './outcomes.repository';
import { ContributionSources } from './contribution-sources.port';
import { RecommendationContributionsRepository } from './recommendation-contributions.repository';

/**
 * Which written contributions a recommendation draws on (docs/documents.md, "Contributions and
 * recommendations"): the outcome's rapporteurs and organizers link them; the public
 * recommendation page lists the linked (accepted, so public) ones; a contribution's page lists
 * the published recommendations that cite it. Contributions are read through ContributionSources.
 */
@Injectable()
export class RecommendationContributionsService {
  constructor(
    private readonly repo: RecommendationContributionsRepository,
    private readonly outcomes: OutcomesRepository,
    private readonly sources: ContributionSources,
    private readonly dialogues: DialoguesService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** The links of a dialogue's outcome (staff who may read the outcome). */
  async links(dialogueId: string, user: AuthUser): Promise<RecommendationContributionLinks[]> {
    await this.dialogues.findVisible(dialogueId, user);
    const links = await this.repo.byDialogue(dialogueId);
    return [...links].map(([recommendationId, contributionIds]) => ({ recommendationId, contributionIds }));
  }

  /**
   * Replaces the contributions one recommendation draws on: the outcome's rapporteurs and
   * organizers; each id must be an accepted contribution of the same dialogue (422 otherwise).
   */
  async link(
    dialogueId: string,
    recommendationId: string,
    contributionIds: string[],
    user: AuthUser,
  ): Promise<{ recommendationId: string; contributions: CitedContribution[] }> {
    await this.dialogues.findVisible(dialogueId, user);
    const outcome = await this.outcomes.find(dialogueId);
    if (!outcome || !outcome.recommendations.some((r) => r.id === recommendationId)) throw notFound('Recommendation');
    if (!isOrganizer(user) && !outcome.rapporteurUserIds.includes(user.id))
      throw forbidden(msg('outcomes.whoLinksContributions'));
    const ids = [...new Set(contributionIds)];
    const found = await this.sources.accepted(dialogueId, ids);
    const known = new Set(found.map((c) => c.id));
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length)
      throw new ProblemException(
        422,
        'unknown-contribution',
        msg('outcomes.unknownContribution'),
        unknown.map((id) => ({
          field: `contributionIds[${contributionIds.indexOf(id)}]`,
          message: msg('outcomes.unknownContribution.field'),
        })),
      );
    await inTransaction(this.dataSource, async () => {
      await this.repo.replace(dialogueId, recommendationId, ids);
      await this.audit.record({
        actorUserId: user.id,
        action: 'recommendation.contributions_linked',
        entityType: 'outcome',
        entityId: dialogueId,
        dialogueId,
        details: { recommendationId, contributions: ids.length },
      });
    });
    const byId = new Map(found.map((c) => [c.id, c]));
    return { recommendationId, contributions: ids.map((id) => byId.get(id) as CitedContribution) };
  }

  /** The public contributions a (published) recommendation draws on, in the order they were linked. */
  async citedBy(recommendationId: string): Promise<CitedContribution[]> {
    const ids = await this.repo.contributionIdsOf(recommendationId);
    const byId = new Map((await this.sources.accepted(null, ids)).map((c) => [c.id, c]));
    return ids.flatMap((id) => (byId.has(id) ? [byId.get(id) as CitedContribution] : []));
  }

  /** For the documents domain: the published recommendations that cite a contribution. */
  async citing(contributionId: string): Promise<CitingRecommendation[]> {
    return (await this.repo.citing(contributionId)).map((r) => ({
      ...r,
      url: `${this.config.publicUrl}/recommendations/${r.reference}`,
    }));
  }
}
