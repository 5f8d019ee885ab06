import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CreateDelegationRequest,
  DelegateRequest,
  Delegation,
  FocalPointView,
  ImportDelegationsRequest,
  ImportDelegationsResult,
  Page,
} from '@gfmd/contracts';
import type { Observable } from 'rxjs';

/** HTTP edge of the focal point's page (public: the token is the key). */
@Injectable({ providedIn: 'root' })
export class FocalPointApi {
  private readonly http = inject(HttpClient);
  private readonly base = '/api/v1/delegations/manage';

  view(token: string): Observable<FocalPointView> {
    return this.http.get<FocalPointView>(`${this.base}/${encodeURIComponent(token)}`);
  }

  add(token: string, delegate: DelegateRequest): Observable<FocalPointView> {
    return this.http.post<FocalPointView>(`${this.base}/${encodeURIComponent(token)}/delegates`, delegate);
  }

  replace(token: string, registrationId: string, delegate: DelegateRequest): Observable<FocalPointView> {
    return this.http.post<FocalPointView>(
      `${this.base}/${encodeURIComponent(token)}/delegates/${encodeURIComponent(registrationId)}/replace`,
      delegate,
    );
  }

  withdraw(token: string, registrationId: string): Observable<FocalPointView> {
    return this.http.delete<FocalPointView>(
      `${this.base}/${encodeURIComponent(token)}/delegates/${encodeURIComponent(registrationId)}`,
    );
  }
}

/** HTTP edge of the organizers' delegations (staff token added by the app's interceptor). */
@Injectable({ providedIn: 'root' })
export class DelegationsApi {
  private readonly http = inject(HttpClient);
  private readonly base = '/api/v1';

  list(dialogueId: string): Observable<Page<Delegation>> {
    return this.http.get<Page<Delegation>>(`${this.base}/dialogues/${encodeURIComponent(dialogueId)}/delegations`);
  }

  create(dialogueId: string, body: CreateDelegationRequest): Observable<Delegation> {
    return this.http.post<Delegation>(`${this.base}/dialogues/${encodeURIComponent(dialogueId)}/delegations`, body);
  }

  release(id: string): Observable<Delegation> {
    return this.http.post<Delegation>(`${this.base}/delegations/${encodeURIComponent(id)}/release`, {});
  }

  import(dialogueId: string, body: ImportDelegationsRequest): Observable<ImportDelegationsResult> {
    return this.http.post<ImportDelegationsResult>(
      `${this.base}/dialogues/${encodeURIComponent(dialogueId)}/delegations/import`,
      body,
    );
  }
}
