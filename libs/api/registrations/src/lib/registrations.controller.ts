import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@gfmd/api-auth';
import { currentLanguages, ProblemException, Public, RateLimit, uuidPipe } from '@gfmd/api-platform';
import type { FastifyReply } from 'fastify';
import {
  CreateRegistrationDto,
  DeclineDto,
  ImportRegistrationsQuery,
  ListRegistrationsQuery,
  SeatDecisionDto,
  StaffCreateRegistrationDto,
  UpdateManagedRegistrationDto,
} from './registration.dto';
import { ManageLinkService } from './manage-link.service';
import { RegistrationAdmission } from './registration-admission.service';
import { RegistrationImport } from './registration-import.service';
import { RegistrationsService } from './registrations.service';
import { StaffAccess } from './staff-access.service';
import { StaffDecisionsService } from './staff-decisions.service';

/** Public registration, the staff views of a dialogue's registrations, and staff decisions. */
@ApiTags('registrations')
@ApiBearerAuth()
@Controller()
export class RegistrationsController {
  constructor(
    private readonly admission: RegistrationAdmission,
    private readonly registrations: RegistrationsService,
    private readonly access: StaffAccess,
    private readonly decisions: StaffDecisionsService,
    private readonly importer: RegistrationImport,
  ) {}

  @Public()
  @RateLimit('register')
  @Post('dialogues/:id/registrations')
  @ApiCreatedResponse({
    description: '{id, status, spaces[]}: confirmed, waitlisted or pending. The manage link is sent by email.',
  })
  @ApiConflictResponse({ description: 'This address already holds an active registration for the dialogue.' })
  @ApiUnprocessableEntityResponse({
    description: 'Registration closed, not open, dialogue cancelled, or a space rule.',
  })
  register(@Param('id', uuidPipe) id: string, @Body() body: CreateRegistrationDto) {
    return this.admission.register(id, body);
  }

  @Roles('organizer')
  @Post('dialogues/:id/registrations/staff')
  @ApiCreatedResponse({
    description:
      '{id, status, spaces[]}: an organizer registers someone. No approval step: confirmed when a seat is free, else waitlisted (never pending). The participant gets the usual email with their manage link.',
  })
  @ApiForbiddenResponse({ description: 'Coordinators and door staff.' })
  @ApiConflictResponse({ description: 'This address already holds an active registration for the dialogue.' })
  @ApiUnprocessableEntityResponse({
    description: 'Registration closed, not open, dialogue cancelled, or a space rule.',
  })
  registerByStaff(
    @Param('id', uuidPipe) id: string,
    @Body() body: StaffCreateRegistrationDto,
    @CurrentUser() user: AuthUser,
  ) {
    return this.admission.registerByStaff(id, body, user.id);
  }

  @Roles('organizer')
  @Post('dialogues/:id/registrations/import')
  @HttpCode(200)
  @ApiBody({
    description:
      'text/csv (UTF-8, comma-separated, header row): email, firstName, lastName, organization, stakeholderGroup, country, preferredLanguage; optional title, jobTitle, spaces (names or ids separated by ";"), attendance (hybrid). At most 2,000 rows.',
    schema: { type: 'string' },
  })
  @ApiOkResponse({
    description:
      '{dryRun, total, confirmed, waitlisted, refused, rows[{row, email, name, outcome, reason?, detail?, id?}]}. dryRun=true (the default) writes nothing; dryRun=false admits the good rows in file order, as POST …/registrations/staff would.',
  })
  @ApiBadRequestResponse({
    description: 'invalid-csv: not CSV, a missing or unknown column, no rows, or over 2,000 rows.',
  })
  @ApiForbiddenResponse({ description: 'Coordinators and door staff.' })
  importCsv(
    @Param('id', uuidPipe) id: string,
    @Query() query: ImportRegistrationsQuery,
    @Body() body: unknown,
    @CurrentUser() user: AuthUser,
  ) {
    if (typeof body !== 'string')
      throw new ProblemException(415, 'unsupported-media-type', 'Send the file as text/csv.');
    return this.importer.import(id, body, user, query.dryRun !== 'false');
  }

  @Roles('organizer', 'coordinator')
  @Get('dialogues/:id/registrations')
  @ApiOkResponse({
    description:
      "{items, total, page, pageSize, totalIsEstimate?, nextCursor, prevCursor}: in arrival order. total is exact up to 1,000 matching rows; beyond, the database's estimate with totalIsEstimate: true. nextCursor (null on the last page) is the after of the next page, prevCursor (null on the first) the before of the previous one: keyset pages cost the same however deep.",
  })
  @ApiBadRequestResponse({ description: 'A filter is invalid, or after is not a cursor of this list.' })
  list(@Param('id', uuidPipe) id: string, @Query() query: ListRegistrationsQuery, @CurrentUser() user: AuthUser) {
    return this.registrations.list(id, query, user);
  }

