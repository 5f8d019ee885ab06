import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type AuthUser, CurrentUser, Roles } from '@gfmd/api-auth';
import { uuidPipe } from '@gfmd/api-platform';
import { LinkContributionsDto } from './outcome.dto';
import { RecommendationContributionsService } from './recommendation-contributions.service';

/** Which written contributions the recommendations of an outcome draw on (docs/documents.md). */
@ApiTags('outcomes')
@ApiBearerAuth()
@Controller('dialogues/:id/outcome')
export class RecommendationContributionsController {
  constructor(private readonly links: RecommendationContributionsService) {}

  /** Staff: every link of the outcome (recommendation id → contribution ids). */
  @Roles('organizer', 'coordinator')
  @Get('contribution-links')
  @ApiOkResponse({ description: 'RecommendationContributionLinks[]' })
  list(@Param('id', uuidPipe) dialogueId: string, @CurrentUser() user: AuthUser) {
    return this.links.links(dialogueId, user);
  }

  /**
   * The outcome's rapporteurs and organizers: replaces the contributions a recommendation draws
   * on (accepted contributions of this dialogue; 422 `unknown-contribution` otherwise).
   */
  @Roles('organizer', 'coordinator')
  @Put('recommendations/:recommendationId/contributions')
  @ApiOkResponse({ description: '{recommendationId, contributions: CitedContribution[]}' })
  link(
    @Param('id', uuidPipe) dialogueId: string,
    @Param('recommendationId', uuidPipe) recommendationId: string,
    @Body() body: LinkContributionsDto,
    @CurrentUser() user: AuthUser,
  ) {
    return this.links.link(dialogueId, recommendationId, body.contributionIds, user);
  }
}
