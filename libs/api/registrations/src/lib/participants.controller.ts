import { Controller, Delete, Get, Header, HttpCode, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@gfmd/api-auth';
import { ParticipantQuery } from './registration.dto';
import { ParticipantsService } from './participants.service';

/** Data-subject requests about an email address: access (export) and erasure. Admins only. */
@ApiTags('participants')
@ApiBearerAuth()
@Controller('participants')
export class ParticipantsController {
  constructor(private readonly participants: ParticipantsService) {}

  @Roles('admin')
  @Get('export')
  @Header('Cache-Control', 'no-store')
  export(@Query() query: ParticipantQuery) {
    return this.participants.export(query.email);
  }

  @Roles('admin')
  @Delete()
  @HttpCode(200)
  erase(@Query() query: ParticipantQuery, @CurrentUser() user: AuthUser) {
    return this.participants.erase(query.email, user.id);
  }
}
