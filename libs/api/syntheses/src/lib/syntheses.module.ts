import { Module } from '@nestjs/common';
import { DialoguesModule } from '@gfmd/api-dialogues';
import { OutcomesModule } from '@gfmd/api-outcomes';
import { SynthesisDocuments } from './documents/synthesis-documents';
import {
  MilestoneSynthesisController,
  MilestoneSynthesisDocumentsController,
  SessionSynthesisController,
  SessionSynthesisDocumentsController,
  SubscriptionsController,
} from './syntheses.controller';
import { SynthesesRepository } from './syntheses.repository';
import { SynthesesService } from './syntheses.service';
import { SubscribersCoreModule } from './subscribers-core.module';
import { SynthesisTargets } from './synthesis-targets';

/** Syntheses of informal sessions and milestones, their documents and their subscribers (docs/syntheses.md). */
@Module({
  imports: [DialoguesModule, OutcomesModule, SubscribersCoreModule],
  controllers: [
    SessionSynthesisController,
    SessionSynthesisDocumentsController,
    MilestoneSynthesisController,
    MilestoneSynthesisDocumentsController,
    SubscriptionsController,
  ],
  providers: [SynthesesRepository, SynthesesService, SynthesisTargets, SynthesisDocuments],
  exports: [SynthesesService],
})
export class SynthesesModule {}
