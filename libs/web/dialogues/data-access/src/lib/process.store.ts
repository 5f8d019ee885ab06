import { Injectable, computed, inject, signal } from '@angular/core';
import type {
  AffectedDialogue,
  CreateInformalSessionRequest,
  CreateMilestoneRequest,
  CreatePhaseRequest,
  CreateProcessRequest,
  CreateThemeRequest,
  Dialogue,
  InformalSession,
  Milestone,
  Phase,
  ProblemDetails,
  Process,
  ProcessTimeline,
  Theme,
  UpdateInformalSessionRequest,
} from '@gfmd/contracts';
import { toProblem } from '@gfmd/web-shared-util-http';
import { firstValueFrom } from 'rxjs';
import { CatalogStore } from './catalog.store';
import { ProcessesApi } from './processes.api';

/** A session whose dates changed: the dialogues ahead of it and what the organizer chose for each. */
export interface SessionMove {
  session: InformalSession;
  /** Whole minutes the session's start moved by (what "move by the same amount" shifts a dialogue by). */
  byMinutes: number;
  dialogues: (AffectedDialogue & { choice: 'pending' | 'kept' | 'moved' })[];
}

const byStart = <T extends { startsAt: string }>(a: T, b: T) => a.startsAt.localeCompare(b.startsAt);

/**
 * The console's processes: the list, and one process's calendar (phases, milestones, themes,
 * informal sessions, dialogues) being edited. After a session's dates change, `move` holds the
 * dialogues ahead of it until the organizer keeps or shifts each one: nothing moves on its own.
 */
@Injectable({ providedIn: 'root' })
export class ProcessStore {
  private readonly api = inject(ProcessesApi);
  private readonly catalog = inject(CatalogStore);

  readonly processes = signal<Process[]>([]);
  readonly timeline = signal<ProcessTimeline | null>(null);
  readonly loading = signal(false);
  readonly problem = signal<ProblemDetails | null>(null);
  readonly move = signal<SessionMove | null>(null);

  readonly process = computed(() => this.timeline()?.process ?? null);
  readonly phases = computed(() => [...(this.timeline()?.phases ?? [])].sort(byStart));
  readonly milestones = computed(() => [...(this.timeline()?.milestones ?? [])].sort(byStart));
  readonly themes = computed(() => this.timeline()?.themes ?? []);
  readonly sessions = computed(() => [...(this.timeline()?.sessions ?? [])].sort((a, b) => a.number - b.number));

  async loadList(): Promise<void> {
    await this.loading$(async () => this.processes.set(await firstValueFrom(this.api.processes())));
  }

  async load(processId: string): Promise<void> {
    if (this.timeline()?.process.id !== processId) {
      this.timeline.set(null);
      this.move.set(null);
    }
    await this.loading$(async () => this.timeline.set(await firstValueFrom(this.api.timeline(processId))));
  }

  async createProcess(input: CreateProcessRequest): Promise<Process> {
    const created = await firstValueFrom(this.api.createProcess(input));
    this.processes.update((list) => [...list, created].sort(byStart));
    return created;
  }

  async updateProcess(input: Partial<CreateProcessRequest>): Promise<void> {
    const id = this.requireId();
    const saved = await firstValueFrom(this.api.updateProcess(id, input));
    const { phases: _p, milestones: _m, ...head } = saved;
    this.patch((t) => ({ ...t, process: head }));
    this.processes.update((list) => list.map((p) => (p.id === saved.id ? saved : p)));
  }

  async savePhase(phaseId: string | null, input: CreatePhaseRequest): Promise<Phase> {
    const saved = await firstValueFrom(
      phaseId ? this.api.updatePhase(phaseId, input) : this.api.addPhase(this.requireId(), input),
    );
    this.patch((t) => ({ ...t, phases: upsert(t.phases, saved) }));
    return saved;
  }

  async deletePhase(phaseId: string): Promise<void> {
    await firstValueFrom(this.api.deletePhase(phaseId));
    this.patch((t) => ({ ...t, phases: t.phases.filter((p) => p.id !== phaseId) }));
  }

