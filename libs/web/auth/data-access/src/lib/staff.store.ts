import { Injectable, inject } from '@angular/core';
import type { User } from '@gfmd/contracts';
import { catchError, firstValueFrom, of } from 'rxjs';
import { UsersApi } from './users.api';

/** Staff accounts, as far as the API lists them to the caller. */
@Injectable({ providedIn: 'root' })
export class StaffStore {
  private readonly users = inject(UsersApi);

  /** Coordinator accounts; null when the caller may not list users (ids are then typed). */
  async coordinators(): Promise<User[] | null> {
    const users = await firstValueFrom(this.users.list().pipe(catchError(() => of(null))));
    return users ? users.filter((u) => u.role === 'coordinator') : null;
  }
}
