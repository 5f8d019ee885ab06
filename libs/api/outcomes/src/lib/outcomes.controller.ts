import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@gfmd/api-auth';
import { Public, uuidPipe } from '@gfmd/api-platform';
import { OutcomeDiffQuery, PatchOutcomeDto, PutOutcomeDto, ReturnOutcomeDto } from './outcome.dto';
import { OutcomeDraftingService } from './outcome-drafting.service';
import { OutcomePublishingService } from './outcome-publishing.service';
import { OutcomeReviewService } from './outcome-review.service';

/** A dialogue's outcome, its versions and its review cycle (docs/http-contract.md, "Outcomes"). */
@ApiTags('outcomes')
@ApiBearerAuth()
@Controller('dialogues/:id/outcome')
export class OutcomesController {
  constructor(
    private readonly drafting: OutcomeDraftingService,
    private readonly review: OutcomeReviewService,
    private readonly publishing: OutcomePublishingService,
  ) {}

  /**
   * Staff: the working copy (Outcome); anonymous: the published version (PublishedOutcome, with
   * each recommendation's reference, url and cite text; 404 before the first publication).
   */
  @Public()
  @Get()
  @ApiOkResponse({
    description:
      'Staff: Outcome (the working copy; without `?lang=`, the outcome and each recommendation also carry ' +
      '`translations`, `missingTranslations` and `unlistedLanguages`, the languages translated that the dialogue ' +
      'does not list). Anonymous: PublishedOutcome.',
  })
  get(@Param('id', uuidPipe) dialogueId: string, @CurrentUser() user?: AuthUser) {
    return user ? this.drafting.get(dialogueId, user) : this.publishing.published(dialogueId);
  }

  /** The published version for anyone, staff included (the public outcome page). */
  @Public()
  @Get('published')
  @ApiOkResponse({ description: 'PublishedOutcome: the last published version; 404 before the first publication.' })
  published(@Param('id', uuidPipe) dialogueId: string) {
    return this.publishing.published(dialogueId);
  }

  /** Rapporteurs and organizers: everything; a space's coordinators: their space's recommendations. */
  @Roles('organizer', 'coordinator')
  @Put()
  put(@Param('id', uuidPipe) dialogueId: string, @Body() body: PutOutcomeDto, @CurrentUser() user: AuthUser) {
    return this.drafting.put(dialogueId, body, user);
  }

  /** Organizers name the rapporteurs. */
  @Roles('organizer')
  @Patch()
  patch(@Param('id', uuidPipe) dialogueId: string, @Body() body: PatchOutcomeDto, @CurrentUser() user: AuthUser) {
    return this.drafting.patch(dialogueId, body, user);
  }

  @Roles('organizer', 'coordinator')
  @Post('submit')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The submitted outcome.' })
  submit(@Param('id', uuidPipe) dialogueId: string, @CurrentUser() user: AuthUser) {
    return this.review.submit(dialogueId, user);
  }

  @Roles('organizer')
  @Post('approve')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The approved outcome.' })
  approve(@Param('id', uuidPipe) dialogueId: string, @CurrentUser() user: AuthUser) {
    return this.review.approve(dialogueId, user);
  }

  @Roles('organizer')
  @Post('return')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The returned outcome, with the comment.' })
  returnOutcome(
    @Param('id', uuidPipe) dialogueId: string,
    @Body() body: ReturnOutcomeDto,
    @CurrentUser() user: AuthUser,
  ) {
    return this.review.returnWithComment(dialogueId, body.comment, user);
  }

  @Roles('organizer')
  @Post('publish')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The published outcome, each recommendation with its reference.' })
  publish(@Param('id', uuidPipe) dialogueId: string, @CurrentUser() user: AuthUser) {
    return this.publishing.publish(dialogueId, user);
  }

  @Roles('organizer', 'coordinator')
  @Get('versions')
  versions(@Param('id', uuidPipe) dialogueId: string) {
    return this.review.versions(dialogueId);
  }

  @Roles('organizer', 'coordinator')
  @Get('versions/:n')
  version(@Param('id', uuidPipe) dialogueId: string, @Param('n', ParseIntPipe) n: number) {
    return this.review.version(dialogueId, n);
  }

  /** What changed between two versions; by default since the last submission. */
  @Roles('organizer', 'coordinator')
  @Get('diff')
  diff(@Param('id', uuidPipe) dialogueId: string, @Query() query: OutcomeDiffQuery) {
    return this.review.diff(dialogueId, query);
  }
}
