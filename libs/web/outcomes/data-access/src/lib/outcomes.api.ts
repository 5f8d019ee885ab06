import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CitedContribution,
  ListRecommendationsRequest,
  RecommendationContributionLinks,
  Outcome,
  OutcomeDiff,
  OutcomeVersion,
  Page,
  PublishedOutcome,
  PublishedRecommendation,
  PutOutcomeRequest,
  RapporteurOutcome,
} from '@gfmd/contracts';
import type { Observable } from 'rxjs';

/** The outcome of a dialogue (staff) and the published recommendations (public). */
@Injectable({ providedIn: 'root' })
export class OutcomesApi {
  private readonly http = inject(HttpClient);

  private url(dialogueId: string, tail = ''): string {
    return `/api/v1/dialogues/${encodeURIComponent(dialogueId)}/outcome${tail}`;
  }

  get(dialogueId: string): Observable<Outcome> {
    return this.http.get<Outcome>(this.url(dialogueId));
  }

  /** The outcomes naming the signed-in staff member rapporteur. */
  /** Which contributions each recommendation draws on (staff). */
  contributionLinks(dialogueId: string): Observable<RecommendationContributionLinks[]> {
    return this.http.get<RecommendationContributionLinks[]>(this.url(dialogueId, '/contribution-links'));
  }

  /** Rapporteurs and organizers: replaces the contributions a recommendation draws on. */
  linkContributions(
    dialogueId: string,
    recommendationId: string,
    contributionIds: string[],
  ): Observable<{ recommendationId: string; contributions: CitedContribution[] }> {
    return this.http.put<{ recommendationId: string; contributions: CitedContribution[] }>(
      this.url(dialogueId, `/recommendations/${encodeURIComponent(recommendationId)}/contributions`),
      { contributionIds },
    );
  }

  mine(): Observable<Page<RapporteurOutcome>> {
    return this.http.get<Page<RapporteurOutcome>>('/api/v1/outcomes/mine');
  }

  /** The last published version as the public reads it (404 before the first publication). */
  published(dialogueId: string): Observable<PublishedOutcome> {
    return this.http.get<PublishedOutcome>(this.url(dialogueId, '/published'));
  }

  put(dialogueId: string, body: PutOutcomeRequest): Observable<Outcome> {
    return this.http.put<Outcome>(this.url(dialogueId), body);
  }

  setRapporteurs(dialogueId: string, rapporteurUserIds: string[], version: number): Observable<Outcome> {
    return this.http.patch<Outcome>(this.url(dialogueId), { rapporteurUserIds, version });
  }

  transition(dialogueId: string, action: 'submit' | 'approve' | 'publish'): Observable<Outcome> {
    return this.http.post<Outcome>(this.url(dialogueId, `/${action}`), {});
  }

  returnForChanges(dialogueId: string, comment: string): Observable<Outcome> {
    return this.http.post<Outcome>(this.url(dialogueId, '/return'), { comment });
  }

  versions(dialogueId: string): Observable<OutcomeVersion[]> {
    return this.http.get<OutcomeVersion[]>(this.url(dialogueId, '/versions'));
  }

  /** What changed since the last submission (the API's defaults) or between two versions. */
  diff(dialogueId: string, range: { from?: number; to?: number } = {}): Observable<OutcomeDiff> {
    let params = new HttpParams();
    if (range.from !== undefined) params = params.set('from', range.from);
    if (range.to !== undefined) params = params.set('to', range.to);
    return this.http.get<OutcomeDiff>(this.url(dialogueId, '/diff'), { params });
  }

  search(query: ListRecommendationsRequest): Observable<Page<PublishedRecommendation>> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== null && value !== '') params = params.set(key, String(value));
    }
    return this.http.get<Page<PublishedRecommendation>>('/api/v1/recommendations', { params });
  }

  recommendation(reference: string): Observable<PublishedRecommendation> {
    return this.http.get<PublishedRecommendation>(`/api/v1/recommendations/${encodeURIComponent(reference)}`);
  }
}
