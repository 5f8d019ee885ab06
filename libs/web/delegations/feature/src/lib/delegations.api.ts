import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { DelegateRequest, FocalPointView } from '@gfmd/contracts';
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
