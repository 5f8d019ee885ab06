import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiBody, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@gfmd/api-auth';
import { Public, uuidPipe } from '@gfmd/api-platform';
import { QUESTION_TYPES, READER_LANGUAGES } from '@gfmd/contracts';
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

const LABEL_IN_LANGUAGE = {
  labelText: {
    type: 'string',
    description: "The label in the reader's language, else the dialogue's languages in order.",
  },
  labelLang: { type: 'string', enum: [...READER_LANGUAGES], description: 'The language `labelText` is in.' },
};

/** What the public reads (no staff token): each label only in the reader's language. */
const PUBLIC_QUESTION_SCHEMA = {
  type: 'object',
  required: ['key', 'labelText', 'labelLang', 'type', 'required'],
  additionalProperties: false,
  properties: {
    key: QUESTION_SCHEMA.properties.key,
    ...LABEL_IN_LANGUAGE,
    type: QUESTION_SCHEMA.properties.type,
    options: {
      type: 'array',
      items: {
        type: 'object',
        required: ['value', 'labelText', 'labelLang'],
        additionalProperties: false,
        properties: { value: { type: 'string' }, ...LABEL_IN_LANGUAGE },
      },
    },
    required: { type: 'boolean' },
    groups: QUESTION_SCHEMA.properties.groups,
  },
};

/** What staff read: the label maps for editing, each label also in the reader's language, and what is missing. */
const STAFF_QUESTION_SCHEMA = {
  type: 'object',
  required: ['key', 'label', 'labelText', 'labelLang', 'type', 'required'],
  properties: {
    ...QUESTION_SCHEMA.properties,
    ...LABEL_IN_LANGUAGE,
    options: {
      type: 'array',
      items: {
        type: 'object',
        properties: { ...QUESTION_SCHEMA.properties.options.items.properties, ...LABEL_IN_LANGUAGE },
      },
    },
    missingTranslations: {
      type: 'object',
      additionalProperties: { type: 'array', items: { type: 'string' } },
      description:
        'Staff reads without `?lang=`: per listed language, `label` and `options.<value>` not written in it.',
    },
    unlistedLanguages: {
      type: 'array',
      items: { type: 'string', enum: [...READER_LANGUAGES] },
      description: 'Staff reads without `?lang=`: languages written that the dialogue does not list.',
    },
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
  @ApiOkResponse({
    description:
      'The questions of the registration form, in order (public once published). The public (no staff token) gets ' +
      "each label only in the reader's language (`labelText`, `labelLang`; options likewise); staff get the label " +
      'maps as stored beside them, and without `?lang=` what each listed language lacks (docs/i18n.md).',
    schema: { type: 'array', items: { oneOf: [PUBLIC_QUESTION_SCHEMA, STAFF_QUESTION_SCHEMA] } },
  })
  list(@Param('id', uuidPipe) id: string, @CurrentUser() user?: AuthUser) {
    return this.questions.list(id, user);
  }

  @Roles('organizer')
  @Put()
  @ApiBody({ schema: { type: 'array', items: QUESTION_SCHEMA } })
  @ApiOkResponse({
    description: 'The questions as stored, in the order given (the list replaces the previous one), as a staff read.',
    schema: { type: 'array', items: STAFF_QUESTION_SCHEMA },
  })
  @ApiBadRequestResponse({ description: 'A question is not valid: each problem names its field.' })
  put(@Param('id', uuidPipe) id: string, @Body() body: unknown, @CurrentUser() user: AuthUser) {
    return this.questions.put(id, body, user);
  }
}
