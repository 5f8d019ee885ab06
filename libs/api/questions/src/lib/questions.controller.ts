import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiBody, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@gfmd/api-auth';
import { Public, uuidPipe } from '@gfmd/api-platform';
import { QUESTION_TYPES } from '@gfmd/contracts';
import { QuestionsService } from './questions.service';

const QUESTION_SCHEMA = {
  type: 'object',
  required: ['key', 'label', 'type', 'required'],
  properties: {
    key: { type: 'string', pattern: '^[a-z][a-z0-9_]{0,39}$' },
    label: { type: 'object', additionalProperties: { type: 'string', maxLength: 300 } },
    type: { type: 'string', enum: [...QUESTION_TYPES] },
    options: {
      type: 'array',
      items: {
        type: 'object',
        properties: { value: { type: 'string' }, label: { type: 'object', additionalProperties: { type: 'string' } } },
      },
    },
    required: { type: 'boolean' },
    groups: { type: 'array', items: { type: 'string' } },
  },
};

/** A dialogue's own registration questions. */
@ApiTags('registrations')
@ApiBearerAuth()
@Controller('dialogues/:id/questions')
export class QuestionsController {
  constructor(private readonly questions: QuestionsService) {}

  @Public()
  @Get()
  @ApiOkResponse({ description: 'The questions of the registration form, in order (public once published).' })
  list(@Param('id', uuidPipe) id: string, @CurrentUser() user?: AuthUser) {
    return this.questions.list(id, user);
  }

  @Roles('organizer')
  @Put()
  @ApiBody({ schema: { type: 'array', items: QUESTION_SCHEMA } })
  @ApiOkResponse({ description: 'The questions as stored, in the order given (the list replaces the previous one).' })
  @ApiBadRequestResponse({ description: 'A question is not valid: each problem names its field.' })
  put(@Param('id', uuidPipe) id: string, @Body() body: unknown, @CurrentUser() user: AuthUser) {
    return this.questions.put(id, body, user);
  }
}
