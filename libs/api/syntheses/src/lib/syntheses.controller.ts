import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, StreamableFile, Type } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { SynthesisTarget } from '@gfmd/contracts';
import { AuthUser, CurrentUser, Roles } from '@gfmd/api-auth';
import { AppConfig, Public, uuidPipe, currentLanguages, inLanguage } from '@gfmd/api-platform';

/**
 * The documents are written in one language, their labels' (`?lang=` or `Accept-Language`: en, fr
 * or es): the recommendations are read in it where translated (docs/syntheses.md), staff included.
 */
const inDocumentLanguage = <T>(work: () => Promise<T>): Promise<T> => {
  const { text } = currentLanguages();
  return inLanguage({ language: text, text, explicit: true }, work);
};
import { SubscribersService, type ScopeInfo } from './subscribers.service';
import { SynthesesService } from './syntheses.service';
import { SynthesisDocuments } from './documents/synthesis-documents';
import { AddSubscribersDto, DocumentQuery, PutSynthesisDto, SubscribeDto, SYNTHESIS_SCHEMA } from './synthesis.dto';
import { SynthesisTargets } from './synthesis-targets';

const isStaff = (user?: AuthUser) => user?.role === 'admin' || user?.role === 'organizer';

/**
 * The same routes under `/informal-sessions/:id/synthesis` and `/milestones/:id/synthesis`
 * (docs/syntheses.md): one controller class per target, made by this factory.
 */
function synthesisControllers(target: SynthesisTarget): [Type, Type] {
  @ApiTags('syntheses')
  @ApiBearerAuth()
  @Controller(`${target}/:id/synthesis`)
  class TargetSynthesisController {
    constructor(
      readonly syntheses: SynthesesService,
      readonly subscribers: SubscribersService,
      readonly documents: SynthesisDocuments,
      readonly targets: SynthesisTargets,
      readonly config: AppConfig,
    ) {}

    /** Organizers: the working copy (an empty draft at version 0 before the first save); everyone else: the published one (404 before). */
    @Public()
    @Get()
    @ApiOkResponse({ description: 'The working copy or the published synthesis.', schema: SYNTHESIS_SCHEMA })
    get(@Param('id', uuidPipe) id: string, @CurrentUser() user?: AuthUser) {
      return this.syntheses.get(target, id, isStaff(user));
    }

    /** The whole working copy with the version read; a stale version answers 409 with the current one. */
    @Roles('organizer')
    @Put()
    @ApiOkResponse({ description: 'The saved working copy.', schema: SYNTHESIS_SCHEMA })
    put(@Param('id', uuidPipe) id: string, @Body() body: PutSynthesisDto, @CurrentUser() user: AuthUser) {
      return this.syntheses.put(target, id, body, user);
    }

    /** Publishes the working copy and emails the confirmed subscribers (once per version). */
    @Roles('organizer')
    @Post('publish')
    @HttpCode(200)
    @ApiOkResponse({ description: 'The published synthesis.', schema: SYNTHESIS_SCHEMA })
    publish(@Param('id', uuidPipe) id: string, @CurrentUser() user: AuthUser) {
      return this.syntheses.publish(target, id, user);
    }

    /** The published recommendations that bear on it (the builder's choice). */
    @Roles('organizer')
    @Get('candidates')
    candidates(@Param('id', uuidPipe) id: string) {
      return this.syntheses.candidates(target, id);
    }

    /** Organizers: the people this synthesis is emailed to (besides the process's own list). */
    @Roles('organizer')
    @Get('subscribers')
    listSubscribers(@Param('id', uuidPipe) id: string) {
      return this.targets.resolve(target, id).then(() => this.subscribers.list(scopeOf(target, id)));
    }

    @Roles('organizer')
    @Post('subscribers')
    @HttpCode(200)
    @ApiOkResponse({ description: '{added, skipped}: addresses already in the list are skipped.' })
    async addSubscribers(
      @Param('id', uuidPipe) id: string,
      @Body() body: AddSubscribersDto,
      @CurrentUser() user: AuthUser,
    ) {
      return this.subscribers.add(await this.info(id), body, user);
    }

    /** Anyone: a confirmation link is emailed; the answer is the same for a known address. */
    @Public()
    @Post('subscribe')
    @HttpCode(202)
    @ApiAcceptedResponse({ description: '{status: "pending"} — confirm through the emailed link.' })
    async subscribe(@Param('id', uuidPipe) id: string, @Body() body: SubscribeDto) {
      return this.subscribers.subscribe(await this.info(id), body);
    }

    private async info(id: string): Promise<ScopeInfo> {
      const t = await this.targets.resolve(target, id);
      return {
        scope: scopeOf(target, id),
        id,
        title: t.title,
        pageUrl: `${this.config.publicUrl}/syntheses/${target}/${id}`,
      };
    }
  }
  /** The downloads at DESIGN's paths (`/<target>/:id/synthesis.pdf`), also under the synthesis resource. */
  @ApiTags('syntheses')
  @Controller(target)
  class TargetSynthesisDocumentsController {
    constructor(
      readonly syntheses: SynthesesService,
      readonly documents: SynthesisDocuments,
    ) {}

    @Public()
    @Get([':id/synthesis.pdf', ':id/synthesis/synthesis.pdf'])
    @ApiProduces('application/pdf')
    async pdf(@Param('id', uuidPipe) id: string, @Query() query: DocumentQuery, @CurrentUser() user?: AuthUser) {
      const content = await inDocumentLanguage(() =>
        this.syntheses.content(target, id, isStaff(user) && query.preview === 'true'),
      );
      return new StreamableFile(this.documents.pdf(content, currentLanguages().text), {
        type: 'application/pdf',
        disposition: `attachment; filename="${this.documents.fileName(content, 'pdf')}"`,
      });
    }

    @Public()
    @Get([':id/synthesis.docx', ':id/synthesis/synthesis.docx'])
    @ApiProduces('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    async docx(@Param('id', uuidPipe) id: string, @Query() query: DocumentQuery, @CurrentUser() user?: AuthUser) {
      const content = await inDocumentLanguage(() =>
        this.syntheses.content(target, id, isStaff(user) && query.preview === 'true'),
      );
      return new StreamableFile(this.documents.docx(content, currentLanguages().text), {
        type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        disposition: `attachment; filename="${this.documents.fileName(content, 'docx')}"`,
      });
    }
  }
  return [TargetSynthesisController, TargetSynthesisDocumentsController];
}

