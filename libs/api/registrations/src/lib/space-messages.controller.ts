import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
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
      '{messageId, queued, skipped, skippedBy: {addressNotConfirmed}}: one email per confirmed participant of the space whose address is ' +
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

  /** Where a message's emails stand, for the composer to follow delivery after sending. */
  @Roles('organizer', 'coordinator')
  @Get(':id/messages/:messageId/summary')
  @ApiOkResponse({
    description:
      '{queued, sending, sent, failed, closed, total}: the emails of one message by delivery status (closed = cancelled). ' +
      'Counted on an index. Coordinators: own spaces (403); unknown space or message: 404.',
  })
  summary(
    @Param('id', uuidPipe) id: string,
    @Param('messageId', uuidPipe) messageId: string,
    @CurrentUser() user: AuthUser,
  ) {
    return this.messages.summary(id, messageId, user);
  }
}
