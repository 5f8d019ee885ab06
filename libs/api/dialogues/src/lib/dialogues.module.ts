import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DialogueEntity } from './dialogue.entity';
import { DialogueHooks } from './dialogue-hooks';
import { DialoguesController } from './dialogues.controller';
import { DialoguesRepository } from './dialogues.repository';
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
  providers: [
    DialoguesRepository,
    DialoguesService,
    DialogueHooks,
    SeedService,
    ProcessesRepository,
    ProcessesService,
    TimelineExtensions,
  ],
  exports: [
    DialoguesRepository,
    DialoguesService,
    DialogueHooks,
    SeedService,
    ProcessesRepository,
    ProcessesService,
    TimelineExtensions,
  ],
})
export class DialoguesModule {}
