import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '@gfmd/api-auth';
import { Public } from '@gfmd/api-platform';
import { TimelineService } from './timeline.service';

@ApiTags('process')
@ApiBearerAuth()
@Controller('timeline')
export class TimelineController {
  constructor(private readonly timeline: TimelineService) {}

  /** Informal sessions with the dialogues ahead of each; anonymous: published dialogues only. */
  @Public()
  @Get()
  get(@CurrentUser() user?: AuthUser) {
    return this.timeline.timeline(user);
  }
}
