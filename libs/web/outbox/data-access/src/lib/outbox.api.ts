import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { EmailKind, EmailStatus, OutboundEmail, Page } from '@gfmd/contracts';
import type { Observable } from 'rxjs';
import { toParams } from '@gfmd/web-registrations-data-access';

export interface OutboxQuery {
  status?: EmailStatus | '';
  kind?: EmailKind | '';
  page?: number;
  pageSize?: number;
}

@Injectable({ providedIn: 'root' })
export class OutboxApi {
  private readonly http = inject(HttpClient);

  list(query: OutboxQuery): Observable<Page<OutboundEmail>> {
    return this.http.get<Page<OutboundEmail>>('/api/v1/outbox', { params: toParams(query) });
  }

  retry(id: string): Observable<unknown> {
    return this.http.post(`/api/v1/outbox/${encodeURIComponent(id)}/retry`, {});
  }
}
