import { Body, Controller, Delete, Get, Header, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@gfmd/api-auth';
import { Public, uuidPipe } from '@gfmd/api-platform';
import { CreateDelegationDto, DelegateDto, ImportDelegationsDto, UpdateDelegationDto } from './delegation.dto';
import { DelegationsService } from './delegations.service';
import { FocalPointService } from './focal-point.service';

/** Organizers' routes: delegations of a dialogue and their seats. */
@ApiTags('delegations')
@ApiBearerAuth()
@Controller()
export class DelegationsController {
  constructor(private readonly delegations: DelegationsService) {}

  @Roles('organizer')
  @Post('dialogues/:id/delegations')
  @ApiCreatedResponse({
    description: 'The delegation; its seats are held and its focal point is emailed a private link.',
  })
  @ApiConflictResponse({
    description:
      '`not-enough-seats` (capacity), `group-quota-full` (the group’s quota), `duplicate-delegation` (name).',
  })
  @ApiUnprocessableEntityResponse({ description: '`dialogue-closed`: the dialogue is cancelled or concluded.' })
  create(@Param('id', uuidPipe) id: string, @Body() body: CreateDelegationDto, @CurrentUser() user: AuthUser) {
    return this.delegations.create(id, body, user);
  }

  @Roles('organizer')
  @Get('dialogues/:id/delegations')
  @ApiOkResponse({ description: '{items, total, page, pageSize}: every delegation with its seats held and used.' })
  list(@Param('id', uuidPipe) id: string) {
    return this.delegations.list(id);
  }

  @Roles('organizer')
  @Post('dialogues/:id/delegations/import')
  @HttpCode(200)
  @ApiOkResponse({ description: 'What was (or, with dryRun, would be) created: all rows or none.' })
  @ApiConflictResponse({ description: 'The seats do not fit, or a name is taken: nothing was imported.' })
  import(@Param('id', uuidPipe) id: string, @Body() body: ImportDelegationsDto, @CurrentUser() user: AuthUser) {
    return this.delegations.import(id, body, user);
  }

  @Roles('organizer')
  @Get('delegations/:id')
  @ApiOkResponse({ description: 'The delegation and its delegates (current and withdrawn).' })
  get(@Param('id', uuidPipe) id: string) {
    return this.delegations.get(id);
  }

  @Roles('organizer')
  @Patch('delegations/:id')
  @ApiConflictResponse({ description: 'More seats than are free, or a name taken.' })
  @ApiUnprocessableEntityResponse({ description: '`seats-in-use`: fewer seats than delegates.' })
  update(@Param('id', uuidPipe) id: string, @Body() body: UpdateDelegationDto, @CurrentUser() user: AuthUser) {
    return this.delegations.update(id, body, user);
  }

  @Roles('organizer')
  @Post('delegations/:id/release')
  @HttpCode(200)
  @ApiOkResponse({
    description: 'The delegation keeps the seats its delegates use; the others go to the waiting list.',
  })
  release(@Param('id', uuidPipe) id: string, @CurrentUser() user: AuthUser) {
    return this.delegations.release(id, user);
  }

  @Roles('organizer')
  @Post('delegations/:id/resend')
  @HttpCode(202)
  @ApiOkResponse({ description: 'A new email with a fresh link to the focal point.' })
  resend(@Param('id', uuidPipe) id: string) {
    return this.delegations.resend(id);
  }
}

/** The focal point's private link: no account, the token is the key (404 when unknown). */
@ApiTags('delegations')
@Controller('delegations/manage')
export class FocalPointController {
  constructor(private readonly focalPoint: FocalPointService) {}

  @Public()
  @Get(':token')
  @Header('Cache-Control', 'no-store')
  @Header('Referrer-Policy', 'no-referrer')
  @ApiOkResponse({
    description:
      'The delegation, its delegates, and its dialogue: `title` in the reader’s language (else its first, `titleLang` says which) and its `languages`.',
  })
  @ApiNotFoundResponse({ description: 'The link names no delegation (unknown, or its focal point changed).' })
  view(@Param('token') token: string) {
    return this.focalPoint.view(token);
  }

  @Public()
  @Post(':token/delegates')
  @Header('Cache-Control', 'no-store')
  @ApiCreatedResponse({ description: 'The focal point’s view; the delegate is confirmed and emailed.' })
  @ApiConflictResponse({ description: '`delegation-full`, or `duplicate-registration` (already registered).' })
  add(@Param('token') token: string, @Body() body: DelegateDto) {
    return this.focalPoint.addDelegate(token, body);
  }

  @Public()
  @Delete(':token/delegates/:registrationId')
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ description: 'The focal point’s view; the seat is back in the delegation, the person told.' })
  @ApiNotFoundResponse({ description: 'No such delegate in this delegation.' })
  withdraw(@Param('token') token: string, @Param('registrationId', uuidPipe) registrationId: string) {
    return this.focalPoint.withdraw(token, registrationId);
  }

  @Public()
  @Post(':token/delegates/:registrationId/replace')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ description: 'The focal point’s view; the seat went from one delegate to the other.' })
  replace(
    @Param('token') token: string,
    @Param('registrationId', uuidPipe) registrationId: string,
    @Body() body: DelegateDto,
  ) {
    return this.focalPoint.replace(token, registrationId, body);
  }
}
