import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  PutSynthesisRequest,
  SubscribeRequest,
  Subscriber,
  Synthesis,
  SynthesisDue,
  SynthesisRecommendation,
  SynthesisTarget,
} from '@gfmd/contracts';
import type { Observable } from 'rxjs';

/** The synthesis of an informal session or milestone (docs/syntheses.md), its subscribers and the links of their emails. */
@Injectable({ providedIn: 'root' })
export class SynthesesApi {
  private readonly http = inject(HttpClient);

  private url(target: SynthesisTarget, id: string, tail = ''): string {
    return `/api/v1/${target}/${encodeURIComponent(id)}/synthesis${tail}`;
  }

  get(target: SynthesisTarget, id: string): Observable<Synthesis> {
    return this.http.get<Synthesis>(this.url(target, id));
  }

  put(target: SynthesisTarget, id: string, body: PutSynthesisRequest): Observable<Synthesis> {
    return this.http.put<Synthesis>(this.url(target, id), body);
  }

  publish(target: SynthesisTarget, id: string): Observable<Synthesis> {
    return this.http.post<Synthesis>(this.url(target, id, '/publish'), {});
  }

  candidates(target: SynthesisTarget, id: string): Observable<SynthesisRecommendation[]> {
    return this.http.get<SynthesisRecommendation[]>(this.url(target, id, '/candidates'));
  }

  subscribers(target: SynthesisTarget, id: string): Observable<Subscriber[]> {
    return this.http.get<Subscriber[]>(this.url(target, id, '/subscribers'));
  }

  addSubscribers(
    target: SynthesisTarget,
    id: string,
    emails: string[],
  ): Observable<{ added: Subscriber[]; skipped: number }> {
    return this.http.post<{ added: Subscriber[]; skipped: number }>(this.url(target, id, '/subscribers'), {
      subscribers: emails.map((email) => ({ email })),
    });
  }

  removeSubscriber(subscriberId: string): Observable<void> {
    return this.http.delete<void>(`/api/v1/subscribers/${encodeURIComponent(subscriberId)}`);
  }

  subscribe(target: SynthesisTarget, id: string, body: SubscribeRequest): Observable<{ status: 'pending' }> {
    return this.http.post<{ status: 'pending' }>(this.url(target, id, '/subscribe'), body);
  }

  /** The working copy as a PDF (staff: sent with the sign-in token, which a plain link would not carry). */
  preview(target: SynthesisTarget, id: string, lang: string): Observable<Blob> {
    return this.http.get(`/api/v1/${target}/${encodeURIComponent(id)}/synthesis.pdf`, {
      params: { preview: 'true', lang },
      responseType: 'blob',
    });
  }

  /** The due dates of a process's syntheses (late and missing ones flagged). */
  dues(processId: string): Observable<SynthesisDue[]> {
    return this.http.get<SynthesisDue[]>(`/api/v1/processes/${encodeURIComponent(processId)}/syntheses`);
  }

  /** The confirm or unsubscribe link of an email. */
  follow(token: string, action: 'confirm' | 'unsubscribe'): Observable<{ status: string }> {
    return this.http.post<{ status: string }>(
      `/api/v1/synthesis-subscriptions/${encodeURIComponent(token)}/${action}`,
      {},
    );
  }
}
