import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Page, User } from '@gfmd/contracts';
import { type Observable, map } from 'rxjs';

/**
 * Staff accounts. `GET /users` is for organizers and admins (docs/http-contract.md): other
 * callers get a 403 and must fall back to typing user ids.
 */
@Injectable({ providedIn: 'root' })
export class UsersApi {
  private readonly http = inject(HttpClient);

  list(): Observable<User[]> {
    return this.http.get<Page<User>>('/api/v1/users').pipe(map((page) => page.items));
  }
}
