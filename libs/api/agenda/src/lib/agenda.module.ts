import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DialogueHooks, DialoguesModule, SeedService } from '@gfmd/api-dialogues';
import { RegistrationMailer, RegistrationsModule } from '@gfmd/api-registrations';
import { SpacesModule } from '@gfmd/api-spaces';
import { AgendaDemoSeeder } from './agenda-demo.seeder';
import { AgendaSpaceUsage } from './agenda-space-usage';
import { AgendaItemEntity } from './agenda-item.entity';
import { AgendaDocuments } from './agenda-documents.port';
import { AgendaMailService } from './agenda-mail.service';
import { FeedController } from './feed.controller';
import { DialogueFeedService } from './feed.service';
import { AgendaController } from './agenda.controller';
import { AgendaRepository } from './agenda.repository';
import { AgendaRules } from './agenda-rules.service';
import { AgendaShiftService } from './agenda-shift.service';
import { AgendaService } from './agenda.service';
import { TimelineController } from './timeline.controller';
import { TimelineService } from './timeline.service';

/** Agenda items, public and personal agendas (JSON and iCalendar), agenda mail and the timeline. */
@Module({
  imports: [TypeOrmModule.forFeature([AgendaItemEntity]), DialoguesModule, SpacesModule, RegistrationsModule],
  controllers: [AgendaController, TimelineController, FeedController],
  providers: [
    AgendaRepository,
    AgendaRules,
    AgendaService,
    AgendaShiftService,
    AgendaMailService,
    AgendaDocuments,
    AgendaDemoSeeder,
    TimelineService,
    DialogueFeedService,
    AgendaSpaceUsage,
  ],
  exports: [AgendaService, AgendaRepository, AgendaDocuments],
})
export class AgendaModule implements OnModuleInit {
  constructor(
    private readonly seed: SeedService,
    private readonly hooks: DialogueHooks,
    private readonly demo: AgendaDemoSeeder,
    private readonly agenda: AgendaService,
    private readonly shift: AgendaShiftService,
    private readonly registrationMail: RegistrationMailer,
  ) {}

  onModuleInit() {
    this.seed.addDemoSeeder((dialogueId) => this.demo.seed(dialogueId));
    this.hooks.onChange((change) => this.shift.assertItemsInside(change));
    // A registration confirmation carries the agenda (when there is one) and the personal .ics.
    this.registrationMail.provideConfirmationAgenda((dialogueId) => this.agenda.confirmationAgendas(dialogueId));
  }
}
