import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Page, User } from '@gfmd/contracts';
import { type Observable, map } from 'rxjs';
import { itemsOf } from '@gfmd/web-shared-util-http';

/**
 * Staff accounts. `GET /users` is not in the DESIGN §3 contract yet (only POST is):
 * callers must cope with a 403/404 and fall back to typing user ids.
 */
@Injectable({ providedIn: 'root' })
export class UsersApi {
  private readonly http = inject(HttpClient);

  list(): Observable<User[]> {
    return this.http.get<User[] | Page<User>>('/api/v1/users').pipe(map(itemsOf));
  }
}
