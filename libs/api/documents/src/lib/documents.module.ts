import { Module } from '@nestjs/common';
import { AgendaModule } from '@gfmd/api-agenda';
import { DialoguesModule } from '@gfmd/api-dialogues';
import { OutcomesModule } from '@gfmd/api-outcomes';
import { AppConfig } from '@gfmd/api-platform';
import { RegistrationsModule } from '@gfmd/api-registrations';
import { SpacesModule } from '@gfmd/api-spaces';
import { ContributionsController } from './contributions/contributions.controller';
import { ContributionsCoreModule } from './contributions/contributions-core.module';
import { ContributionsService } from './contributions/contributions.service';
import { DocumentAccess } from './document-access';
import { DocumentsController, ManagedDocumentsController } from './documents.controller';
import { DocumentsRepository } from './documents.repository';
import { DocumentsService } from './documents.service';
import { FILE_STORAGE } from './storage/file-storage';
import { createFileStorage } from './storage/storage.factory';

/** Documents and written contributions: storage (local disk or S3), uploads checked from their bytes, reads by role and manage link. */
@Module({
  imports: [DialoguesModule, SpacesModule, AgendaModule, OutcomesModule, RegistrationsModule, ContributionsCoreModule],
  controllers: [DocumentsController, ManagedDocumentsController, ContributionsController],
  providers: [
    { provide: FILE_STORAGE, useFactory: createFileStorage, inject: [AppConfig] },
    DocumentsRepository,
    DocumentAccess,
    DocumentsService,
    ContributionsService,
  ],
  exports: [FILE_STORAGE, DocumentsService, DocumentsRepository],
})
export class DocumentsModule {}
