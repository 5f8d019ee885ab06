import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DialoguesModule } from '@gfmd/api-dialogues';
import { SpaceHooks } from './space-hooks';
import { SpaceUsage } from './space-usage';
import { SpaceEntity } from './space.entity';
import { SpacesController } from './spaces.controller';
import { SpacesRepository } from './spaces.repository';
import { SpacesService } from './spaces.service';

/** Multi-stakeholder spaces inside a dialogue, and who coordinates them. */
@Module({
  imports: [TypeOrmModule.forFeature([SpaceEntity]), DialoguesModule],
  controllers: [SpacesController],
  providers: [SpacesRepository, SpacesService, SpaceHooks, SpaceUsage],
  exports: [SpacesRepository, SpacesService, SpaceHooks, SpaceUsage],
})
export class SpacesModule {}
