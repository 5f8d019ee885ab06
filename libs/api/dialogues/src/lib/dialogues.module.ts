import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DialogueEntity } from './dialogue.entity';
import { DialogueHooks } from './dialogue-hooks';
import { DialoguesController } from './dialogues.controller';
import { DialoguesRepository } from './dialogues.repository';
import { DialoguesService } from './dialogues.service';
import { InformalSessionEntity } from './informal-session.entity';
import { SeedService } from './seed.service';
import { SessionsController } from './sessions.controller';
import { ThemeEntity } from './theme.entity';

@Module({
  imports: [TypeOrmModule.forFeature([ThemeEntity, InformalSessionEntity, DialogueEntity])],
  controllers: [SessionsController, DialoguesController],
  providers: [DialoguesRepository, DialoguesService, DialogueHooks, SeedService],
  exports: [DialoguesRepository, DialoguesService, DialogueHooks, SeedService],
})
export class DialoguesModule {}
