import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Param,
  Patch,
  PipeTransform,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@gfmd/api-auth';
import { ShiftDialogueDto } from '@gfmd/api-dialogues';
import { currentLanguages, DryRunQuery, notFound, Public, uuidPipe } from '@gfmd/api-platform';
import { AgendaQuery, CreateAgendaItemDto, UpdateAgendaItemDto } from './agenda-item.dto';
import { AgendaShiftService } from './agenda-shift.service';
import { AgendaService } from './agenda.service';

const CALENDAR = 'text/calendar; charset=utf-8';

/** A manage-link token is URL-safe base64; anything else names no registration. */
const tokenPipe: PipeTransform<string, string> = {
  transform: (value: string) => {
    if (typeof value !== 'string' || !/^[A-Za-z0-9_-]{16,200}$/.test(value)) throw notFound('Registration');
    return value;
  },
};

@ApiTags('agenda')
@ApiBearerAuth()
@Controller()
export class AgendaController {
  constructor(
    private readonly agenda: AgendaService,
    private readonly shifts: AgendaShiftService,
  ) {}

  /** Anyone once the dialogue is published (staff: always), in time order; ?spaceId for one space. */
  @Public()
  @Get('dialogues/:id/agenda')
  list(@Param('id', uuidPipe) dialogueId: string, @Query() query: AgendaQuery, @CurrentUser() user?: AuthUser) {
    return this.agenda.agenda(dialogueId, user, query.spaceId);
  }

  @Public()
  @Get('dialogues/:id/agenda.ics')
  @Header('Content-Type', CALENDAR)
  @Header('Content-Disposition', 'inline; filename="agenda.ics"')
  @Header('Cache-Control', 'no-cache')
  @ApiProduces('text/calendar')
  @ApiOkResponse({
    description:
      "The dialogue's agenda as iCalendar (RFC 5545, UTF-8, lines folded at 75 octets); the server's words (Space, Moderator…) in the reader's language (`?lang=` or Accept-Language: en, fr, es, ar).",
  })
  calendar(@Param('id', uuidPipe) dialogueId: string, @Query() query: AgendaQuery, @CurrentUser() user?: AuthUser) {
    return this.agenda.agendaIcs(dialogueId, user, query.spaceId, currentLanguages().text);
  }

  /** 409 naming the clash when it overlaps its space, its room or one of its speakers' other items. */
  @Roles('organizer', 'coordinator')
  @Post('dialogues/:id/agenda-items')
  @ApiCreatedResponse({ description: 'The agenda item.' })
  create(@Param('id', uuidPipe) dialogueId: string, @Body() body: CreateAgendaItemDto, @CurrentUser() user: AuthUser) {
    return this.agenda.create(dialogueId, body, user);
  }

  @Public()
  @Get('agenda-items/:id')
  get(@Param('id', uuidPipe) id: string, @CurrentUser() user?: AuthUser) {
    return this.agenda.getItem(id, user);
  }

  @Roles('organizer', 'coordinator')
  @Patch('agenda-items/:id')
  update(@Param('id', uuidPipe) id: string, @Body() body: UpdateAgendaItemDto, @CurrentUser() user: AuthUser) {
    return this.agenda.update(id, body, user);
  }

  @Roles('organizer', 'coordinator')
  @Delete('agenda-items/:id')
  @HttpCode(204)
  @ApiNoContentResponse()
  async remove(@Param('id', uuidPipe) id: string, @CurrentUser() user: AuthUser) {
    await this.agenda.remove(id, user);
  }

  /**
   * Moves the dialogue by `byMinutes` with its whole agenda, its registration window and its
   * pending reminders, in one transaction; confirmed participants get one agenda_update email.
   */
  @Roles('organizer')
  @Post('dialogues/:id/shift')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The moved dialogue.' })
  shift(@Param('id', uuidPipe) dialogueId: string, @Body() body: ShiftDialogueDto, @CurrentUser() user: AuthUser) {
    return this.shifts.shift(dialogueId, body.byMinutes, user);
  }

  /**
   * One personal-agenda email (with its .ics) per confirmed participant whose address is
   * confirmed; an identical agenda already mailed is skipped.
   */
  @Roles('organizer')
  @Post('dialogues/:id/agenda/send')
  @HttpCode(202)
  @ApiAcceptedResponse({
    description:
      '{queued, skipped, skippedBy: {addressNotConfirmed, alreadySent}}. With ?dryRun=true: {wouldSend, skipped: {addressNotConfirmed, alreadySent}}, nothing written.',
  })
  send(@Param('id', uuidPipe) dialogueId: string, @Query() query: DryRunQuery) {
    return this.agenda.send(dialogueId, query.dryRun === 'true');
  }

  /** The participant's personal agenda: shared items plus the spaces they hold a confirmed seat in. */
  @Public()
  @Get('registrations/manage/:token/agenda')
  @Header('Cache-Control', 'private, no-store')
  personal(@Param('token', tokenPipe) token: string) {
    return this.agenda.personalAgenda(token);
  }

  @Public()
  @Get('registrations/manage/:token/agenda.ics')
  @Header('Content-Type', CALENDAR)
  @Header('Content-Disposition', 'inline; filename="agenda.ics"')
  @Header('Cache-Control', 'private, no-store')
  @ApiProduces('text/calendar')
  personalCalendar(@Param('token', tokenPipe) token: string) {
    return this.agenda.personalIcs(token);
  }
}
