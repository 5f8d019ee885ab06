import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '@gfmd/api-auth';
import { Public, uuidPipe } from '@gfmd/api-platform';
import { DialoguesService } from './dialogues.service';
import { CreateInformalSessionDto, UpdateInformalSessionDto } from './informal-session.dto';

@ApiTags('process')
@Controller()
export class SessionsController {
  constructor(private readonly dialogues: DialoguesService) {}

  @Public()
  @Get('themes')
  themes() {
    return this.dialogues.listThemes();
  }

  @Public()
  @Get('informal-sessions')
  sessions() {
    return this.dialogues.listSessions();
  }

  @ApiBearerAuth()
  @Roles('organizer')
  @Post('informal-sessions')
  create(@Body() body: CreateInformalSessionDto) {
    return this.dialogues.createSession(body);
  }

  @ApiBearerAuth()
  @Roles('organizer')
  @Patch('informal-sessions/:id')
  update(@Param('id', uuidPipe) id: string, @Body() body: UpdateInformalSessionDto) {
    return this.dialogues.updateSession(id, body);
  }
}
