import { Body, Controller, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@gfmd/api-auth';
import { DryRunQuery, uuidPipe } from '@gfmd/api-platform';
import { SpaceMessageDto } from './space-message.dto';
import { SpaceMessagesService } from './space-messages.service';

@ApiTags('spaces')
@ApiBearerAuth()
@Controller('spaces')
export class SpaceMessagesController {
  constructor(private readonly messages: SpaceMessagesService) {}

  /** A message to the confirmed participants of a space, through the email queue (coordinators: own spaces). */
  @Roles('organizer', 'coordinator')
  @Post(':id/messages')
  @HttpCode(202)
  @ApiAcceptedResponse({
    description:
      '{queued, skipped, skippedBy: {addressNotConfirmed}}: one email per confirmed participant of the space whose address is ' +
      'confirmed. With ?dryRun=true: {wouldSend, skipped: {addressNotConfirmed}, remainingToday}, nothing written (the message is checked, not sent).',
  })
  @ApiTooManyRequestsResponse({ description: 'space-message-limit: SPACE_MESSAGES_PER_DAY messages in 24 hours' })
  send(
    @Param('id', uuidPipe) id: string,
    @Query() query: DryRunQuery,
    @Body() body: SpaceMessageDto,
    @CurrentUser() user: AuthUser,
  ) {
    if (query.dryRun === 'true') return this.messages.preview(id, user);
    return this.messages.send(id, body.message, user);
  }
}
