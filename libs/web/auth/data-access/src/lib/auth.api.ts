import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ChangePasswordRequest,
  ConfirmPasswordResetRequest,
  Language,
  LoginRequest,
  LoginResponse,
  RequestPasswordResetRequest,
  User,
} from '@gfmd/contracts';
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

  /** The signed-in person changes their own password. */
  changePassword(currentPassword: string, newPassword: string): Observable<void> {
    const body: ChangePasswordRequest = { currentPassword, newPassword };
    return this.http.post<void>('/api/v1/auth/password', body);
  }

  /** Asks for a reset link (answered 202 whatever the email). */
  requestPasswordReset(email: string, language: Language): Observable<void> {
    const body: RequestPasswordResetRequest = { email, language };
    return this.http.post<void>('/api/v1/auth/password-reset', body);
  }

  /** Sets a password from an emailed link (invitation or reset). */
  confirmPasswordReset(token: string, password: string): Observable<void> {
    const body: ConfirmPasswordResetRequest = { token, password };
    return this.http.post<void>('/api/v1/auth/password-reset/confirm', body);
  }
}
