import { Injectable, computed, inject, signal } from '@angular/core';
import type { ProblemDetails, TimelineEntry } from '@gfmd/contracts';
import { firstValueFrom } from 'rxjs';
import { CatalogStore } from '@gfmd/web-dialogues-data-access';
import { DialoguesApi } from '@gfmd/web-dialogues-data-access';
import { toProblem } from '@gfmd/web-shared-util-http';

/**
 * Informal sessions with the dialogues ahead of each. Uses GET /timeline; if the API does not offer
 * it to this caller (401/403/404), the same picture is composed from the public catalogue.
 */
@Injectable({ providedIn: 'root' })
export class TimelineStore {
  private readonly api = inject(DialoguesApi);
  private readonly catalog = inject(CatalogStore);
  private readonly entriesState = signal<TimelineEntry[] | null>(null);
  private readonly loadingState = signal(false);
  private readonly problemState = signal<ProblemDetails | null>(null);

  readonly entries = computed(() =>
    [...(this.entriesState() ?? [])]
      .sort((a, b) => a.session.number - b.session.number)
      .map((e) => ({ ...e, dialogues: [...e.dialogues].sort((a, b) => a.startsAt.localeCompare(b.startsAt)) })),
  );
  readonly loading = this.loadingState.asReadonly();
  readonly loaded = computed(() => this.entriesState() !== null);
  readonly problem = this.problemState.asReadonly();

  async load(): Promise<void> {
    this.loadingState.set(true);
    this.problemState.set(null);
    try {
      this.entriesState.set(await firstValueFrom(this.api.timeline()));
    } catch (error) {
      const problem = toProblem(error);
      if ([401, 403, 404, 405].includes(problem.status)) {
        await this.composeFromCatalog();
      } else {
        this.problemState.set(problem);
      }
    } finally {
      this.loadingState.set(false);
    }
  }

  private async composeFromCatalog(): Promise<void> {
    await this.catalog.load(true);
    if (this.catalog.problem()) {
      this.problemState.set(this.catalog.problem());
      return;
    }
    const dialogues = this.catalog.dialogues();
    this.entriesState.set(
      this.catalog.sessions().map((session) => ({
        session,
        dialogues: dialogues.filter((d) => d.informalSessionId === session.id),
      })),
    );
  }
}
