import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@gfmd/api-auth';
import { Public, uuidPipe } from '@gfmd/api-platform';
import { CreateInformalSessionDto } from './informal-session.dto';
import { InformalSessionsService } from './informal-sessions.service';
import {
  CreateMilestoneDto,
  CreatePhaseDto,
  CreateProcessDto,
  UpdateMilestoneDto,
  UpdatePhaseDto,
  UpdateProcessDto,
} from './process.dto';
import { ProcessesService } from './processes.service';

/**
 * Processes, their phases and milestones. Reading is public (the UN calendar is public
 * information, as are the themes and informal sessions); changes are for organizers.
 */
@ApiTags('process')
@ApiBearerAuth()
@Controller()
export class ProcessesController {
  constructor(
    private readonly processes: ProcessesService,
    private readonly sessions: InformalSessionsService,
  ) {}

  @Public()
  @Get('processes')
  list() {
    return this.processes.list();
  }

  @Roles('organizer')
  @Post('processes')
  @ApiCreatedResponse({ description: 'The process, without phases or milestones yet.' })
  create(@Body() body: CreateProcessDto) {
    return this.processes.create(body);
  }

  @Public()
  @Get('processes/:id')
  get(@Param('id', uuidPipe) id: string) {
    return this.processes.get(id);
  }

  @Roles('organizer')
  @Patch('processes/:id')
  update(@Param('id', uuidPipe) id: string, @Body() body: UpdateProcessDto) {
    return this.processes.update(id, body);
  }

  /** Anonymous callers see the public dialogues only; staff see all. */
  @Public()
  @ApiOkResponse({
    description:
      '{process, phases, milestones, themes, sessions, dialogues, syntheses?}. Each dialogue in the slim timeline shape: {id, title, titleLang, informalSessionId, themeIds, startsAt, endsAt, timeZone, venue, format, status, leadTimeDays} (GET /dialogues/:id has the rest).',
  })
  @Get('processes/:id/timeline')
  timeline(@Param('id', uuidPipe) id: string, @CurrentUser() user?: AuthUser) {
    return this.processes.timeline(id, user);
  }

  @Roles('organizer')
  @Post('processes/:id/informal-sessions')
  createSession(@Param('id', uuidPipe) id: string, @Body() body: CreateInformalSessionDto) {
    return this.sessions.createSession(body, id);
  }

  @Roles('organizer')
  @Post('processes/:id/phases')
  addPhase(@Param('id', uuidPipe) id: string, @Body() body: CreatePhaseDto) {
    return this.processes.addPhase(id, body);
  }

  @Roles('organizer')
  @Patch('phases/:id')
  updatePhase(@Param('id', uuidPipe) id: string, @Body() body: UpdatePhaseDto) {
    return this.processes.updatePhase(id, body);
  }

  @Roles('organizer')
  @Delete('phases/:id')
  @HttpCode(204)
  @ApiNoContentResponse()
  async deletePhase(@Param('id', uuidPipe) id: string) {
    await this.processes.deletePhase(id);
  }

  @Roles('organizer')
  @Post('processes/:id/milestones')
  addMilestone(@Param('id', uuidPipe) id: string, @Body() body: CreateMilestoneDto) {
    return this.processes.addMilestone(id, body);
  }

  @Roles('organizer')
  @Patch('milestones/:id')
  updateMilestone(@Param('id', uuidPipe) id: string, @Body() body: UpdateMilestoneDto) {
    return this.processes.updateMilestone(id, body);
  }

  @Roles('organizer')
  @Delete('milestones/:id')
  @HttpCode(204)
  @ApiNoContentResponse()
  async deleteMilestone(@Param('id', uuidPipe) id: string) {
    await this.processes.deleteMilestone(id);
  }
}
