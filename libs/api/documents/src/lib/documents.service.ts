import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { AgendaDocuments } from '@gfmd/api-agenda';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthUser } from '@gfmd/api-auth';
import { DialoguesService } from '@gfmd/api-dialogues';
import {
  AppConfig,
  AuditService,
  badRequest,
  createValidationPipe,
  forbidden,
  inTransaction,
  currentLanguages,
  notFound,
  ProblemException,
  msg,
} from '@gfmd/api-platform';
import type { DocumentView, DocumentVisibility, ReaderLanguage } from '@gfmd/contracts';
import type { FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { DocumentAccess, manages, REGISTRANT_VISIBILITIES } from './document-access';
import { PatchDocumentDto, UploadDocumentDto } from './document.dto';
import { DocumentRecord, DocumentsRepository } from './documents.repository';
import { clamdScan, ScannerUnavailableError } from './scan/clamd.client';
import { FILE_STORAGE, type FileStorage } from './storage/file-storage';
import { detectFileType } from './upload/file-type';
import { hasPath, safeFileName } from './upload/safe-file-name';
import { ReceivedFile, receiveUpload } from './upload/upload-receiver';

/** A document's bytes with what the response needs to serve them. */
export interface DocumentDownload {
  document: DocumentRecord;
  stream: Readable;
  /** PDF and images are shown in the browser; everything else is downloaded. */
  inline: boolean;
}

/** What a stored document says of itself (its file's facts come from the checks). */
export type DocumentMeta = Pick<
  DocumentRecord,
  'dialogueId' | 'ownerType' | 'ownerId' | 'spaceId' | 'kind' | 'title' | 'visibility' | 'language'
>;

const INLINE_TYPES = /^(application\/pdf|image\/(png|jpeg|gif|webp))$/;

/**
 * The title to show: in the reader's language where written, else the dialogue's languages in
 * order, else the file's language, else any (docs/i18n.md, "Content in several languages").
 */
export function documentTitle(
  title: Record<string, string>,
  fileLanguage: ReaderLanguage,
  dialogueLanguages: readonly ReaderLanguage[] = ['en'],
  reader: ReaderLanguage = currentLanguages().language,
): { titleText: string | null; titleLang?: ReaderLanguage } {
  const order = [reader, ...dialogueLanguages, fileLanguage, ...(Object.keys(title) as ReaderLanguage[])];
  const language = order.find((l) => typeof title[l] === 'string' && title[l].trim() !== '');
  return language ? { titleText: title[language], titleLang: language } : { titleText: null };
}

export function toDocumentView(d: DocumentRecord, dialogueLanguages?: readonly ReaderLanguage[]): DocumentView {
  return {
    id: d.id,
    dialogueId: d.dialogueId,
    ownerType: d.ownerType,
    ownerId: d.ownerId,
    kind: d.kind,
    title: d.title,
    ...documentTitle(d.title, d.language, dialogueLanguages),
    visibility: d.visibility,
    language: d.language,
    fileName: d.fileName,
    contentType: d.contentType,
    size: Number(d.size),
    createdAt: d.createdAt.toISOString(),
  };
}

/**
 * Documents (docs/documents.md): uploads streamed to a temporary file, checked (size, type from
 * the bytes, zip bombs, polyglots, the virus scanner when CLAMAV_HOST is set) and only then put
 * in the store and recorded; a refused upload leaves nothing behind. Reads check the viewer's
 * rights (DocumentAccess) on every request: no URL of a private document works for anyone else.
 */
@Injectable()
export class DocumentsService implements OnModuleInit {
  private readonly log = new Logger(DocumentsService.name);
  private readonly fieldsPipe = createValidationPipe();

  constructor(
    private readonly repo: DocumentsRepository,
    private readonly access: DocumentAccess,
    private readonly dialogues: DialoguesService,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly agendaDocuments: AgendaDocuments,
  ) {}

  onModuleInit() {
    // Agenda and confirmation emails list, as links, what a registrant may read (never staff documents).
    this.agendaDocuments.register(async (dialogueId) =>
      (await this.repo.listByDialogue(dialogueId, REGISTRANT_VISIBILITIES)).map((d) => ({
        id: d.id,
        ownerType: d.ownerType,
        ownerId: d.ownerId,
        title: d.title,
        language: d.language,
        visibility: d.visibility as 'public' | 'registrants',
      })),
    );
  }

  async upload(request: FastifyRequest, user: AuthUser): Promise<DocumentView> {
    const { maxUploadBytes } = this.config.documents;
    const upload = await receiveUpload(request, maxUploadBytes);
    try {
      const dto = (await this.fieldsPipe.transform(upload.fields, {
        type: 'body',
        metatype: UploadDocumentDto,
      })) as UploadDocumentDto;
      const file = upload.file;
      if (!file)
        throw badRequest(msg('documents.missing'), [{ field: 'file', message: msg('documents.missing.field') }]);
      if (hasPath(file.clientName))
        throw badRequest(msg('documents.pathInName'), [{ field: 'file', message: msg('documents.pathInName.field') }]);
      const owner = await this.access.resolveOwner(dto.ownerType, dto.ownerId, user);
      if (!(await this.access.canManage(user, { ...owner, ownerType: dto.ownerType })))
        throw forbidden(msg('documents.notManagerOf', { owner: dto.ownerType.replace('_', ' ') }));

      const row = await this.storeChecked(
        file,
        {
          dialogueId: owner.dialogueId,
          ownerType: dto.ownerType,
          ownerId: dto.ownerId,
          spaceId: owner.spaceId,
          kind: dto.kind,
          title: titles(dto),
          visibility: dto.visibility,
          language: dto.language,
        },
        user.id,
      );
      return toDocumentView(row);
    } finally {
      await upload.discard();
    }
  }

  /**
   * Checks a received file (type from its bytes, zip bombs, polyglots, the virus scanner), puts
   * it in the store and records it with an audit line; on any refusal or failure nothing is kept.
   * Also used for the file of a written contribution.
   */
  async storeChecked(file: ReceivedFile, meta: DocumentMeta, actorUserId: string | null): Promise<DocumentRecord> {
    if (hasPath(file.clientName))
      throw badRequest(msg('documents.pathInName'), [{ field: 'file', message: msg('documents.pathInName.field') }]);
    const verdict = await detectFileType(file.path, file.head, file.size);
    if (!verdict.ok) throw new ProblemException(verdict.status, verdict.slug, verdict.detail);
    const clamav = this.config.documents.clamav;
    if (clamav) await this.scan(clamav, file.path);

    const id = randomUUID();
    const storageKey = id;
    const stored = await this.storage.put(storageKey, createReadStream(file.path), {
      contentType: verdict.type.contentType,
      size: file.size,
    });
    try {
      return await inTransaction(this.dataSource, async () => {
        const inserted = await this.repo.insert({
          ...meta,
          id,
          fileName: safeFileName(file.clientName, verdict.type.extension),
          contentType: verdict.type.contentType,
          size: stored.size,
          sha256: file.sha256,
          storageKey,
          uploadedById: actorUserId,
        });
        await this.audit.record({
          actorUserId,
          action: 'document.uploaded',
          entityType: 'document',
          entityId: id,
          dialogueId: meta.dialogueId,
          details: { ownerType: meta.ownerType, ownerId: meta.ownerId, visibility: meta.visibility, size: stored.size },
        });
        return inserted;
      });
    } catch (error) {
      await this.storage.delete(storageKey).catch(() => undefined);
      throw error;
    }
  }

  /** Changes who may read a document (a contribution's file made public when it is accepted). */
  async setVisibility(id: string, visibility: DocumentVisibility): Promise<void> {
    await this.repo.setVisibility(id, visibility);
  }

  /** Deletes documents and their files (a contribution's, when the person is erased); in the caller's transaction for the rows. */
  async deleteRecords(ids: string[], afterCommit?: { add(task: () => unknown): void }): Promise<void> {
    for (const id of ids) {
      const doc = await this.repo.delete(id);
      if (!doc) continue;
      const drop = () => this.storage.delete(doc.storageKey).catch(() => undefined);
      if (afterCommit) afterCommit.add(drop);
      else await drop();
    }
  }

  private async scan(target: { host: string; port: number }, path: string): Promise<void> {
    try {
      const result = await clamdScan(target, path);
      if (!result.clean) throw new ProblemException(422, 'infected-file', msg('documents.infected'));
    } catch (error) {
      if (error instanceof ScannerUnavailableError) {
        this.log.warn(`virus scanner unavailable: ${error.message}`);
        throw new ProblemException(503, 'scanner-unavailable', msg('documents.scannerUnavailable'));
      }
      throw error;
    }
  }

  /** A document's details for a staff user or an anonymous visitor (404 when they may not read it). */
  async get(id: string, user: AuthUser | undefined): Promise<DocumentView> {
    return toDocumentView(await this.readable(id, user));
  }

  async download(id: string, user: AuthUser | undefined): Promise<DocumentDownload> {
    return this.open(await this.readable(id, user));
  }

  /** A dialogue's documents as the viewer may see them (anonymous: public ones of a public dialogue). */
  async listForDialogue(dialogueId: string, user: AuthUser | undefined): Promise<DocumentView[]> {
    const dialogue = await this.dialogues.findVisible(dialogueId, user);
    const scope = await this.access.scope(user, dialogueId);
    const rows = await this.repo.listByDialogue(dialogueId);
    return rows
      .filter((d) => manages(scope, d) || d.visibility === 'public')
      .map((d) => toDocumentView(d, dialogue.languages));
  }

  /** What a registrant sees through their manage link: public and registrants' documents of their dialogue. */
  async listForRegistrant(token: string): Promise<DocumentView[]> {
    const dialogueId = await this.access.registrantDialogue(token);
    const { languages } = await this.dialogues.findRecord(dialogueId);
    return (await this.repo.listByDialogue(dialogueId, REGISTRANT_VISIBILITIES)).map((d) =>
      toDocumentView(d, languages),
    );
  }

  async downloadForRegistrant(token: string, id: string): Promise<DocumentDownload> {
    const dialogueId = await this.access.registrantDialogue(token);
    const doc = await this.repo.find(id);
    if (!doc || doc.dialogueId !== dialogueId || !REGISTRANT_VISIBILITIES.includes(doc.visibility))
      throw notFound('Document');
    return this.open(doc);
  }

  /**
   * Changes the title in some languages (staff who manage the document): each language sent
   * replaces its title, `""` or null removes it, the others are kept (docs/documents.md).
   */
  async retitle(id: string, dto: PatchDocumentDto, user: AuthUser): Promise<DocumentView> {
    const doc = await this.repo.find(id);
    if (!doc || !(await this.access.canRead(user, doc))) throw notFound('Document');
    if (!(await this.access.canManage(user, doc))) throw forbidden(msg('documents.notManager'));
    const title: Record<string, string> = { ...doc.title };
    for (const [language, text] of Object.entries(dto.title ?? {})) {
      if (typeof text === 'string' && text.trim()) title[language] = text.trim();
      else delete title[language];
    }
    const sent = Object.keys(dto.title ?? {}).sort();
    await inTransaction(this.dataSource, async () => {
      await this.repo.setTitle(id, title);
      await this.audit.record({
        actorUserId: user.id,
        action: 'document.retitled',
        entityType: 'document',
        entityId: id,
        dialogueId: doc.dialogueId,
        details: { languages: sent },
      });
    });
    const dialogue = await this.dialogues.findRecord(doc.dialogueId);
    return toDocumentView({ ...doc, title }, dialogue.languages);
  }

  async remove(id: string, user: AuthUser): Promise<void> {
    const doc = await this.repo.find(id);
    if (!doc || !(await this.access.canRead(user, doc))) throw notFound('Document');
    if (!(await this.access.canManage(user, doc))) throw forbidden(msg('documents.notManager'));
    await inTransaction(this.dataSource, async () => {
      await this.repo.delete(id);
      await this.audit.record({
        actorUserId: user.id,
        action: 'document.deleted',
        entityType: 'document',
        entityId: id,
        dialogueId: doc.dialogueId,
        details: { ownerType: doc.ownerType, ownerId: doc.ownerId },
      });
    });
    // After the commit: an object left by a failure here is unreachable (no row names it).
    await this.storage.delete(doc.storageKey).catch((error: Error) => this.log.warn(`delete: ${error.message}`));
  }

  private async readable(id: string, user: AuthUser | undefined): Promise<DocumentRecord> {
    const doc = await this.repo.find(id);
    if (!doc || !(await this.access.canRead(user, doc))) throw notFound('Document');
    return doc;
  }

  private async open(document: DocumentRecord): Promise<DocumentDownload> {
    const stream = await this.storage.get(document.storageKey);
    if (!stream) throw notFound('Document');
    return { document, stream, inline: INLINE_TYPES.test(document.contentType) };
  }
}

function titles(dto: UploadDocumentDto): Record<string, string> {
  const out: Record<string, string> = {};
  if (dto.title?.trim()) out[dto.language] = dto.title.trim();
  for (const lang of ['en', 'fr', 'es', 'ar', 'ru', 'zh'] as const) {
    const value = dto[`title.${lang}`]?.trim();
    if (value) out[lang] = value;
  }
  return out;
}
