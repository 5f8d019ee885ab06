import { DOCUMENT, Injectable, computed, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import type { Role, User } from '@gfmd/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthApi } from './auth.api';

export const TOKEN_STORAGE_KEY = 'gfmd.accessToken';

interface AuthState {
  token: string | null;
  user: User | null;
  /** false until the stored token (if any) has been checked with GET /auth/me */
  ready: boolean;
}

/** Who is signed in. The bearer token lives in sessionStorage (gone when the tab closes). */
@Injectable({ providedIn: 'root' })
export class AuthStore {
  private readonly api = inject(AuthApi);
  private readonly router = inject(Router);
  private readonly storage = inject(DOCUMENT).defaultView?.sessionStorage;
  private readonly state = signal<AuthState>({ token: this.readToken(), user: null, ready: false });
  private restoring: Promise<void> | undefined;

  readonly token = computed(() => this.state().token);
  readonly user = computed(() => this.state().user);
  readonly ready = computed(() => this.state().ready);
  readonly isLoggedIn = computed(() => this.state().user !== null);
  readonly role = computed<Role | null>(() => this.state().user?.role ?? null);
  readonly isAdmin = computed(() => this.role() === 'admin');
  /** admin or organizer: may use the organizer console */
  readonly canOrganize = computed(() => this.role() === 'admin' || this.role() === 'organizer');
  readonly isCoordinator = computed(() => this.role() === 'coordinator');

  /** Checks a token left from earlier in this tab. Safe to call more than once. */
  restore(): Promise<void> {
    this.restoring ??= this.doRestore();
    return this.restoring;
  }

  async login(email: string, password: string): Promise<User> {
    const response = await firstValueFrom(this.api.login(email, password));
    this.writeToken(response.accessToken);
    this.state.set({ token: response.accessToken, user: response.user, ready: true });
    return response.user;
  }

  /**
   * Signs out: the API revokes the token (the request is sent with it before it is forgotten
   * here; a failure changes nothing for the person, the token is gone from this tab anyway).
   */
  logout(): void {
    if (this.state().token) {
      this.api.logout().subscribe({ error: () => undefined });
    }
    this.writeToken(null);
    this.state.set({ token: null, user: null, ready: true });
    void this.router.navigateByUrl('/');
  }

  /** Called by the interceptor when the API answers 401 to a request that carried our token. */
  expire(): void {
    if (!this.state().token) {
      return;
    }
    const returnUrl = this.router.url;
    this.writeToken(null);
    this.state.set({ token: null, user: null, ready: true });
    void this.router.navigate(['/login'], { queryParams: { returnUrl, expired: 1 } });
  }

  hasRole(roles: readonly Role[]): boolean {
    const role = this.role();
    return role !== null && roles.includes(role);
  }

  private async doRestore(): Promise<void> {
    if (!this.state().token) {
      this.state.update((s) => ({ ...s, ready: true }));
      return;
    }
    try {
      const user = await firstValueFrom(this.api.me());
      this.state.update((s) => ({ ...s, user, ready: true }));
    } catch {
      this.writeToken(null);
      this.state.set({ token: null, user: null, ready: true });
    }
  }

  private readToken(): string | null {
    try {
      return this.storage?.getItem(TOKEN_STORAGE_KEY) ?? null;
    } catch {
      return null;
    }
  }

  private writeToken(token: string | null): void {
    try {
      if (token) {
        this.storage?.setItem(TOKEN_STORAGE_KEY, token);
      } else {
        this.storage?.removeItem(TOKEN_STORAGE_KEY);
      }
    } catch {
      // sessionStorage unavailable: the session then lasts as long as the page
    }
  }
}
