import { Injectable, computed, inject, signal } from '@angular/core';
import type { Dialogue, ProblemDetails, Space } from '@gfmd/contracts';
import { catchError, firstValueFrom, forkJoin, map, of } from 'rxjs';
import { AuthStore } from '@gfmd/web-auth-data-access';
import { CatalogStore } from '@gfmd/web-dialogues-data-access';
import { DialoguesApi } from '@gfmd/web-dialogues-data-access';
import { RegistrationsApi } from '@gfmd/web-registrations-data-access';
import { toProblem } from '@gfmd/web-shared-util-http';

export interface CoordinatedSpace {
  dialogue: Dialogue;
  space: Space;
  /** seat requests waiting for approval in this space (`awaiting=space`), when the API answers */
  pending: number | null;
}

/** The spaces the signed-in person coordinates, across dialogues, with their pending approvals. */
@Injectable({ providedIn: 'root' })
export class WorkspaceStore {
  private readonly auth = inject(AuthStore);
  private readonly catalog = inject(CatalogStore);
  private readonly dialogues = inject(DialoguesApi);
  private readonly registrations = inject(RegistrationsApi);
  private readonly spacesState = signal<CoordinatedSpace[] | null>(null);
  private readonly loadingState = signal(false);
  private readonly problemState = signal<ProblemDetails | null>(null);

  readonly spaces = computed(() => this.spacesState() ?? []);
  readonly loaded = computed(() => this.spacesState() !== null);
  /** Everything that waits for the coordinator's approval, across their spaces (the home's badge). */
  readonly pendingTotal = computed(() => this.spaces().reduce((n, s) => n + (s.pending ?? 0), 0));
  readonly loading = this.loadingState.asReadonly();
  readonly problem = this.problemState.asReadonly();

  async load(): Promise<void> {
    const me = this.auth.user();
    if (!me) {
      return;
    }
    this.loadingState.set(true);
    this.problemState.set(null);
    try {
      await this.catalog.load(true);
      if (this.catalog.problem()) {
        throw this.catalog.problem();
      }
      const dialogues = this.catalog.dialogues().filter((d) => d.status !== 'cancelled');
      const perDialogue = dialogues.length
        ? await firstValueFrom(
            forkJoin(
              dialogues.map((dialogue) =>
                this.dialogues.spaces(dialogue.id).pipe(
                  map((spaces) =>
                    spaces.filter((s) => s.coordinatorUserIds.includes(me.id)).map((space) => ({ dialogue, space })),
                  ),
                  catchError(() => of([])),
                ),
              ),
            ),
          )
        : [];
      const mine = perDialogue.flat();
      const pending = mine.length
        ? await firstValueFrom(
            forkJoin(
              mine.map(({ dialogue, space }) =>
                this.registrations
                  .list(dialogue.id, { spaceId: space.id, awaiting: 'space', page: 1, pageSize: 1 })
                  .pipe(
                    map((page) => page.total),
                    catchError(() => of(null)),
                  ),
              ),
            ),
          )
        : [];
      this.spacesState.set(mine.map((m, i) => ({ ...m, pending: pending[i] ?? null })));
    } catch (error) {
      this.problemState.set(isProblem(error) ? error : toProblem(error));
    } finally {
      this.loadingState.set(false);
    }
  }
}

function isProblem(value: unknown): value is ProblemDetails {
  return typeof value === 'object' && value !== null && 'status' in value && 'title' in value && 'type' in value;
}