  async saveMilestone(milestoneId: string | null, input: CreateMilestoneRequest): Promise<Milestone> {
    const saved = await firstValueFrom(
      milestoneId ? this.api.updateMilestone(milestoneId, input) : this.api.addMilestone(this.requireId(), input),
    );
    this.patch((t) => ({ ...t, milestones: upsert(t.milestones, saved) }));
    return saved;
  }

  async deleteMilestone(milestoneId: string): Promise<void> {
    await firstValueFrom(this.api.deleteMilestone(milestoneId));
    this.patch((t) => ({ ...t, milestones: t.milestones.filter((m) => m.id !== milestoneId) }));
  }

  async saveTheme(themeId: string | null, input: CreateThemeRequest): Promise<Theme> {
    const saved = await firstValueFrom(themeId ? this.api.updateTheme(themeId, input) : this.api.createTheme(input));
    this.patch((t) => ({ ...t, themes: upsert(t.themes, saved) }));
    void this.catalog.load(true);
    return saved;
  }

  /** Creates or changes a session; a change of its dates opens `move` with the dialogues ahead of it. */
  async saveSession(
    sessionId: string | null,
    input: CreateInformalSessionRequest & UpdateInformalSessionRequest,
  ): Promise<InformalSession> {
    if (!sessionId) {
      const created = await firstValueFrom(this.api.createSession(this.requireId(), input));
      this.patch((t) => ({ ...t, sessions: upsert(t.sessions, created) }));
      void this.catalog.load(true);
      return created;
    }
    const before = this.timeline()?.sessions.find((s) => s.id === sessionId);
    const { affectedDialogues, ...saved } = await firstValueFrom(this.api.updateSession(sessionId, input));
    this.patch((t) => ({ ...t, sessions: upsert(t.sessions, saved) }));
    void this.catalog.load(true);
    const byMinutes = before ? Math.round((Date.parse(saved.startsAt) - Date.parse(before.startsAt)) / 60_000) : 0;
    this.move.set(
      affectedDialogues.length
        ? { session: saved, byMinutes, dialogues: affectedDialogues.map((d) => ({ ...d, choice: 'pending' })) }
        : null,
    );
    return saved;
  }

  /** The organizer keeps a dialogue where it is. */
  keep(dialogueId: string): void {
    this.choose(dialogueId, 'kept');
  }

  /** The organizer moves a dialogue by the session's move (POST /dialogues/:id/shift). */
  async shift(dialogueId: string): Promise<Dialogue> {
    const move = this.move();
    if (!move || !move.byMinutes) throw new Error('no session move to follow');
    const moved = await firstValueFrom(this.api.shiftDialogue(dialogueId, move.byMinutes));
    this.choose(dialogueId, 'moved');
    this.patch((t) => ({ ...t, dialogues: upsert(t.dialogues, moved) }));
    this.catalog.upsertDialogue(moved);
    return moved;
  }

  closeMove(): void {
    this.move.set(null);
  }

  private choose(dialogueId: string, choice: 'kept' | 'moved'): void {
    this.move.update((m) =>
      m ? { ...m, dialogues: m.dialogues.map((d) => (d.id === dialogueId ? { ...d, choice } : d)) } : m,
    );
  }

  private requireId(): string {
    const id = this.timeline()?.process.id;
    if (!id) throw new Error('no process loaded');
    return id;
  }

  private patch(change: (t: ProcessTimeline) => ProcessTimeline): void {
    this.timeline.update((t) => (t ? change(t) : t));
  }

  private async loading$(work: () => Promise<void>): Promise<void> {
    this.loading.set(true);
    this.problem.set(null);
    try {
      await work();
    } catch (error) {
      this.problem.set(toProblem(error));
    } finally {
      this.loading.set(false);
    }
  }
}

function upsert<T extends { id: string }>(list: T[], item: T): T[] {
  return list.some((x) => x.id === item.id) ? list.map((x) => (x.id === item.id ? item : x)) : [...list, item];
}
