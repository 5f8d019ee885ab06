import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@gfmd/api-auth';
import { uuidPipe } from '@gfmd/api-platform';
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
  @ApiAcceptedResponse({ description: '{queued}: one email per confirmed participant of the space.' })
  send(@Param('id', uuidPipe) id: string, @Body() body: SpaceMessageDto, @CurrentUser() user: AuthUser) {
    return this.messages.send(id, body.message, user);
  }
}
