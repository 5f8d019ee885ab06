import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Roles } from '@gfmd/api-auth';
import { OptionalButNotNull, Public, uuidPipe } from '@gfmd/api-platform';
import { IsUUID } from 'class-validator';
import { CreateInformalSessionDto, UpdateInformalSessionDto } from './informal-session.dto';
import { InformalSessionsService } from './informal-sessions.service';
import { CreateThemeDto, UpdateThemeDto } from './process.dto';
import { ProcessesService } from './processes.service';

export class ProcessFilterQuery {
  @ApiPropertyOptional({ format: 'uuid', description: "a process's own (and, for themes, the shared ones)" })
  @OptionalButNotNull()
  @IsUUID()
  processId?: string;
}

@ApiTags('process')
@Controller()
export class SessionsController {
  constructor(
    private readonly informalSessions: InformalSessionsService,
    private readonly processes: ProcessesService,
  ) {}

  @Public()
  @Get('themes')
  themes(@Query() query: ProcessFilterQuery) {
    return this.informalSessions.listThemes(query.processId);
  }

  @ApiBearerAuth()
  @Roles('organizer')
  @Post('themes')
  createTheme(@Body() body: CreateThemeDto) {
    return this.processes.createTheme(body);
  }

  @ApiBearerAuth()
  @Roles('organizer')
  @Patch('themes/:id')
  updateTheme(@Param('id', uuidPipe) id: string, @Body() body: UpdateThemeDto) {
    return this.processes.updateTheme(id, body);
  }

  @Public()
  @Get('informal-sessions')
  sessions(@Query() query: ProcessFilterQuery) {
    return this.informalSessions.listSessions(query.processId);
  }

  @ApiBearerAuth()
  @Roles('organizer')
  @Post('informal-sessions')
  create(@Body() body: CreateInformalSessionDto) {
    return this.informalSessions.createSession(body);
  }

  /** Answers the session with `affectedDialogues` (their lead time and warnings now); nothing else moves. */
  @ApiBearerAuth()
  @Roles('organizer')
  @Patch('informal-sessions/:id')
  update(@Param('id', uuidPipe) id: string, @Body() body: UpdateInformalSessionDto) {
    return this.informalSessions.updateSession(id, body);
  }
}
