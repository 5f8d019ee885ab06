import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@gfmd/api-auth';
import { uuidPipe } from '@gfmd/api-platform';
import { ListOutboxQuery, OutboxSummaryQuery } from './outbox.dto';
import { OutboxService } from './outbox.service';

/** The email outbox, for admins: what went out, what failed and why; retry a failed email. */
@ApiTags('outbox')
@ApiBearerAuth()
@Roles('admin')
@Controller('outbox')
export class OutboxController {
  constructor(private readonly outbox: OutboxService) {}

  @Get()
  @ApiOkResponse({
    description:
      "{items, total, page, pageSize, totalIsEstimate?, nextCursor, prevCursor}: newest first. total is exact up to 1,000 matching rows; beyond, the database's estimate with totalIsEstimate: true. nextCursor (null on the last page) is the after of the next page, prevCursor (null on the first) the before of the previous one: keyset pages cost the same however deep.",
  })
  @ApiBadRequestResponse({ description: 'A filter is invalid, or after is not a cursor of this list.' })
  list(@Query() query: ListOutboxQuery) {
    return this.outbox.list(query);
  }

  @Get('summary')
  @ApiOkResponse({
    description:
      "{queued, sending, sent, failed, closed, total}: the outbox (or one dialogue's, one kind's share) by delivery status; " +
      'queued = pending + queued, closed = cancelled. Counted on indexes, cheap enough to poll.',
  })
  summary(@Query() query: OutboxSummaryQuery) {
    return this.outbox.summary({ kind: query.kind, dialogueId: query.dialogueId });
  }

  @Post(':id/retry')
  @HttpCode(202)
  @ApiAcceptedResponse({ description: 'The failed email is queued again.' })
  retry(@Param('id', uuidPipe) id: string) {
    return this.outbox.retry(id);
  }
}
