import { Injectable, inject } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { CreateRegistrationRequest, RegistrationCreated } from '@gfmd/contracts';
import { RegistrationsApi } from './registrations.api';

/** A visitor's registration for a dialogue. Provide it in the registration page. */
@Injectable()
export class RegisterStore {
  private readonly api = inject(RegistrationsApi);

  register(dialogueId: string, input: CreateRegistrationRequest): Promise<RegistrationCreated> {
    return firstValueFrom(this.api.register(dialogueId, input));
  }
}
