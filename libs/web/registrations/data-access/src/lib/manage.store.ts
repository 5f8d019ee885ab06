import { Injectable, computed, inject, signal } from '@angular/core';
import type {
  AgendaItem,
  Dialogue,
  ManageView,
  ProblemDetails,
  Question,
  Space,
  UpdateManagedRegistrationRequest,
} from '@gfmd/contracts';
import { catchError, firstValueFrom, forkJoin, of } from 'rxjs';
import { DialoguesApi } from '@gfmd/web-dialogues-data-access';
import { toProblem } from '@gfmd/web-shared-util-http';
import { RegistrationsApi } from './registrations.api';

interface ManageState {
  token: string | null;
  registration: ManageView | null;
  dialogue: Dialogue | null;
  spaces: Space[];
  agenda: AgendaItem[];
  /** The dialogue's own questions (the person's answers are editable on the page). */
  questions: Question[];
  loading: boolean;
  saving: boolean;
  problem: ProblemDetails | null;
}

/** The participant's own registration, reached through the secret manage link. */
@Injectable()
export class ManageStore {
  private readonly api = inject(RegistrationsApi);
  private readonly dialogues = inject(DialoguesApi);
  private readonly state = signal<ManageState>({
    token: null,
    registration: null,
    dialogue: null,
    spaces: [],
    agenda: [],
    questions: [],
    loading: false,
    saving: false,
    problem: null,
  });

  readonly registration = computed(() => this.state().registration);
  readonly dialogue = computed(() => this.state().dialogue);
  readonly spaces = computed(() => this.state().spaces);
  readonly questions = computed(() => this.state().questions);
  readonly loading = computed(() => this.state().loading);
  readonly saving = computed(() => this.state().saving);
  readonly problem = computed(() => this.state().problem);
  readonly isActive = computed(() => {
    const status = this.state().registration?.status;
    return status !== undefined && status !== 'cancelled' && status !== 'declined';
  });

  /** The dialogue has a published agenda (whatever this person's places). */
  readonly hasAgenda = computed(() => this.state().agenda.length > 0);

  /** Items for everyone plus those of the spaces where this person's place is confirmed. */
  readonly personalAgenda = computed(() => {
    const registration = this.state().registration;
    if (!registration) {
      return [];
    }
    const mySpaces = new Set(registration.spaces.filter((s) => s.status === 'confirmed').map((s) => s.spaceId));
    return this.state()
      .agenda.filter((item) => !item.spaceId || mySpaces.has(item.spaceId))
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  });

  async load(token: string): Promise<void> {
    this.state.set({ ...this.state(), token, registration: null, loading: true, problem: null });
    try {
      const registration = await firstValueFrom(this.api.manage(token));
      const { dialogue, spaces, agenda, questions } = await firstValueFrom(
        forkJoin({
          dialogue: registration.dialogue
            ? of(registration.dialogue)
            : this.dialogues.dialogue(registration.dialogueId),
          spaces: this.dialogues.spaces(registration.dialogueId).pipe(catchError(() => of<Space[]>([]))),
          agenda: this.dialogues.agenda(registration.dialogueId).pipe(catchError(() => of<AgendaItem[]>([]))),
          questions: this.api.questions(registration.dialogueId).pipe(catchError(() => of<Question[]>([]))),
        }),
      );
      this.state.update((s) => ({ ...s, registration, dialogue, spaces, agenda, questions, loading: false }));
    } catch (error) {
      this.state.update((s) => ({ ...s, loading: false, problem: toProblem(error) }));
    }
  }

  /** Saves changes; answers the problem (if any) so the form can map it onto its fields. */
  async update(patch: UpdateManagedRegistrationRequest): Promise<ProblemDetails | null> {
    const token = this.state().token;
    if (!token) {
      return null;
    }
    this.state.update((s) => ({ ...s, saving: true }));
    try {
      const registration = await firstValueFrom(this.api.updateManaged(token, patch));
      this.state.update((s) => ({ ...s, registration: { ...s.registration, ...registration }, saving: false }));
      return null;
    } catch (error) {
      this.state.update((s) => ({ ...s, saving: false }));
      return toProblem(error);
    }
  }

  async cancel(): Promise<ProblemDetails | null> {
    const token = this.state().token;
    if (!token) {
      return null;
    }
    this.state.update((s) => ({ ...s, saving: true }));
    try {
      const registration = await firstValueFrom(this.api.cancelManaged(token));
      this.state.update((s) => ({
        ...s,
        registration: s.registration ? { ...s.registration, ...registration, status: 'cancelled' } : null,
        saving: false,
      }));
      return null;
    } catch (error) {
      this.state.update((s) => ({ ...s, saving: false }));
      return toProblem(error);
    }
  }

  icsUrl(): string {
    const token = this.state().token;
    return token ? this.api.manageIcsUrl(token) : '';
  }
}
