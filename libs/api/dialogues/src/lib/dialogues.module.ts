import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DialogueEntity } from './dialogue.entity';
import { DialogueHooks } from './dialogue-hooks';
import { DialoguesController } from './dialogues.controller';
import { DialoguesRepository } from './dialogues.repository';
import { InformalSessionsService } from './informal-sessions.service';
import { DialoguesService } from './dialogues.service';
import { InformalSessionEntity } from './informal-session.entity';
import { MilestoneEntity, PhaseEntity, ProcessEntity } from './process.entity';
import { ProcessesController } from './processes.controller';
import { ProcessesRepository } from './processes.repository';
import { ProcessesService } from './processes.service';
import { SeedService } from './seed.service';
import { SessionsController } from './sessions.controller';
import { ThemeEntity } from './theme.entity';
import { TimelineExtensions } from './timeline-extensions';

const PROVIDERS = [
  DialoguesRepository,
  DialoguesService,
  InformalSessionsService,
  DialogueHooks,
  SeedService,
  ProcessesRepository,
  ProcessesService,
  TimelineExtensions,
];

@Module({
  imports: [
    TypeOrmModule.forFeature([
      ThemeEntity,
      InformalSessionEntity,
      DialogueEntity,
      ProcessEntity,
      PhaseEntity,
      MilestoneEntity,
    ]),
  ],
  controllers: [SessionsController, ProcessesController, DialoguesController],
  providers: PROVIDERS,
  exports: PROVIDERS,
})
export class DialoguesModule {}
