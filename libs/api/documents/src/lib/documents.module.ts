import { Module } from '@nestjs/common';
import { AgendaModule } from '@gfmd/api-agenda';
import { DialoguesModule } from '@gfmd/api-dialogues';
import { OutcomesModule } from '@gfmd/api-outcomes';
import { AppConfig } from '@gfmd/api-platform';
import { RegistrationsModule } from '@gfmd/api-registrations';
import { SpacesModule } from '@gfmd/api-spaces';
import { DocumentAccess } from './document-access';
import { DocumentsController, ManagedDocumentsController } from './documents.controller';
import { DocumentsRepository } from './documents.repository';
import { DocumentsService } from './documents.service';
import { FILE_STORAGE } from './storage/file-storage';
import { createFileStorage } from './storage/storage.factory';

/** Documents: storage (local disk or S3), uploads checked from their bytes, reads by role and manage link. */
@Module({
  imports: [DialoguesModule, SpacesModule, AgendaModule, OutcomesModule, RegistrationsModule],
  controllers: [DocumentsController, ManagedDocumentsController],
  providers: [
    { provide: FILE_STORAGE, useFactory: createFileStorage, inject: [AppConfig] },
    DocumentsRepository,
    DocumentAccess,
    DocumentsService,
  ],
  exports: [FILE_STORAGE, DocumentsService, DocumentsRepository],
})
export class DocumentsModule {}
