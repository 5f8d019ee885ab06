import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@gfmd/api-auth';
import { uuidPipe } from '@gfmd/api-platform';
import { CreateWebhookDto, ListDeliveriesQuery, UpdateWebhookDto } from './webhook.dto';
import { WebhooksService } from './webhooks.service';

/** Webhook subscriptions and their delivery log (admin only; docs/webhooks.md). */
@ApiTags('webhooks')
@ApiBearerAuth()
@Roles('admin')
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Get()
  @ApiOkResponse({ description: 'Every subscription (without secrets).' })
  list() {
    return this.webhooks.list();
  }

  @Post()
  @ApiOperation({ summary: 'Subscribes a receiver to events; the answer holds the signing secret, shown this once.' })
  @ApiCreatedResponse({ description: 'The subscription with its `secret`.' })
  @ApiBadRequestResponse({
    description: 'A URL that is not https, or reaches a private, loopback or link-local address; an unknown event.',
  })
  create(@Body() body: CreateWebhookDto, @CurrentUser() user: AuthUser) {
    return this.webhooks.create(body, user.id);
  }

  @Get(':id')
  get(@Param('id', uuidPipe) id: string) {
    return this.webhooks.get(id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Changes URL, events, personal data; `active` disables or enables it again.' })
  update(@Param('id', uuidPipe) id: string, @Body() body: UpdateWebhookDto, @CurrentUser() user: AuthUser) {
    return this.webhooks.update(id, body, user.id);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted, with its delivery log.' })
  async remove(@Param('id', uuidPipe) id: string, @CurrentUser() user: AuthUser) {
    await this.webhooks.remove(id, user.id);
  }

  @Post(':id/secret')
  @HttpCode(200)
  @ApiOkResponse({
    description: 'The subscription with its new `secret`, shown this once; the old one no longer signs.',
  })
  rotate(@Param('id', uuidPipe) id: string, @CurrentUser() user: AuthUser) {
    return this.webhooks.rotateSecret(id, user.id);
  }

  @Get(':id/deliveries')
  @ApiOkResponse({
    description: 'The delivery log, newest first (status, attempts, response code, duration, last error).',
  })
  deliveries(@Param('id', uuidPipe) id: string, @Query() query: ListDeliveriesQuery) {
    return this.webhooks.deliveries(id, query);
  }

  @Post(':id/deliveries/:deliveryId/replay')
  @HttpCode(202)
  @ApiAcceptedResponse({ description: 'A new delivery of the same payload (it names the one it replays).' })
  replay(@Param('id', uuidPipe) id: string, @Param('deliveryId', uuidPipe) deliveryId: string) {
    return this.webhooks.replay(id, deliveryId);
  }

  @Post(':id/test')
  @HttpCode(202)
  @ApiAcceptedResponse({ description: 'A `ping` delivery, tried once.' })
  test(@Param('id', uuidPipe) id: string) {
    return this.webhooks.test(id);
  }
}
