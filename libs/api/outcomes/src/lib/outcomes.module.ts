import { Module } from '@nestjs/common';
import { DialoguesModule } from '@gfmd/api-dialogues';
import { SpacesModule } from '@gfmd/api-spaces';
import { MyOutcomesController } from './my-outcomes.controller';
import { OutcomesController } from './outcomes.controller';
import { OutcomesRepository } from './outcomes.repository';
import { OutcomeChanges } from './outcome-changes.service';
import { OutcomeDraftingService } from './outcome-drafting.service';
import { OutcomePublishingService } from './outcome-publishing.service';
import { OutcomeReviewService } from './outcome-review.service';
import { PublishedRecommendationsPort } from './published-recommendations.port';
import { ContributionSources } from './contribution-sources.port';
import { RecommendationContributionsController } from './recommendation-contributions.controller';
import { RecommendationContributionsRepository } from './recommendation-contributions.repository';
import { RecommendationContributionsService } from './recommendation-contributions.service';
import { RecommendationsController } from './recommendations.controller';
import { RecommendationsRepository } from './recommendations.repository';
import { RecommendationsService } from './recommendations.service';

/** Outcomes of dialogues, their review cycle, and the published recommendations with stable references. */
@Module({
  imports: [DialoguesModule, SpacesModule],
  controllers: [
    OutcomesController,
    MyOutcomesController,
    RecommendationsController,
    RecommendationContributionsController,
  ],
  providers: [
    OutcomesRepository,
    OutcomeChanges,
    OutcomeDraftingService,
    OutcomeReviewService,
    OutcomePublishingService,
    RecommendationsRepository,
    RecommendationsService,
    PublishedRecommendationsPort,
    ContributionSources,
    RecommendationContributionsRepository,
    RecommendationContributionsService,
  ],
  exports: [
    OutcomeDraftingService,
    RecommendationsService,
    PublishedRecommendationsPort,
    ContributionSources,
    RecommendationContributionsService,
  ],
})
export class OutcomesModule {}
