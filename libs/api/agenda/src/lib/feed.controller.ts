import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { READER_LANGUAGES, type Language } from '@gfmd/contracts';
import { IsPlainText, OptionalButNotNull, Public, currentLanguages } from '@gfmd/api-platform';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { DialogueFeedService, FeedQuery } from './feed.service';

export class DialogueFeedQuery implements FeedQuery {
  @ApiPropertyOptional({ description: "Only this process's dialogues: its slug (e.g. gcm-2017-2018) or id." })
  @OptionalButNotNull()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @IsPlainText()
  process?: string;

  @ApiPropertyOptional({ description: 'Only the dialogues of this theme: its code (e.g. T3) or id.' })
  @OptionalButNotNull()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @IsPlainText()
  theme?: string;

  /**
   * Documented here; read by the platform for every route (`?lang=`, else Accept-Language), which
   * takes it out of the query before validation (docs/i18n.md).
   */
  @ApiPropertyOptional({
    enum: READER_LANGUAGES,
    description:
      'Language of the calendar name and labels: ar, en, es, fr, ru, zh (default en; ar, ru, zh read English for now).',
  })
  lang?: Language;
}

@ApiTags('calendar feeds')
@Controller('feeds')
export class FeedController {
  constructor(private readonly feed: DialogueFeedService) {}

  /**
   * Every public dialogue, to subscribe to from a calendar application (webcal://). Stable UIDs;
   * a moved dialogue keeps its UID with a higher SEQUENCE; a cancelled one stays, STATUS:CANCELLED.
   */
  @Public()
  @Get('dialogues.ics')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Content-Disposition', 'inline; filename="gfmd-dialogues.ics"')
  @Header('Cache-Control', 'public, max-age=300')
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'An iCalendar (RFC 5545) feed; 404 for an unknown process or theme.' })
  dialogues(@Query() query: DialogueFeedQuery) {
    return this.feed.dialoguesIcs({ ...query, lang: currentLanguages().text });
  }
}
