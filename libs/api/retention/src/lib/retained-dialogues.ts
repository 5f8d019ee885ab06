import { Injectable } from '@nestjs/common';
import { RetentionRepository } from './retention.repository';

/**
 * The port through which other domains (reports) learn which dialogues retention has erased
 * and what was kept of them: `dialogue_retention` stays this domain's alone.
 */
@Injectable()
export class RetainedDialogues {
  constructor(private readonly repo: RetentionRepository) {}

  /** The erased among these dialogues → the counts kept, per domain (`registrations`: RetainedCounts). */
  erased(dialogueIds: string[]): Promise<Map<string, Record<string, unknown>>> {
    return this.repo.keptMany(dialogueIds);
  }
}
