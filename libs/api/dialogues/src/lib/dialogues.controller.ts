import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@gfmd/api-auth';
import { Public, uuidPipe } from '@gfmd/api-platform';
import { CreateDialogueDto, ListDialoguesQuery, UpdateDialogueDto } from './dialogue.dto';
import { DialoguesService } from './dialogues.service';

@ApiTags('dialogues')
@ApiBearerAuth()
@Controller('dialogues')
export class DialoguesController {
  constructor(private readonly dialogues: DialoguesService) {}

  /** Anonymous: published dialogues only; staff: all. */
  @Public()
  @Get()
  list(@Query() query: ListDialoguesQuery, @CurrentUser() user?: AuthUser) {
    return this.dialogues.list(query, user);
  }

  @Roles('organizer')
  @Post()
  @ApiCreatedResponse({ description: 'The dialogue, in status draft.' })
  create(@Body() body: CreateDialogueDto, @CurrentUser() user: AuthUser) {
    return this.dialogues.create(body, user);
  }

  @Public()
  @Get(':id')
  get(@Param('id', uuidPipe) id: string, @CurrentUser() user?: AuthUser) {
    return this.dialogues.get(id, user);
  }

  @Roles('organizer')
  @Patch(':id')
  update(@Param('id', uuidPipe) id: string, @Body() body: UpdateDialogueDto, @CurrentUser() user: AuthUser) {
    return this.dialogues.update(id, body, user.id);
  }

  @Roles('organizer')
  @Post(':id/publish')
  @HttpCode(200)
  publish(@Param('id', uuidPipe) id: string, @CurrentUser() user: AuthUser) {
    return this.dialogues.publish(id, user.id);
  }

  @Roles('organizer')
  @Post(':id/cancel')
  @HttpCode(200)
  cancel(@Param('id', uuidPipe) id: string, @CurrentUser() user: AuthUser) {
    return this.dialogues.cancel(id, user.id);
  }

  @Roles('organizer')
  @Post(':id/close-registration')
  @HttpCode(200)
  closeRegistration(@Param('id', uuidPipe) id: string) {
    return this.dialogues.closeRegistration(id);
  }

  @Roles('organizer')
  @Post(':id/conclude')
  @HttpCode(200)
  conclude(@Param('id', uuidPipe) id: string) {
    return this.dialogues.conclude(id);
  }
}
