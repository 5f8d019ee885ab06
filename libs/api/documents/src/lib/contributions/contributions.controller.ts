import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type AuthUser, CurrentUser, Roles } from '@gfmd/api-auth';
import { Public, RateLimit, uuidPipe } from '@gfmd/api-platform';
import type { FastifyRequest } from 'fastify';
import {
  ContributionWindowDto,
  CreateContributionDto,
  DecideContributionDto,
  ListContributionsQuery,
} from './contribution.dto';
import { ContributionsService } from './contributions.service';

/** Written contributions to dialogues (docs/documents.md, "Contributions"). */
@ApiTags('contributions')
@ApiBearerAuth()
@Controller()
export class ContributionsController {
  constructor(private readonly contributions: ContributionsService) {}

  /** Anyone, before the deadline: JSON, or multipart/form-data with an optional `file`. The address is then checked by email. */
  @Public()
  @RateLimit('register')
  @Post('dialogues/:id/contributions')
  @HttpCode(202)
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiBody({ type: CreateContributionDto })
  @ApiAcceptedResponse({ description: '{id, status: "unconfirmed"}: an email asks the author to confirm.' })
  create(@Param('id', uuidPipe) dialogueId: string, @Req() request: FastifyRequest) {
    return this.contributions.create(dialogueId, request);
  }

  /** Organizers: the confirmed contributions; everyone else: the accepted ones. */
  @Public()
  @Get('dialogues/:id/contributions')
  list(
    @Param('id', uuidPipe) dialogueId: string,
    @Query() query: ListContributionsQuery,
    @CurrentUser() user?: AuthUser,
  ) {
    return this.contributions.list(dialogueId, user, query);
  }

  @Public()
  @Get('dialogues/:id/contribution-window')
  window(@Param('id', uuidPipe) dialogueId: string, @CurrentUser() user?: AuthUser) {
    return this.contributions.window(dialogueId, user);
  }

  @Roles('organizer')
  @Put('dialogues/:id/contribution-window')
  setWindow(@Param('id', uuidPipe) dialogueId: string, @Body() body: ContributionWindowDto) {
    return this.contributions.setWindow(dialogueId, body.contributionsCloseAt);
  }

  /** The emailed link (the web page PUBLIC_URL/contributions/confirm/<token> posts here). */
  @Public()
  @RateLimit('register')
  @Post('contributions/confirm/:token')
  @HttpCode(200)
  @ApiOkResponse({ description: '{id, dialogueId, status: "submitted"}' })
  confirm(@Param('token') token: string) {
    return this.contributions.confirm(token);
  }

  /** A contribution's page: accepted ones for anyone (with the recommendations that cite them), any confirmed one for organizers. */
  @Public()
  @Get('contributions/:id')
  @ApiOkResponse({
    description: 'ContributionPage: the contribution and `citedBy`, the published recommendations citing it.',
  })
  page(@Param('id', uuidPipe) id: string, @CurrentUser() user?: AuthUser) {
    return this.contributions.page(id, user);
  }

  @Roles('organizer')
  @Post('contributions/:id/accept')
  @HttpCode(200)
  accept(@Param('id', uuidPipe) id: string, @Body() body: DecideContributionDto, @CurrentUser() user: AuthUser) {
    return this.contributions.decide(id, 'accepted', body.reason, user);
  }

  @Roles('organizer')
  @Post('contributions/:id/reject')
  @HttpCode(200)
  reject(@Param('id', uuidPipe) id: string, @Body() body: DecideContributionDto, @CurrentUser() user: AuthUser) {
    return this.contributions.decide(id, 'rejected', body.reason, user);
  }
}
