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
import { RecommendationsController } from './recommendations.controller';
import { RecommendationsRepository } from './recommendations.repository';
import { RecommendationsService } from './recommendations.service';

/** Outcomes of dialogues, their review cycle, and the published recommendations with stable references. */
@Module({
  imports: [DialoguesModule, SpacesModule],
  controllers: [OutcomesController, MyOutcomesController, RecommendationsController],
  providers: [
    OutcomesRepository,
    OutcomeChanges,
    OutcomeDraftingService,
    OutcomeReviewService,
    OutcomePublishingService,
    RecommendationsRepository,
    RecommendationsService,
    PublishedRecommendationsPort,
  ],
  exports: [OutcomeDraftingService, RecommendationsService, PublishedRecommendationsPort],
})
export class OutcomesModule {}
