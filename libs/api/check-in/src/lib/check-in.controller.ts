import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Req, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@gfmd/api-auth';
import { Public, RateLimit, uuidPipe } from '@gfmd/api-platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { AttendanceService } from './attendance.service';
import { BadgesService } from './badges.service';
import { CertificatesService } from './certificates.service';
import { CheckInCodeReissue } from './check-in-codes.service';
import { BadgeQuery, BadgesQuery, DoorStaffDto, ScanDto, SearchQuery, UndoScanDto } from './check-in.dto';
import { CheckInService } from './check-in.service';
import { DoorStaffService } from './door-staff.service';

const NOT_ASSIGNED = {
  description:
    "A door user not assigned to this dialogue's door (organizers assign them: PUT /dialogues/:id/door-staff).",
};

const pdf = ({ stream, name }: { stream: Readable; name: string }) =>
  new StreamableFile(stream, {
    type: 'application/pdf',
    disposition: `inline; filename="${name.replace(/[^A-Za-z0-9_-]/g, '_')}.pdf"`,
  });

/** At the door: scans, undo, search by name, the live counts; staff including the `door` role. */
@ApiTags('check-in')
@ApiBearerAuth()
@Controller()
export class CheckInController {
  constructor(
    private readonly checkIn: CheckInService,
    private readonly attendance: AttendanceService,
  ) {}

  @Roles('organizer', 'coordinator', 'door')
  @Post('check-in/scan')
  @HttpCode(200)
  @ApiOkResponse({
    description:
      '{scanId, registration, alreadyCheckedIn, replayed, room?}. Room mode (agendaItemId or spaceId): room.outcome is ' +
      'counted (first time in), again (already scanned in there: not counted twice) or not-registered (no confirmed ' +
      'seat in the room’s space: not counted there); the person is checked in to the dialogue as well.',
  })
  @ApiNotFoundResponse({
    description:
      'Unknown, forged, altered or reissued-away code (or out of a coordinator’s reach); a room not of this dialogue.',
  })
  @ApiUnprocessableEntityResponse({ description: 'not-confirmed (not a confirmed registration) or other-dialogue.' })
  @ApiConflictResponse({ description: 'scan-id-reused: the scan id was used for another person.' })
  @ApiForbiddenResponse(NOT_ASSIGNED)
  scan(@Body() body: ScanDto, @CurrentUser() user: AuthUser) {
    return this.checkIn.scan(body, user, 'scan');
  }

  @Roles('organizer', 'coordinator', 'door')
  @Post('check-in/manual')
  @HttpCode(200)
  @ApiOkResponse({ description: 'As a scan, for a registration found by name (registrationId instead of code).' })
  @ApiForbiddenResponse(NOT_ASSIGNED)
  manual(@Body() body: ScanDto, @CurrentUser() user: AuthUser) {
    return this.checkIn.scan(body, user, 'manual');
  }

  @Roles('organizer', 'coordinator', 'door')
  @Post('check-in/undo')
  @HttpCode(200)
  @ApiOkResponse({ description: '{scanId, registration}: the check-in that scan counted is taken back.' })
  @ApiUnprocessableEntityResponse({ description: 'nothing-to-undo: that scan counted nothing.' })
  @ApiForbiddenResponse(NOT_ASSIGNED)
  undo(@Body() body: UndoScanDto, @CurrentUser() user: AuthUser) {
    return this.checkIn.undo(body.scanId, user);
  }

  @Roles('organizer', 'coordinator', 'door')
  @Get('dialogues/:id/check-in/search')
  @ApiOkResponse({ description: '{items: [person]} at most 20, by name, organization or email.' })
  @ApiForbiddenResponse(NOT_ASSIGNED)
  search(@Param('id', uuidPipe) id: string, @Query() query: SearchQuery, @CurrentUser() user: AuthUser) {
    return this.attendance.search(id, query.q, user);
  }

  @Roles('organizer', 'coordinator', 'door')
  @Get('dialogues/:id/attendance')
  @ApiOkResponse({
    description:
      'Arrived / expected (confirmed), in all, by stakeholder group, by space and by room (spaces and agenda items: ' +
      'scanned in at its door / expected there). With an ETag of the counts: poll with If-None-Match.',
  })
  @ApiHeader({ name: 'If-None-Match', required: false, description: 'The ETag of the last answer: 304 if unchanged.' })
  @ApiResponse({ status: 304, description: 'Nothing changed since the ETag sent.' })
  @ApiForbiddenResponse(NOT_ASSIGNED)
  async counts(
    @Param('id', uuidPipe) id: string,
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { body, etag } = await this.attendance.attendance(id, user);
    // Credentialed answers stay no-store (the platform's rule): the client keeps the last answer and its ETag.
    reply.header('ETag', etag);
    if (req.headers['if-none-match'] === etag) {
      reply.status(304);
      return undefined;
    }
    return body;
  }
}

