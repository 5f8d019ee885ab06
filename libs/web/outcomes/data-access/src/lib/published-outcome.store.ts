import { Injectable, inject, signal } from '@angular/core';
import type { ProblemDetails, PublishedOutcome } from '@gfmd/contracts';
import { firstValueFrom } from 'rxjs';
import { toProblem } from '@gfmd/web-shared-util-http';
import { OutcomesApi } from './outcomes.api';

/**
 * A dialogue's published outcome (the public page): `notFound` before its first publication.
 * Provide it in the page.
 */
@Injectable()
export class PublishedOutcomeStore {
  private readonly api = inject(OutcomesApi);
  private readonly outcomeState = signal<PublishedOutcome | null>(null);
  private readonly problemState = signal<ProblemDetails | null>(null);
  private readonly notFoundState = signal(false);
  private latest = 0;

  readonly outcome = this.outcomeState.asReadonly();
  readonly problem = this.problemState.asReadonly();
  readonly notFound = this.notFoundState.asReadonly();

  async load(dialogueId: string): Promise<void> {
    const call = ++this.latest;
    this.outcomeState.set(null);
    this.problemState.set(null);
    this.notFoundState.set(false);
    try {
      const outcome = await firstValueFrom(this.api.published(dialogueId));
      if (call === this.latest) this.outcomeState.set(outcome);
    } catch (error) {
      if (call !== this.latest) return;
      const problem = toProblem(error);
      if (problem.status === 404) this.notFoundState.set(true);
      else this.problemState.set(problem);
    }
  }
}
