import { Injectable, inject, signal } from '@angular/core';
import type { ListRecommendationsRequest, Page, ProblemDetails, PublishedRecommendation } from '@gfmd/contracts';
import { firstValueFrom } from 'rxjs';
import { toProblem } from '@gfmd/web-shared-util-http';
import { OutcomesApi } from './outcomes.api';

/**
 * The public recommendations: one page of a search, and one recommendation by its reference
 * (`notFound` when the reference was never given). Provide it in the page.
 */
@Injectable()
export class RecommendationsStore {
  private readonly api = inject(OutcomesApi);
  private readonly resultsState = signal<Page<PublishedRecommendation> | null>(null);
  private readonly itemState = signal<PublishedRecommendation | null>(null);
  private readonly loadingState = signal(false);
  private readonly problemState = signal<ProblemDetails | null>(null);
  private readonly notFoundState = signal(false);
  private latest = 0;

  readonly results = this.resultsState.asReadonly();
  readonly recommendation = this.itemState.asReadonly();
  readonly loading = this.loadingState.asReadonly();
  readonly problem = this.problemState.asReadonly();
  readonly notFound = this.notFoundState.asReadonly();

  /** Searches; an answer overtaken by a newer search is dropped. */
  async search(query: ListRecommendationsRequest): Promise<void> {
    const call = ++this.latest;
    this.loadingState.set(true);
    this.problemState.set(null);
    try {
      const page = await firstValueFrom(this.api.search(query));
      if (call === this.latest) this.resultsState.set(page);
    } catch (error) {
      if (call === this.latest) this.problemState.set(toProblem(error));
    } finally {
      if (call === this.latest) this.loadingState.set(false);
    }
  }

  async load(reference: string): Promise<void> {
    const call = ++this.latest;
    this.loadingState.set(true);
    this.problemState.set(null);
    this.notFoundState.set(false);
    this.itemState.set(null);
    try {
      const item = await firstValueFrom(this.api.recommendation(reference));
      if (call === this.latest) this.itemState.set(item);
    } catch (error) {
      if (call !== this.latest) return;
      const problem = toProblem(error);
      if (problem.status === 404) this.notFoundState.set(true);
      else this.problemState.set(problem);
    } finally {
      if (call === this.latest) this.loadingState.set(false);
    }
  }
}
