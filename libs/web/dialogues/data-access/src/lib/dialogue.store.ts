import { Injectable, computed, inject, signal } from '@angular/core';
import type {
  AgendaItem,
  AgendaItemRequest,
  CreateSpaceRequest,
  Dialogue,
  ProblemDetails,
  SendPreview,
  Space,
  UpdateSpaceRequest,
} from '@gfmd/contracts';
import { type Observable, catchError, firstValueFrom, forkJoin, of } from 'rxjs';
import { toProblem } from '@gfmd/web-shared-util-http';
import { DialoguesApi } from './dialogues.api';

interface DialogueState {
  id: string | null;
  dialogue: Dialogue | null;
  spaces: Space[];
  agenda: AgendaItem[];
  loading: boolean;
  problem: ProblemDetails | null;
  /** spaces or agenda could not be loaded (the dialogue itself could) */
  partialProblem: ProblemDetails | null;
}

/** One dialogue with its spaces and agenda. Provide it in the component that shows the dialogue. */
@Injectable()
export class DialogueStore {
  private readonly api = inject(DialoguesApi);
  private readonly state = signal<DialogueState>({
    id: null,
    dialogue: null,
    spaces: [],
    agenda: [],
    loading: false,
    problem: null,
    partialProblem: null,
  });

  readonly dialogue = computed(() => this.state().dialogue);
  readonly spaces = computed(() => this.state().spaces);
  readonly agenda = computed(() =>
    [...this.state().agenda].sort(
      (a, b) => a.startsAt.localeCompare(b.startsAt) || (a.sequence ?? 0) - (b.sequence ?? 0),
    ),
  );
  readonly loading = computed(() => this.state().loading);
  readonly problem = computed(() => this.state().problem);
  readonly partialProblem = computed(() => this.state().partialProblem);
  readonly spacesById = computed(() => new Map(this.state().spaces.map((s) => [s.id, s])));

  /** Registration is open now (status published, inside the registration window), places left or not. */
  readonly registrationOpen = computed(() => {
    const d = this.state().dialogue;
    if (d?.availability) {
      return d.availability === 'open' || d.availability === 'full';
    }
    if (!d || d.status !== 'published') {
      return false;
    }
    const now = Date.now();
    const opens = d.registrationOpensAt ? Date.parse(d.registrationOpensAt) : -Infinity;
    const closes = d.registrationClosesAt ? Date.parse(d.registrationClosesAt) : Date.parse(d.endsAt);
    return now >= opens && now <= closes;
  });

  /** Every place is taken: registering now joins the waiting list. */
  readonly full = computed(() => this.state().dialogue?.availability === 'full');

  async load(id: string): Promise<void> {
    this.state.set({ id, dialogue: null, spaces: [], agenda: [], loading: true, problem: null, partialProblem: null });
    let partialProblem: ProblemDetails | null = null;
    const secondary = (error: unknown) => {
      partialProblem = toProblem(error);
      return of([]);
    };
    try {
      const { dialogue, spaces, agenda } = await firstValueFrom(
        forkJoin({
          dialogue: this.api.dialogue(id),
          // Spaces and agenda are secondary: the page still works without them.
          spaces: this.api.spaces(id).pipe(catchError<Space[], Observable<Space[]>>(secondary)),
          agenda: this.api.agenda(id).pipe(catchError<AgendaItem[], Observable<AgendaItem[]>>(secondary)),
        }),
      );
      if (this.state().id === id) {
        this.state.set({ id, dialogue, spaces, agenda, loading: false, problem: null, partialProblem });
      }
    } catch (error) {
      if (this.state().id === id) {
        this.state.update((s) => ({ ...s, loading: false, problem: toProblem(error) }));
      }
    }
  }

  reload(): Promise<void> {
    const id = this.state().id;
    return id ? this.load(id) : Promise.resolve();
  }

  setDialogue(dialogue: Dialogue): void {
    this.state.update((s) => ({ ...s, dialogue }));
  }

  setSpaces(spaces: Space[]): void {
    this.state.update((s) => ({ ...s, spaces }));
  }

  setAgenda(agenda: AgendaItem[]): void {
    this.state.update((s) => ({ ...s, agenda }));
  }

  /** Creates (no id) or updates a space of this dialogue; the list shows it at once, in place. */
  /**
   * Creates a space (`id` null: every field), or changes some fields of one (a coordinator sends
   * only what they may change: rooms, description, its translations).
   */
  async saveSpace(id: string | null, input: CreateSpaceRequest): Promise<Space>;
  async saveSpace(id: string, input: UpdateSpaceRequest): Promise<Space>;
  async saveSpace(id: string | null, input: UpdateSpaceRequest): Promise<Space> {
    const dialogueId = this.state().dialogue?.id ?? this.state().id ?? '';
    const saved = await firstValueFrom(
      id ? this.api.updateSpace(id, input) : this.api.createSpace(dialogueId, input as CreateSpaceRequest),
    );
    this.state.update((s) => ({
      ...s,
      spaces: id
        ? s.spaces.map((x) => (x.id === saved.id ? saved : x))
        : [...s.spaces.filter((x) => x.id !== saved.id), saved],
    }));
    return saved;
  }

  /** The public calendar file of a dialogue's agenda. */
  agendaIcsUrl(dialogueId: string): string {
    return this.api.agendaIcsUrl(dialogueId);
  }

  /** Creates (no id) or updates an item of this dialogue's agenda; the agenda shows it at once. */
  async saveAgendaItem(id: string | null, input: AgendaItemRequest): Promise<AgendaItem> {
    const dialogueId = this.state().dialogue?.id ?? this.state().id ?? '';
    const saved = await firstValueFrom(
      id ? this.api.updateAgendaItem(id, input) : this.api.createAgendaItem(dialogueId, input),
    );
    this.state.update((s) => ({ ...s, agenda: [...s.agenda.filter((i) => i.id !== saved.id), saved] }));
    return saved;
  }

  async deleteAgendaItem(id: string): Promise<void> {
    await firstValueFrom(this.api.deleteAgendaItem(id));
    this.state.update((s) => ({ ...s, agenda: s.agenda.filter((i) => i.id !== id) }));
  }

  /** Who `sendAgenda` would email and who it would skip, without sending anything. */
  previewAgendaSend(): Promise<SendPreview> {
    const dialogueId = this.state().dialogue?.id ?? this.state().id ?? '';
    return firstValueFrom(this.api.previewAgendaSend(dialogueId));
  }

  /** Mails the agenda to the dialogue's confirmed participants. */
  sendAgenda(): Promise<unknown> {
    const dialogueId = this.state().dialogue?.id ?? this.state().id;
    return dialogueId ? firstValueFrom(this.api.sendAgenda(dialogueId)) : Promise.resolve(null);
  }
}
