import { Injectable, inject, signal } from '@angular/core';
import type { ProblemDetails, Process, ProcessTimeline } from '@gfmd/contracts';
import { ProcessesApi } from '@gfmd/web-dialogues-data-access/processes';
import { toProblem } from '@gfmd/web-shared-util-http';
import { firstValueFrom } from 'rxjs';

const ms = (iso: string) => Date.parse(iso);

/** The process that contains `now`, else the one that started last. */
export function defaultProcess<T extends Pick<Process, 'startsAt' | 'endsAt'>>(
  processes: readonly T[],
  now = Date.now(),
): T | null {
  const current = processes.find((p) => ms(p.startsAt) <= now && now <= ms(p.endsAt));
  if (current) return current;
  return [...processes].sort((a, b) => ms(b.startsAt) - ms(a.startsAt))[0] ?? null;
}

/**
 * The public timeline of one process: the list of processes (for the selector) and the chosen
 * one's calendar from GET /processes/:id/timeline. A slug picks the process; without one, the
 * process under way today, else the latest.
 */
@Injectable({ providedIn: 'root' })
export class ProcessTimelineStore {
  private readonly api = inject(ProcessesApi);

  readonly processes = signal<Process[] | null>(null);
  readonly timeline = signal<ProcessTimeline | null>(null);
  /** true when the slug asked for names no process */
  readonly unknown = signal(false);
  readonly loading = signal(false);
  readonly problem = signal<ProblemDetails | null>(null);

  async load(slug: string | null | undefined, now = Date.now()): Promise<void> {
    this.loading.set(true);
    this.problem.set(null);
    try {
      const processes = this.processes() ?? (await firstValueFrom(this.api.processes()));
      this.processes.set(processes);
      const chosen = slug ? processes.find((p) => p.slug === slug || p.id === slug) : defaultProcess(processes, now);
      this.unknown.set(!!slug && !chosen);
      if (!chosen) {
        this.timeline.set(null);
        return;
      }
      if (this.timeline()?.process.id !== chosen.id) this.timeline.set(null);
      this.timeline.set(await firstValueFrom(this.api.timeline(chosen.id)));
    } catch (error) {
      this.problem.set(toProblem(error));
    } finally {
      this.loading.set(false);
    }
  }

  /** Forget the list so that the next load asks again (retry). */
  reset(): void {
    this.processes.set(null);
  }
}
