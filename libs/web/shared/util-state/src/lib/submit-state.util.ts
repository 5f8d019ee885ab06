import { type WritableSignal, signal } from '@angular/core';
import type { AbstractControl } from '@angular/forms';
import type { ProblemDetails } from '@gfmd/contracts';
import { toProblem } from '@gfmd/web-shared-util-http';
import { focusFirstInvalid } from './focus-first-invalid.util';

export type SubmitOutcome<T> = { ok: true; value: T } | { ok: false; problem: ProblemDetails };

/**
 * The state every form page keeps about its submission: in flight, the problem of the last
 * attempt, and the confirmation once it is done. Pages may bind or set the signals directly.
 * `Done` is the confirmation's type: text, or a message in parts where it names content in
 * another language than the page's (`ContentMessage` of util-i18n).
 */
export interface SubmitState<Done = string> {
  readonly submitting: WritableSignal<boolean>;
  readonly problem: WritableSignal<ProblemDetails | null>;
  /** the confirmation to announce ('' while there is none) */
  readonly done: WritableSignal<Done | ''>;
  /**
   * Runs one submission: `submitting` while it runs; a failure becomes `problem` (any error,
   * read as problem+json) and is returned rather than thrown.
   */
  run<T>(action: () => Promise<T>): Promise<SubmitOutcome<T>>;
  /** Clears the problem and the confirmation (before a new attempt). */
  reset(): void;
  /**
   * The start of every form's save: clears the last problem and confirmation; when the form is
   * invalid, marks its fields touched, brings the first invalid one under `root` into view with
   * the focus (focusFirstInvalid) and returns false — the caller stops there.
   */
  begin(form: AbstractControl, root: ParentNode): boolean;
}

export function submitState<Done = string>(): SubmitState<Done> {
  const submitting = signal(false);
  const problem = signal<ProblemDetails | null>(null);
  const done = signal<Done | ''>('');
  return {
    submitting,
    problem,
    done,
    async run<T>(action: () => Promise<T>): Promise<SubmitOutcome<T>> {
      submitting.set(true);
      try {
        return { ok: true, value: await action() };
      } catch (error) {
        const p = toProblem(error);
        problem.set(p);
        return { ok: false, problem: p };
      } finally {
        submitting.set(false);
      }
    },
    reset(): void {
      problem.set(null);
      done.set('');
    },
    begin(form: AbstractControl, root: ParentNode): boolean {
      problem.set(null);
      done.set('');
      if (!form.invalid) {
        return true;
      }
      form.markAllAsTouched();
      focusFirstInvalid(root);
      return false;
    },
  };
}
