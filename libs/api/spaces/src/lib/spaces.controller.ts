import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@gfmd/api-auth';
import { Public, uuidPipe } from '@gfmd/api-platform';
import { CreateSpaceDto, UpdateSpaceDto } from './space.dto';
import { SpacesService } from './spaces.service';

@ApiTags('spaces')
@ApiBearerAuth()
@Controller()
export class SpacesController {
  constructor(private readonly spaces: SpacesService) {}

  /** Anonymous: spaces of published dialogues (without coordinator ids); staff: all. */
  @Public()
  @Get('dialogues/:id/spaces')
  list(@Param('id', uuidPipe) dialogueId: string, @CurrentUser() user?: AuthUser) {
    return this.spaces.list(dialogueId, user);
  }

  @Roles('organizer')
  @Post('dialogues/:id/spaces')
  @ApiCreatedResponse({ description: 'The space.' })
  create(@Param('id', uuidPipe) dialogueId: string, @Body() body: CreateSpaceDto, @CurrentUser() user: AuthUser) {
    return this.spaces.create(dialogueId, body, user);
  }

  @Public()
  @Get('spaces/:id')
  get(@Param('id', uuidPipe) id: string, @CurrentUser() user?: AuthUser) {
    return this.spaces.get(id, user);
  }

  /** Organizers change everything; a space's coordinators only its description and rooms. */
  @Roles('organizer', 'coordinator')
  @Patch('spaces/:id')
  update(@Param('id', uuidPipe) id: string, @Body() body: UpdateSpaceDto, @CurrentUser() user: AuthUser) {
    return this.spaces.update(id, body, user);
  }

  /** Only while nobody holds or awaits a seat in it and it has no agenda items. */
  @Roles('organizer')
  @Delete('spaces/:id')
  @HttpCode(204)
  @ApiNoContentResponse()
  async remove(@Param('id', uuidPipe) id: string, @CurrentUser() user: AuthUser) {
    await this.spaces.remove(id, user.id);
  }
}