  @Roles('organizer', 'coordinator')
  @Get('dialogues/:id/registrations.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({
    description:
      "Headers and labels in the reader's language (`?lang=` or Accept-Language: en, fr, es, ar; ru and zh read English for now); the registration questions' columns in the reader's language (any of the six) where written, else the dialogue's languages in order; named after the dialogue's title and first day (Content-Disposition with filename*).",
  })
  async csv(
    @Param('id', uuidPipe) id: string,
    @Query() query: ListRegistrationsQuery,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    const { text, language } = currentLanguages();
    const { body, disposition } = await this.registrations.csv(id, query, user, text, language);
    res.header('Content-Language', language);
    res.header('Vary', 'Accept-Language');
    return new StreamableFile(body, { type: 'text/csv; charset=utf-8', disposition });
  }

  @Roles('organizer', 'coordinator')
  @Get('dialogues/:id/stats')
  stats(@Param('id', uuidPipe) id: string, @CurrentUser() user: AuthUser) {
    return this.registrations.stats(id, user);
  }

  @Roles('organizer', 'coordinator')
  @Get('registrations/:id')
  get(@Param('id', uuidPipe) id: string, @CurrentUser() user: AuthUser) {
    return this.access.view(id, user);
  }

  @Roles('organizer', 'coordinator')
  @Post('registrations/:id/approve')
  @HttpCode(200)
  approve(@Param('id', uuidPipe) id: string, @Body() body: SeatDecisionDto, @CurrentUser() user: AuthUser) {
    return this.decisions.approve(id, user, body.spaceId);
  }

  @Roles('organizer', 'coordinator')
  @Post('registrations/:id/decline')
  @HttpCode(200)
  @ApiOkResponse({
    description:
      'The registration, with `undoUntil` when an organizer declined all of it: the decline email waits until then, and POST /registrations/:id/undo-decline may restore it.',
  })
  decline(@Param('id', uuidPipe) id: string, @Body() body: DeclineDto, @CurrentUser() user: AuthUser) {
    return this.decisions.decline(id, user, body.spaceId, body.reason);
  }

  @Roles('organizer')
  @Post('registrations/:id/undo-decline')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The registration with its previous status; the held decline email is cancelled.' })
  @ApiConflictResponse({
    description: '`undo-expired`: the undo window has passed; `seat-taken`: the seat went to the next in line.',
  })
  undoDecline(@Param('id', uuidPipe) id: string, @CurrentUser() user: AuthUser) {
    return this.decisions.undoDecline(id, user);
  }

  @Roles('organizer', 'coordinator')
  @Post('registrations/:id/spaces/:spaceId/approve')
  @HttpCode(200)
  @ApiOkResponse({
    description: 'The registration; the request is confirmed, or waits in line when the space is full.',
  })
  @ApiForbiddenResponse({ description: 'A coordinator of another space of the registration.' })
  @ApiNotFoundResponse({ description: 'Unknown registration, no request in this space, or not visible to the caller.' })
  @ApiUnprocessableEntityResponse({
    description: 'no-pending-space-request (nothing pending in this space), registration-pending.',
  })
  approveSpace(
    @Param('id', uuidPipe) id: string,
    @Param('spaceId', uuidPipe) spaceId: string,
    @CurrentUser() user: AuthUser,
  ) {
    return this.decisions.approveSpace(id, spaceId, user);
  }

  @Roles('organizer', 'coordinator')
  @Post('registrations/:id/spaces/:spaceId/decline')
  @HttpCode(200)
  @ApiOkResponse({
    description:
      'The registration, with `undoUntil`: the decline email waits until then, and POST /registrations/:id/spaces/:spaceId/undo-decline may restore the request.',
  })
  @ApiForbiddenResponse({ description: 'A coordinator of another space of the registration.' })
  @ApiNotFoundResponse({ description: 'Unknown registration, no request in this space, or not visible to the caller.' })
  @ApiUnprocessableEntityResponse({ description: 'no-pending-space-request (nothing pending in this space).' })
  declineSpace(
    @Param('id', uuidPipe) id: string,
    @Param('spaceId', uuidPipe) spaceId: string,
    @CurrentUser() user: AuthUser,
  ) {
    return this.decisions.declineSpace(id, spaceId, user);
  }

  @Roles('organizer', 'coordinator')
  @Post('registrations/:id/spaces/:spaceId/undo-decline')
  @HttpCode(200)
  @ApiOkResponse({
    description: 'The registration with the request back as it was; the held decline email is cancelled.',
  })
  @ApiForbiddenResponse({ description: 'A coordinator of another space of the registration.' })
  @ApiConflictResponse({
    description: '`undo-expired`: the undo window has passed; `seat-taken`: the seat went to the next in line.',
  })
  undoDeclineSpace(
    @Param('id', uuidPipe) id: string,
    @Param('spaceId', uuidPipe) spaceId: string,
    @CurrentUser() user: AuthUser,
  ) {
    return this.decisions.undoDeclineSpace(id, spaceId, user);
  }

  @Roles('organizer', 'coordinator')
  @Post('registrations/:id/check-in')
  @HttpCode(200)
  checkIn(@Param('id', uuidPipe) id: string, @CurrentUser() user: AuthUser) {
    return this.decisions.checkIn(id, user);
  }
}

/** The participant's secret manage link: no account, the token is the key (404 when unknown). */
@ApiTags('registrations')
@Controller('registrations/manage')
export class ManageController {
  constructor(private readonly manage: ManageLinkService) {}

  @Public()
  @Get(':token')
  @Header('Cache-Control', 'no-store')
  @Header('Referrer-Policy', 'no-referrer')
  view(@Param('token') token: string) {
    return this.manage.view(token);
  }

  @Public()
  @Patch(':token')
  @Header('Cache-Control', 'no-store')
  update(@Param('token') token: string, @Body() body: UpdateManagedRegistrationDto) {
    return this.manage.update(token, body);
  }

  @Public()
  @Post(':token/cancel')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  cancel(@Param('token') token: string) {
    return this.manage.cancel(token);
  }
}
