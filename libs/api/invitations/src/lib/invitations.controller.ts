import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@gfmd/api-auth';
import { DryRunQuery, uuidPipe } from '@gfmd/api-platform';
import { CreateInvitationsDto, ListInvitationsQuery } from './create-invitations.dto';
import { InvitationsService } from './invitations.service';

@ApiTags('invitations')
@ApiBearerAuth()
@Roles('organizer')
@Controller()
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Post('dialogues/:id/invitations')
  @HttpCode(202)
  @ApiAcceptedResponse({
    description:
      '{queued, skipped}: addresses already invited to the dialogue are skipped. Recipients are committed 1,000 at a time, ' +
      'so the first invitations go out while the rest are written; after a failure part-way, repeating the call skips those already invited. ' +
      'With ?dryRun=true: {wouldSend, skipped: {duplicateInRequest, alreadyInvited}}, nothing written. ' +
      'A draft, cancelled or concluded dialogue: 422.',
  })
  invite(
    @Param('id', uuidPipe) id: string,
    @Query() query: DryRunQuery,
    @Body() body: CreateInvitationsDto,
    @CurrentUser() user: AuthUser,
  ) {
    if (query.dryRun === 'true') return this.invitations.preview(id, body);
    return this.invitations.invite(id, body, user);
  }

  @Get('dialogues/:id/invitations')
  list(@Param('id', uuidPipe) id: string, @Query() query: ListInvitationsQuery) {
    return this.invitations.list(id, query);
  }

  @Get('dialogues/:id/invitations/summary')
  @ApiOkResponse({
    description:
      "{queued, sending, sent, failed, closed, total}: the dialogue's invitations by delivery status (closed = registered or declined; " +
      'sending is always 0). Counted on an index, cheap enough to poll. Unknown dialogue: 404.',
  })
  summary(@Param('id', uuidPipe) id: string) {
    return this.invitations.summary(id);
  }

  @Post('dialogues/:id/invitations/resend-failed')
  @HttpCode(202)
  resendFailed(@Param('id', uuidPipe) id: string, @CurrentUser() user: AuthUser) {
    return this.invitations.resendFailed(id, user.id);
  }

  @Post('dialogues/:id/invitations/remind')
  @HttpCode(202)
  @ApiAcceptedResponse({
    description: 'Reminds those reached who have neither registered nor declined (once a day at most).',
  })
  remind(@Param('id', uuidPipe) id: string, @CurrentUser() user: AuthUser) {
    return this.invitations.remind(id, user.id);
  }

  @Post('invitations/:id/resend')
  @HttpCode(202)
  @ApiAcceptedResponse({
    description:
      'Sent again with the same link. Registered or declined: 409; sent again INVITATION_RESENDS_MAX times already: 422 resend-limit.',
  })
  resend(@Param('id', uuidPipe) id: string, @CurrentUser() user: AuthUser) {
    return this.invitations.resend(id, user.id);
  }
}
