import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '@gfmd/api-platform';
import { ListRecommendationsQuery } from './outcome.dto';
import { RecommendationsService } from './recommendations.service';

/** Published recommendations: public search and permanent pages by reference. */
@ApiTags('recommendations')
@Controller('recommendations')
export class RecommendationsController {
  constructor(private readonly recommendations: RecommendationsService) {}

  /** Full text in English, French and Spanish (ranked, highlighted), and filters; paginated. */
  @Public()
  @Get()
  search(@Query() query: ListRecommendationsQuery) {
    return this.recommendations.search(query);
  }

  /** Stable: a reference never changes and is never reused; `history` lists earlier wordings. */
  @Public()
  @Get(':reference')
  get(@Param('reference') reference: string) {
    return this.recommendations.get(reference);
  }
}
