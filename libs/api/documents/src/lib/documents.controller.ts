import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Param,
  Patch,
  Post,
  Req,
  Res,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { type AuthUser, CurrentUser, Roles } from '@gfmd/api-auth';
import { Public, uuidPipe } from '@gfmd/api-platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PatchDocumentDto, UploadDocumentBody } from './document.dto';
import { DocumentDownload, DocumentsService } from './documents.service';
import { contentDisposition } from './upload/safe-file-name';

/**
 * The headers of every document download: attachment unless PDF or image, never sniffed, and
 * sandboxed (a document opened in the browser runs no script and loads nothing).
 */
export function serveDocument(reply: FastifyReply, download: DocumentDownload): StreamableFile {
  const { document, stream, inline } = download;
  void reply
    .header('content-type', document.contentType)
    .header('content-length', String(document.size))
    .header('content-disposition', contentDisposition(inline ? 'inline' : 'attachment', document.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "sandbox; default-src 'none'")
    .header('cross-origin-resource-policy', 'same-origin');
  if (document.visibility !== 'public') void reply.header('cache-control', 'private, no-store');
  return new StreamableFile(stream);
}

/** Documents of dialogues, agenda items, spaces and outcomes (docs/documents.md). */
@ApiTags('documents')
@ApiBearerAuth()
@Controller()
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  /** Staff who manage the owner: multipart/form-data, a `file` part and the fields. */
  @Roles('organizer', 'coordinator')
  @Post('documents')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadDocumentBody })
  @ApiCreatedResponse({ description: 'The stored document.' })
  upload(@Req() request: FastifyRequest, @CurrentUser() user: AuthUser) {
    return this.documents.upload(request, user);
  }

  /** The document's details (404 when the viewer may not read it). */
  @Public()
  @Get('documents/:id')
  @ApiOkResponse({ description: 'Document' })
  get(@Param('id', uuidPipe) id: string, @CurrentUser() user?: AuthUser) {
    return this.documents.get(id, user);
  }

  /** The file itself, streamed. */
  @Public()
  @Get('documents/:id/file')
  @ApiProduces('application/octet-stream')
  async file(
    @Param('id', uuidPipe) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentUser() user?: AuthUser,
  ) {
    return serveDocument(reply, await this.documents.download(id, user));
  }

  /** Staff who manage the document: its title in some of the six languages (the others kept). */
  @Roles('organizer', 'coordinator')
  @Patch('documents/:id')
  @ApiOkResponse({ description: 'The document with its titles.' })
  retitle(@Param('id', uuidPipe) id: string, @Body() body: PatchDocumentDto, @CurrentUser() user: AuthUser) {
    return this.documents.retitle(id, body, user);
  }

  @Roles('organizer', 'coordinator')
  @Delete('documents/:id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted (the file too).' })
  async remove(@Param('id', uuidPipe) id: string, @CurrentUser() user: AuthUser) {
    await this.documents.remove(id, user);
  }

  /** Anonymous: the public documents of a public dialogue; staff: also those they manage. */
  @Public()
  @Get('dialogues/:id/documents')
  listForDialogue(@Param('id', uuidPipe) dialogueId: string, @CurrentUser() user?: AuthUser) {
    return this.documents.listForDialogue(dialogueId, user);
  }
}

/** A participant's documents through their manage link (public and registrants' ones of their dialogue). */
@ApiTags('documents')
@Controller('registrations/manage/:token/documents')
export class ManagedDocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Public()
  @Get()
  @Header('Cache-Control', 'no-store')
  @Header('Referrer-Policy', 'no-referrer')
  list(@Param('token') token: string) {
    return this.documents.listForRegistrant(token);
  }

  @Public()
  @Get(':id/file')
  @Header('Referrer-Policy', 'no-referrer')
  @ApiProduces('application/octet-stream')
  async file(
    @Param('token') token: string,
    @Param('id', uuidPipe) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return serveDocument(reply, await this.documents.downloadForRegistrant(token, id));
  }
}
