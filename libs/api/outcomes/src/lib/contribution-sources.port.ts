import { Injectable } from '@nestjs/common';
import type { CitedContribution } from '@gfmd/contracts';

/**
 * What the outcomes domain reads of written contributions (the documents domain owns them and
 * depends on this one): the accepted contributions of a dialogue among some ids.
 */
export type AcceptedContributionsReader = (dialogueId: string | null, ids: string[]) => Promise<CitedContribution[]>;

/**
 * The port through which recommendations name the contributions they draw on without reading
 * the contributions table: the documents domain registers its reader at start-up. Without it
 * (documents not loaded), no contribution is known.
 */
@Injectable()
export class ContributionSources {
  private reader: AcceptedContributionsReader | null = null;

  register(reader: AcceptedContributionsReader) {
    this.reader = reader;
  }

  /** The accepted contributions among `ids` (of `dialogueId`, when given), in no order. */
  accepted(dialogueId: string | null, ids: string[]): Promise<CitedContribution[]> {
    if (!ids.length || !this.reader) return Promise.resolve([]);
    return this.reader(dialogueId, ids);
  }
}
