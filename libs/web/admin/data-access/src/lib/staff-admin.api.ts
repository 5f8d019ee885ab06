import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AdminPasswordResetRequest,
  AuditEvent,
  InviteUserRequest,
  ListAuditRequest,
  Page,
  UpdateUserRequest,
  User,
} from '@gfmd/contracts';
import type { FilterQuery } from '@gfmd/web-shared-util-http';
import { toParams } from '@gfmd/web-registrations-data-access';
import type { Observable } from 'rxjs';

/** The audit query as the page's filters hold it ('' for "any"). */
export type AuditQuery = FilterQuery<ListAuditRequest>;

/** Staff accounts and the audit log (admins). */
@Injectable({ providedIn: 'root' })
export class StaffAdminApi {
  private readonly http = inject(HttpClient);
  private readonly base = '/api/v1';

  users(): Observable<Page<User>> {
    return this.http.get<Page<User>>(`${this.base}/users`);
  }

  invite(body: InviteUserRequest): Observable<User> {
    return this.http.post<User>(`${this.base}/users/invitations`, body);
  }

  update(id: string, body: UpdateUserRequest): Observable<User> {
    return this.http.patch<User>(`${this.base}/users/${encodeURIComponent(id)}`, body);
  }

  sendPasswordReset(id: string, body: AdminPasswordResetRequest): Observable<void> {
    return this.http.post<void>(`${this.base}/users/${encodeURIComponent(id)}/password-reset`, body);
  }

  audit(query: AuditQuery): Observable<Page<AuditEvent>> {
    return this.http.get<Page<AuditEvent>>(`${this.base}/audit`, { params: toParams(query) });
  }
}