const scopeOf = (target: SynthesisTarget, id: string) =>
  target === 'informal-sessions' ? { informalSessionId: id } : { milestoneId: id };

export const [SessionSynthesisController, SessionSynthesisDocumentsController] =
  synthesisControllers('informal-sessions');
export const [MilestoneSynthesisController, MilestoneSynthesisDocumentsController] = synthesisControllers('milestones');

/** A process-wide list (every synthesis of the process), the links of the emails, and removal. */
@ApiTags('syntheses')
@ApiBearerAuth()
@Controller()
export class SubscriptionsController {
  constructor(
    private readonly subscribers: SubscribersService,
    private readonly syntheses: SynthesesService,
    private readonly targets: SynthesisTargets,
    private readonly config: AppConfig,
  ) {}

  /** The due dates of the process's syntheses (also on its timeline). */
  @Public()
  @Get('processes/:id/syntheses')
  @ApiOkResponse({
    description:
      "The due dates, each with the synthesis's heading and its parts (as a synthesis has them: `sessionNumber`, `targetTitle`, `targetTitleLang`).",
    schema: { type: 'array', items: SYNTHESIS_SCHEMA },
  })
  async dues(@Param('id', uuidPipe) id: string, @CurrentUser() user?: AuthUser) {
    await this.targets.assertProcess(id);
    return this.syntheses.dues(id, isStaff(user));
  }

  @Roles('organizer')
  @Get('processes/:id/subscribers')
  async list(@Param('id', uuidPipe) id: string) {
    await this.targets.assertProcess(id);
    return this.subscribers.list({ processId: id });
  }

  @Roles('organizer')
  @Post('processes/:id/subscribers')
  @HttpCode(200)
  @ApiOkResponse({ description: '{added, skipped}: addresses already in the list are skipped.' })
  async add(@Param('id', uuidPipe) id: string, @Body() body: AddSubscribersDto, @CurrentUser() user: AuthUser) {
    return this.subscribers.add(await this.processInfo(id), body, user);
  }

  @Public()
  @Post('processes/:id/subscribe')
  @HttpCode(202)
  @ApiAcceptedResponse({ description: '{status: "pending"} — confirm through the emailed link.' })
  async subscribe(@Param('id', uuidPipe) id: string, @Body() body: SubscribeDto) {
    return this.subscribers.subscribe(await this.processInfo(id), body);
  }

  @Roles('organizer')
  @Delete('subscribers/:id')
  @HttpCode(204)
  @ApiNoContentResponse()
  async remove(@Param('id', uuidPipe) id: string, @CurrentUser() user: AuthUser) {
    await this.subscribers.remove(id, user);
  }

  /** The confirmation email's link (the web page posts it). 404 for an unknown token. */
  @Public()
  @Post('synthesis-subscriptions/:token/confirm')
  @HttpCode(200)
  confirm(@Param('token') token: string) {
    return this.subscribers.confirm(token);
  }

  /** Any email's unsubscribe link (the web page posts it; also the RFC 8058 one-click target). */
  @Public()
  @Post('synthesis-subscriptions/:token/unsubscribe')
  @HttpCode(200)
  unsubscribe(@Param('token') token: string) {
    return this.subscribers.unsubscribe(token);
  }

  private async processInfo(id: string): Promise<ScopeInfo> {
    const t = await this.targets.ofProcessHead(id);
    return { scope: { processId: id }, id, title: t.title, pageUrl: `${this.config.publicUrl}/processes/${id}` };
  }
}
