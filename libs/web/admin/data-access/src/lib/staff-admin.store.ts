import { Injectable, computed, inject, signal } from '@angular/core';
import type { InviteUserRequest, Language, ProblemDetails, Role, User } from '@gfmd/contracts';
import { I18n } from '@gfmd/web-shared-util-i18n';
import { toProblem } from '@gfmd/web-shared-util-http';
import { firstValueFrom } from 'rxjs';
import { StaffAdminApi } from './staff-admin.api';

/** The staff list for admins: invite, change role, deactivate or reactivate, send a reset link. */
@Injectable()
export class StaffAdminStore {
  private readonly api = inject(StaffAdminApi);
  private readonly i18n = inject(I18n);
  private readonly usersState = signal<User[] | null>(null);
  private readonly loadingState = signal(false);
  private readonly problemState = signal<ProblemDetails | null>(null);
  private readonly busyState = signal<ReadonlySet<string>>(new Set());

  readonly users = computed(() => this.usersState() ?? []);
  readonly loaded = computed(() => this.usersState() !== null);
  readonly loading = this.loadingState.asReadonly();
  /** The problem of the last load or row action (the invite form keeps its own). */
  readonly problem = this.problemState.asReadonly();
  readonly busy = this.busyState.asReadonly();

  async load(): Promise<void> {
    this.loadingState.set(true);
    this.problemState.set(null);
    try {
      this.usersState.set((await firstValueFrom(this.api.users())).items);
    } catch (error) {
      this.problemState.set(toProblem(error));
    } finally {
      this.loadingState.set(false);
    }
  }

  /** Invites; throws the HTTP error for the form to show. */
  async invite(body: InviteUserRequest): Promise<User> {
    const user = await firstValueFrom(this.api.invite(body));
    this.usersState.update((list) => [...(list ?? []), user].sort((a, b) => this.i18n.compareNames()(a.name, b.name)));
    return user;
  }

  setRole(user: User, role: Role): Promise<boolean> {
    return this.act(user, async () => this.replace(await firstValueFrom(this.api.update(user.id, { role }))));
  }

  setActive(user: User, active: boolean): Promise<boolean> {
    return this.act(user, async () => this.replace(await firstValueFrom(this.api.update(user.id, { active }))));
  }

  sendReset(user: User, language: Language): Promise<boolean> {
    return this.act(user, () => firstValueFrom(this.api.sendPasswordReset(user.id, { language })));
  }

  private replace(user: User): void {
    this.usersState.update((list) => (list ?? []).map((u) => (u.id === user.id ? user : u)));
  }

  /** Runs a row action: true when done; a failure becomes the store's problem. */
  private async act(user: User, action: () => Promise<unknown>): Promise<boolean> {
    this.busyState.update((s) => new Set([...s, user.id]));
    this.problemState.set(null);
    try {
      await action();
      return true;
    } catch (error) {
      this.problemState.set(toProblem(error));
      // A fresh object re-renders the card, so a refused choice (a role) shows the stored value again.
      this.usersState.update((list) => (list ?? []).map((u) => (u.id === user.id ? { ...u } : u)));
      return false;
    } finally {
      this.busyState.update((s) => new Set([...s].filter((id) => id !== user.id)));
    }
  }
}
