import { Module } from '@nestjs/common';
import { DialoguesModule } from '@gfmd/api-dialogues';
import { SpacesModule } from '@gfmd/api-spaces';
import { OutcomesController } from './outcomes.controller';
import { OutcomesRepository } from './outcomes.repository';
import { OutcomesService } from './outcomes.service';
import { PublishedRecommendationsPort } from './published-recommendations.port';
import { RecommendationsController } from './recommendations.controller';
import { RecommendationsRepository } from './recommendations.repository';
import { RecommendationsService } from './recommendations.service';

/** Outcomes of dialogues, their review cycle, and the published recommendations with stable references. */
@Module({
  imports: [DialoguesModule, SpacesModule],
  controllers: [OutcomesController, RecommendationsController],
  providers: [
    OutcomesRepository,
    OutcomesService,
    RecommendationsRepository,
    RecommendationsService,
    PublishedRecommendationsPort,
  ],
  exports: [OutcomesService, RecommendationsService, PublishedRecommendationsPort],
})
export class OutcomesModule {}
