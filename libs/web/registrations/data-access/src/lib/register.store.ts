import { Injectable, inject } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type {
  CreateRegistrationRequest,
  ImportRegistrationsReport,
  InvitationPrefill,
  Question,
  RegistrationCreated,
  StaffCreateRegistrationRequest,
} from '@gfmd/contracts';
import { RegistrationsApi } from './registrations.api';

/** A visitor's registration for a dialogue. Provide it in the registration page. */
@Injectable()
export class RegisterStore {
  private readonly api = inject(RegistrationsApi);

  register(dialogueId: string, input: CreateRegistrationRequest): Promise<RegistrationCreated> {
    return firstValueFrom(this.api.register(dialogueId, input));
  }

  /** An organizer registers someone on their behalf (the console's "Add a participant"). */
  registerByStaff(dialogueId: string, input: StaffCreateRegistrationRequest): Promise<RegistrationCreated> {
    return firstValueFrom(this.api.registerByStaff(dialogueId, input));
  }

  /** A CSV import of registrations, or (`dryRun`) its preview. */
  importCsv(dialogueId: string, csv: string, dryRun: boolean): Promise<ImportRegistrationsReport> {
    return firstValueFrom(this.api.importCsv(dialogueId, csv, dryRun));
  }

  /** The dialogue's own questions; none when they cannot be read (the server still checks the answers). */
  async questions(dialogueId: string): Promise<Question[]> {
    try {
      return await firstValueFrom(this.api.questions(dialogueId));
    } catch {
      return [];
    }
  }

  /** What the invitation of a link holds, or null (unknown, used, or the API unreachable): the form stays as it is. */
  async invitation(token: string): Promise<InvitationPrefill | null> {
    try {
      return await firstValueFrom(this.api.invitationPrefill(token));
    } catch {
      return null;
    }
  }
}
