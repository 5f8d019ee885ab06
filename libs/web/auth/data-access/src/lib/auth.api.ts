import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { LoginRequest, LoginResponse, User } from '@gfmd/contracts';
import type { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly http = inject(HttpClient);

  login(email: string, password: string): Observable<LoginResponse> {
    const body: LoginRequest = { email, password };
    return this.http.post<LoginResponse>('/api/v1/auth/login', body);
  }

  /** Revokes the token the request carries (added by the auth interceptor). */
  logout(): Observable<void> {
    return this.http.post<void>('/api/v1/auth/logout', null);
  }

  me(): Observable<User> {
    return this.http.get<User>('/api/v1/auth/me');
  }
}
