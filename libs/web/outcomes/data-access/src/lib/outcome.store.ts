import { HttpErrorResponse } from '@angular/common/http';
import { Injectable, inject, signal } from '@angular/core';
import type { Outcome, OutcomeDiff, ProblemDetails, PutOutcomeRequest } from '@gfmd/contracts';
import { type Observable, firstValueFrom } from 'rxjs';
import { toProblem } from '@gfmd/web-shared-util-http';
import { OutcomesApi } from './outcomes.api';

/** What a save answered: saved, someone else saved meanwhile (with their copy), or a problem. */
export type SaveResult =
  | { kind: 'saved'; outcome: Outcome }
  | { kind: 'stale'; current: Outcome | null; currentVersion: number | null }
  | { kind: 'failed'; problem: ProblemDetails };

function staleBody(error: unknown): { current: Outcome | null; currentVersion: number | null } | null {
  if (!(error instanceof HttpErrorResponse) || error.status !== 409) return null;
  const body: unknown = error.error;
  if (typeof body !== 'object' || body === null) return null;
  const record = body as Record<string, unknown>;
  const type = typeof record['type'] === 'string' ? record['type'] : '';
  if (!type.endsWith('stale-version') && !('currentVersion' in record)) return null;
  return {
    current:
      typeof record['current'] === 'object' && record['current'] !== null ? (record['current'] as Outcome) : null,
    currentVersion: typeof record['currentVersion'] === 'number' ? record['currentVersion'] : null,
  };
}

/**
 * One dialogue's outcome in the console: the working copy, saving with its version (a stale
 * version is reported with the other person's copy, the caller keeps its own text), the review
 * transitions and the diff since the last submission. Provide it in the page.
 */
@Injectable()
export class OutcomeStore {
  private readonly api = inject(OutcomesApi);
  private readonly outcomeState = signal<Outcome | null>(null);
  private readonly diffState = signal<OutcomeDiff | null>(null);
  private readonly loadingState = signal(false);
  private readonly busyState = signal(false);
  private readonly problemState = signal<ProblemDetails | null>(null);
  private dialogueId = '';

  readonly outcome = this.outcomeState.asReadonly();
  readonly diff = this.diffState.asReadonly();
  readonly loading = this.loadingState.asReadonly();
  /** a save or a transition is under way */
  readonly busy = this.busyState.asReadonly();
  /** the last load or transition problem */
  readonly problem = this.problemState.asReadonly();

  async load(dialogueId: string): Promise<void> {
    this.dialogueId = dialogueId;
    this.loadingState.set(true);
    this.problemState.set(null);
    try {
      this.outcomeState.set(await firstValueFrom(this.api.get(dialogueId)));
    } catch (error) {
      this.problemState.set(toProblem(error));
    } finally {
      this.loadingState.set(false);
    }
    await this.loadDiff();
  }

  /** Reads the changes since the last submission while the outcome is under review (else clears them). */
  async loadDiff(): Promise<void> {
    const outcome = this.outcomeState();
    if (!outcome || (outcome.status !== 'submitted' && outcome.status !== 'approved')) {
      this.diffState.set(null);
      return;
    }
    try {
      this.diffState.set(await firstValueFrom(this.api.diff(this.dialogueId)));
    } catch {
      this.diffState.set(null);
    }
  }

  /** Takes another copy as the current one (after a stale save: theirs, to compare and save over). */
  accept(outcome: Outcome): void {
    this.outcomeState.set(outcome);
  }

  /** Saves the working copy at `body.version`. */
  async save(body: PutOutcomeRequest): Promise<SaveResult> {
    this.busyState.set(true);
    try {
      const outcome = await firstValueFrom(this.api.put(this.dialogueId, body));
      this.outcomeState.set(outcome);
      return { kind: 'saved', outcome };
    } catch (error) {
      const stale = staleBody(error);
      if (stale) return { kind: 'stale', ...stale };
      return { kind: 'failed', problem: toProblem(error) };
    } finally {
      this.busyState.set(false);
    }
  }

  setRapporteurs(ids: string[]): Promise<ProblemDetails | null> {
    const version = this.outcomeState()?.version ?? 0;
    return this.run(this.api.setRapporteurs(this.dialogueId, ids, version));
  }

  /** Submit, approve or publish; the problem (e.g. 403 own-draft) is returned and kept. */
  transition(action: 'submit' | 'approve' | 'publish'): Promise<ProblemDetails | null> {
    return this.run(this.api.transition(this.dialogueId, action));
  }

  returnForChanges(comment: string): Promise<ProblemDetails | null> {
    return this.run(this.api.returnForChanges(this.dialogueId, comment));
  }

  private async run(call: Observable<Outcome>): Promise<ProblemDetails | null> {
    this.busyState.set(true);
    this.problemState.set(null);
    try {
      this.outcomeState.set(await firstValueFrom(call));
      await this.loadDiff();
      return null;
    } catch (error) {
      const problem = toProblem(error);
      this.problemState.set(problem);
      return problem;
    } finally {
      this.busyState.set(false);
    }
  }
}
