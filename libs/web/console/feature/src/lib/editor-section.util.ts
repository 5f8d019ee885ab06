import { signal } from '@angular/core';
import type { FormGroup } from '@angular/forms';
import type { ProblemDetails } from '@gfmd/contracts';
import { TranslationDraft } from '@gfmd/web-shared-ui/translation-fields';
import { applyProblemToForm } from '@gfmd/web-shared-util-http';
import { submitState } from '@gfmd/web-shared-util-state';

/**
 * The edit state of one section of the page: which row is being edited, its translations (the
 * record's other languages, docs/i18n.md), its submission, stray errors.
 */
export class EditorSection {
  readonly editing = signal<string | null>(null);
  readonly translations = new TranslationDraft();
  readonly submission = submitState();
  readonly unmatched = signal<string[]>([]);

  fail(form: FormGroup, problem: ProblemDetails): void {
    this.unmatched.set(applyProblemToForm(form, problem));
  }
}
