import { Injectable, computed, inject, signal } from '@angular/core';
import {
  type CreateDialogueRequest,
  type Dialogue,
  dialoguesBySession,
  type InformalSession,
  type ProblemDetails,
  type Theme,
} from '@gfmd/contracts';
import { firstValueFrom, forkJoin } from 'rxjs';
import { AuthStore } from '@gfmd/web-auth-data-access';
import { toProblem } from '@gfmd/web-shared-util-http';
import { DialoguesApi } from './dialogues.api';

export interface DialogueFilters {
  themeId?: string;
  informalSessionId?: string;
}

export interface SessionGroup {
  /** undefined when a dialogue's session is unknown to us */
  session: InformalSession | undefined;
  dialogues: Dialogue[];
}

interface CatalogState {
  themes: Theme[];
  sessions: InformalSession[];
  dialogues: Dialogue[];
  loading: boolean;
  loaded: boolean;
  problem: ProblemDetails | null;
}

/**
 * The public catalogue: themes, informal sessions and the dialogues the caller may see
 * (published only for visitors, all for staff). Shared by the list, timeline and console.
 */
@Injectable({ providedIn: 'root' })
export class CatalogStore {
  private readonly api = inject(DialoguesApi);
  private readonly auth = inject(AuthStore);
  /** the token the catalogue was loaded with: staff see drafts, visitors do not */
  private loadedWith: string | null | undefined;
  private readonly state = signal<CatalogState>({
    themes: [],
    sessions: [],
    dialogues: [],
    loading: false,
    loaded: false,
    problem: null,
  });
  private pending: Promise<void> | undefined;

  readonly themes = computed(() => this.state().themes);
  readonly sessions = computed(() => [...this.state().sessions].sort((a, b) => a.number - b.number));
  readonly dialogues = computed(() => this.state().dialogues);
  readonly loading = computed(() => this.state().loading);
  readonly loaded = computed(() => this.state().loaded);
  readonly problem = computed(() => this.state().problem);

  readonly themesById = computed(() => new Map(this.state().themes.map((t) => [t.id, t])));
  readonly sessionsById = computed(() => new Map(this.state().sessions.map((s) => [s.id, s])));

  /** Loads once; `force` reloads (after sign-in, or after an edit in the console). */
  load(force = false): Promise<void> {
    if (this.state().loaded && this.loadedWith !== this.auth.token()) {
      force = true;
    }
    if (this.pending && !force) {
      return this.pending;
    }
    if (this.state().loaded && !force) {
      return Promise.resolve();
    }
    this.pending = this.fetch().finally(() => (this.pending = undefined));
    return this.pending;
  }

  /** Dialogues matching the filters, grouped under their informal session in session order (`dialoguesBySession`). */
  grouped(filters: DialogueFilters): SessionGroup[] {
    return dialoguesBySession(this.dialogues(), this.state().sessions, filters);
  }

  /** Keeps the catalogue in step after a console edit without a full reload. */
  /** Creates (no id) or updates a dialogue; the catalogue shows it at once. */
  async saveDialogue(id: string | null, input: CreateDialogueRequest): Promise<Dialogue> {
    const saved = await firstValueFrom(id ? this.api.updateDialogue(id, input) : this.api.createDialogue(input));
    this.upsertDialogue(saved);
    return saved;
  }

  async publishDialogue(id: string): Promise<Dialogue> {
    const saved = await firstValueFrom(this.api.publish(id));
    this.upsertDialogue(saved);
    return saved;
  }

  /** Registration closes; publishing again (publishDialogue) reopens it. */
  async closeRegistration(id: string): Promise<Dialogue> {
    const saved = await firstValueFrom(this.api.closeRegistration(id));
    this.upsertDialogue(saved);
    return saved;
  }

  async cancelDialogue(id: string): Promise<Dialogue> {
    const saved = await firstValueFrom(this.api.cancel(id));
    this.upsertDialogue(saved);
    return saved;
  }

  upsertDialogue(dialogue: Dialogue): void {
    this.state.update((s) => ({
      ...s,
      dialogues: s.dialogues.some((d) => d.id === dialogue.id)
        ? s.dialogues.map((d) => (d.id === dialogue.id ? dialogue : d))
        : [...s.dialogues, dialogue],
    }));
  }

  private async fetch(): Promise<void> {
    this.state.update((s) => ({ ...s, loading: true, problem: null }));
    this.loadedWith = this.auth.token();
    try {
      const { themes, sessions, dialogues } = await firstValueFrom(
        forkJoin({ themes: this.api.themes(), sessions: this.api.informalSessions(), dialogues: this.api.dialogues() }),
      );
      this.state.set({ themes, sessions, dialogues, loading: false, loaded: true, problem: null });
    } catch (error) {
      this.state.update((s) => ({ ...s, loading: false, problem: toProblem(error) }));
    }
  }
}
