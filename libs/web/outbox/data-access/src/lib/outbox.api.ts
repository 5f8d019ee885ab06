import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { DeliverySummary, ListOutboxRequest, OutboundEmail, OutboxSummaryRequest, Page } from '@gfmd/contracts';
import type { Observable } from 'rxjs';
import { toParams } from '@gfmd/web-registrations-data-access';
import type { FilterQuery } from '@gfmd/web-shared-util-http';

/** The outbox query as the page's filters hold it ('' for "any"). */
export type OutboxQuery = FilterQuery<ListOutboxRequest>;

@Injectable({ providedIn: 'root' })
export class OutboxApi {
  private readonly http = inject(HttpClient);

  list(query: OutboxQuery): Observable<Page<OutboundEmail>> {
    return this.http.get<Page<OutboundEmail>>('/api/v1/outbox', { params: toParams(query) });
  }

  /** Counts by delivery status, narrowed like the list (kind, dialogue); cheap enough to poll. */
  summary(query: FilterQuery<OutboxSummaryRequest>): Observable<DeliverySummary> {
    return this.http.get<DeliverySummary>('/api/v1/outbox/summary', { params: toParams(query) });
  }

  retry(id: string): Observable<unknown> {
    return this.http.post(`/api/v1/outbox/${encodeURIComponent(id)}/retry`, {});
  }
}