/** Door staff: organizers bind `door` users to a dialogue; a door user asks which dialogues it may open. */
@ApiTags('check-in')
@ApiBearerAuth()
@Controller()
export class DoorStaffController {
  constructor(private readonly doorStaff: DoorStaffService) {}

  @Roles('organizer')
  @Get('dialogues/:id/door-staff')
  @ApiOkResponse({ description: '{dialogueId, users: [{id, name, email, active}]}: the door users assigned to it.' })
  @ApiNotFoundResponse({ description: 'No such dialogue.' })
  get(@Param('id', uuidPipe) id: string) {
    return this.doorStaff.get(id);
  }

  @Roles('organizer')
  @Put('dialogues/:id/door-staff')
  @ApiOkResponse({ description: 'The new list (the whole list is replaced; audited as dialogue.door_staff_changed).' })
  @ApiNotFoundResponse({ description: 'No such dialogue.' })
  @ApiUnprocessableEntityResponse({
    description: 'not-door-staff: an id that is not an active staff user with the door role (each one named).',
  })
  put(@Param('id', uuidPipe) id: string, @Body() body: DoorStaffDto, @CurrentUser() user: AuthUser) {
    return this.doorStaff.put(id, body.userIds, user);
  }

  @Roles('organizer', 'coordinator', 'door')
  @Get('check-in/dialogues')
  @ApiOkResponse({
    description:
      '{all, dialogueIds}: the dialogues this staff member may open at the door (all: organizers and coordinators; ' +
      'a door user: those assigned to them).',
  })
  dialogues(@CurrentUser() user: AuthUser) {
    return this.doorStaff.dialoguesOf(user);
  }
}

/** Badges (staff), code reissue (organizers), certificates (participants; public verification). */
@ApiTags('check-in')
@ApiBearerAuth()
@Controller()
export class BadgesController {
  constructor(
    private readonly badges: BadgesService,
    private readonly reissue: CheckInCodeReissue,
    private readonly certificates: CertificatesService,
  ) {}

  @Roles('organizer', 'coordinator')
  @Get('dialogues/:id/badges.pdf')
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    description: 'Badges of the filtered registrations (confirmed by default), A4 sheets or one per page.',
  })
  async batch(@Param('id', uuidPipe) id: string, @Query() query: BadgesQuery, @CurrentUser() user: AuthUser) {
    return pdf(await this.badges.batch(id, query, user));
  }

  @Roles('organizer', 'coordinator')
  @Get('registrations/:id/badge.pdf')
  @ApiProduces('application/pdf')
  async one(@Param('id', uuidPipe) id: string, @Query() query: BadgeQuery, @CurrentUser() user: AuthUser) {
    return pdf(await this.badges.one(id, query.layout ?? 'single', user));
  }

  @Roles('organizer')
  @Post('registrations/:id/check-in-code/reissue')
  @HttpCode(200)
  @ApiOkResponse({
    description: '{checkInCode, deskCode}: the new codes; every earlier code (QR or desk) answers 404 from now on.',
  })
  reissueCode(@Param('id', uuidPipe) id: string, @CurrentUser() user: AuthUser) {
    return this.reissue.reissue(id, user);
  }

  @Public()
  @RateLimit('register')
  @Get('registrations/manage/:token/certificate.pdf')
  @ApiProduces('application/pdf')
  @ApiUnprocessableEntityResponse({
    description: 'certificate-not-available: not checked in, or the dialogue has not ended.',
  })
  async certificate(@Param('token') token: string) {
    return pdf(await this.certificates.pdf(token));
  }

  @Public()
  @RateLimit('register')
  @Get('certificates/:code')
  @ApiOkResponse({ description: '{valid, name, dialogue: {title, startsAt, endsAt, timeZone}} and nothing more.' })
  @ApiNotFoundResponse({ description: 'No such certificate.' })
  verify(@Param('code') code: string) {
    return this.certificates.verify(code);
  }
}
