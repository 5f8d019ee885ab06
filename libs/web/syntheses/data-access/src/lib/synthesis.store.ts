import { HttpErrorResponse } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import {
  READER_LANGUAGES,
  type ContentTranslations,
  type ProblemDetails,
  type Subscriber,
  type Synthesis,
  type SynthesisRecommendation,
  type SynthesisSection,
  type SynthesisTarget,
} from '@gfmd/contracts';
import { toProblem } from '@gfmd/web-shared-util-http';
import { firstValueFrom } from 'rxjs';
import { SynthesesApi } from './syntheses.api';
import { moveItem, moveReference } from './sections.util';

/** The builder's working copy: what the organizer edits before saving. */
export interface SynthesisDraft {
  introduction: string;
  /** The introduction in other languages than English, its source (docs/i18n.md). */
  translations: ContentTranslations<'introduction'>;
  /** `YYYY-MM-DD` or '' for the default (7 days before the start). */
  dueDate: string;
  sections: SynthesisSection[];
}

/** The introduction's translations to send: each of the five languages other than English, trimmed (`""` removes one). */
export function introductionTranslations(
  value: ContentTranslations<'introduction'>,
): ContentTranslations<'introduction'> {
  const out: ContentTranslations<'introduction'> = {};
  for (const language of READER_LANGUAGES) {
    if (language !== 'en') out[language] = { introduction: (value[language]?.introduction ?? '').trim() };
  }
  return out;
}

/**
 * One synthesis in the console builder: the saved copy, the draft being edited (sections,
 * order, introduction, due date), the candidate recommendations, saving with the version read
 * (a stale save is reported), publishing, and the subscribers the organizers keep. Provide it in the page.
 */
@Injectable()
export class SynthesisStore {
  private readonly api = inject(SynthesesApi);
  private readonly savedState = signal<Synthesis | null>(null);
  private readonly draftState = signal<SynthesisDraft>({
    introduction: '',
    translations: {},
    dueDate: '',
    sections: [],
  });
  private readonly candidatesState = signal<SynthesisRecommendation[]>([]);
  private readonly subscribersState = signal<Subscriber[]>([]);
  private readonly busyState = signal(false);
  private readonly problemState = signal<ProblemDetails | null>(null);
  private readonly staleState = signal(false);
  private target: SynthesisTarget = 'informal-sessions';
  private id = '';

  readonly saved = this.savedState.asReadonly();
  readonly draft = this.draftState.asReadonly();
  readonly candidates = this.candidatesState.asReadonly();
  readonly subscribers = this.subscribersState.asReadonly();
  readonly busy = this.busyState.asReadonly();
  readonly problem = this.problemState.asReadonly();
  /** the last save met a newer version: reload to see it */
  readonly stale = this.staleState.asReadonly();
  readonly byReference = computed(() => new Map(this.candidatesState().map((r) => [r.reference, r])));
  readonly unused = computed(() => {
    const used = new Set(this.draftState().sections.flatMap((s) => s.references));
    return this.candidatesState().filter((r) => !used.has(r.reference));
  });

  async load(target: SynthesisTarget, id: string): Promise<void> {
    this.target = target;
    this.id = id;
    this.problemState.set(null);
    this.staleState.set(false);
    try {
      const [synthesis, candidates, subscribers] = await Promise.all([
        firstValueFrom(this.api.get(target, id)),
        firstValueFrom(this.api.candidates(target, id)),
        firstValueFrom(this.api.subscribers(target, id)),
      ]);
      this.savedState.set(synthesis);
      this.candidatesState.set(candidates);
      this.subscribersState.set(subscribers);
      this.draftState.set({
        introduction: synthesis.introduction,
        translations: { ...(synthesis.translations ?? {}) },
        dueDate: synthesis.dueAtSet ? synthesis.dueAt.slice(0, 10) : '',
        sections: synthesis.sections.map((s) => ({ ...s, references: [...s.references] })),
      });
    } catch (error) {
      this.problemState.set(toProblem(error));
    }
  }

  update(patch: Partial<SynthesisDraft>): void {
    this.draftState.update((d) => ({ ...d, ...patch }));
  }

  addSection(): void {
    this.update({
      sections: [...this.draftState().sections, { title: null, themeId: null, kind: null, references: [] }],
    });
  }

  removeSection(index: number): void {
    this.update({ sections: this.draftState().sections.filter((_, i) => i !== index) });
  }

  changeSection(index: number, patch: Partial<SynthesisSection>): void {
    this.update({ sections: this.draftState().sections.map((s, i) => (i === index ? { ...s, ...patch } : s)) });
  }

  moveSection(from: number, to: number): void {
    this.update({ sections: moveItem(this.draftState().sections, from, to) });
  }

  include(reference: string, section: number): void {
    const sections = this.draftState().sections.length ? this.draftState().sections : [{ references: [] }];
    this.update({
      sections: sections.map((s, i) => (i === section ? { ...s, references: [...s.references, reference] } : s)),
    });
  }

  exclude(section: number, index: number): void {
    this.update({
      sections: this.draftState().sections.map((s, i) =>
        i === section ? { ...s, references: s.references.filter((_, j) => j !== index) } : s,
      ),
    });
  }

  move(from: { section: number; index: number }, to: { section: number; index: number }): void {
    this.update({ sections: moveReference(this.draftState().sections, from, to) });
  }

  async save(): Promise<boolean> {
    const d = this.draftState();
    return this.run(async () => {
      const saved = await firstValueFrom(
        this.api.put(this.target, this.id, {
          introduction: d.introduction,
          translations: introductionTranslations(d.translations),
          dueAt: d.dueDate ? new Date(`${d.dueDate}T00:00:00Z`).toISOString() : null,
          sections: d.sections,
          version: this.savedState()?.version ?? 0,
        }),
      );
      this.savedState.set(saved);
    });
  }

  async publish(): Promise<boolean> {
    return this.run(async () => this.savedState.set(await firstValueFrom(this.api.publish(this.target, this.id))));
  }

  async addSubscribers(emails: string[]): Promise<boolean> {
    return this.run(async () => {
      await firstValueFrom(this.api.addSubscribers(this.target, this.id, emails));
      this.subscribersState.set(await firstValueFrom(this.api.subscribers(this.target, this.id)));
    });
  }

  async removeSubscriber(subscriberId: string): Promise<boolean> {
    return this.run(async () => {
      await firstValueFrom(this.api.removeSubscriber(subscriberId));
      this.subscribersState.update((list) => list.filter((s) => s.id !== subscriberId));
    });
  }

  private async run(work: () => Promise<void>): Promise<boolean> {
    this.busyState.set(true);
    this.problemState.set(null);
    this.staleState.set(false);
    try {
      await work();
      return true;
    } catch (error) {
      if (error instanceof HttpErrorResponse && error.status === 409 && /stale-version/.test(String(error.error?.type)))
        this.staleState.set(true);
      this.problemState.set(toProblem(error));
      return false;
    } finally {
      this.busyState.set(false);
    }
  }
}
