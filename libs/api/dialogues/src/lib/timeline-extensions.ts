import { Injectable } from '@nestjs/common';
import type { ProcessTimeline } from '@gfmd/contracts';
import type { Viewer } from './dialogues.service';

/** What a later domain adds to a process's timeline (e.g. the syntheses' due dates). */
export type TimelineContributor = (processId: string, viewer?: Viewer) => Promise<Partial<ProcessTimeline>>;

/**
 * Lets later domains add their dates to GET /processes/:id/timeline without the dialogues
 * domain depending on them (the syntheses domain adds `syntheses`).
 */
@Injectable()
export class TimelineExtensions {
  private readonly contributors: TimelineContributor[] = [];

  register(contributor: TimelineContributor) {
    this.contributors.push(contributor);
  }

  async extras(processId: string, viewer?: Viewer): Promise<Partial<ProcessTimeline>> {
    let out: Partial<ProcessTimeline> = {};
    for (const c of this.contributors) out = { ...out, ...(await c(processId, viewer)) };
    return out;
  }
}
