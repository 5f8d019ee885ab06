import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CreateWebhookRequest,
  Page,
  UpdateWebhookRequest,
  WebhookCreated,
  WebhookDelivery,
  WebhookSubscription,
} from '@gfmd/contracts';
import type { Observable } from 'rxjs';

/** Webhook subscriptions and their delivery log (admins; docs/webhooks.md). */
@Injectable({ providedIn: 'root' })
export class WebhooksApi {
  private readonly http = inject(HttpClient);
  private readonly base = '/api/v1/webhooks';
  private readonly one = (id: string) => `${this.base}/${encodeURIComponent(id)}`;

  list(): Observable<WebhookSubscription[]> {
    return this.http.get<WebhookSubscription[]>(this.base);
  }

  create(body: CreateWebhookRequest): Observable<WebhookCreated> {
    return this.http.post<WebhookCreated>(this.base, body);
  }

  update(id: string, body: UpdateWebhookRequest): Observable<WebhookSubscription> {
    return this.http.patch<WebhookSubscription>(this.one(id), body);
  }

  remove(id: string): Observable<void> {
    return this.http.delete<void>(this.one(id));
  }

  rotateSecret(id: string): Observable<WebhookCreated> {
    return this.http.post<WebhookCreated>(`${this.one(id)}/secret`, {});
  }

  test(id: string): Observable<WebhookDelivery> {
    return this.http.post<WebhookDelivery>(`${this.one(id)}/test`, {});
  }

  deliveries(id: string, page: number, pageSize: number): Observable<Page<WebhookDelivery>> {
    const params = new HttpParams().set('page', page).set('pageSize', pageSize);
    return this.http.get<Page<WebhookDelivery>>(`${this.one(id)}/deliveries`, { params });
  }

  replay(id: string, deliveryId: string): Observable<WebhookDelivery> {
    return this.http.post<WebhookDelivery>(`${this.one(id)}/deliveries/${encodeURIComponent(deliveryId)}/replay`, {});
  }
}
