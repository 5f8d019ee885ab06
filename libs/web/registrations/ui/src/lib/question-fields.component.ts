import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { FormControl, FormRecord, ReactiveFormsModule } from '@angular/forms';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import type { Answer, Question, QuestionOption, ReaderLanguage } from '@gfmd/contracts';
import { FieldErrorPipe } from '@gfmd/web-shared-ui';
import { ContentLangDirective, TranslatePipe, type UiLanguage } from '@gfmd/web-shared-util-i18n';
import { LONG_TEXT_MAX_LENGTH, TEXT_MAX_LENGTH, labelFor } from './question-form.util';

/**
 * The organizer's own questions of a dialogue as form fields, labels in the page's language (else
 * the dialogue's languages in order, the fallback marked with `lang`/`dir`):
 * `questions` are the ones asked (see syncAnswerControls, which keeps `controls` in step).
 * Choices and checkboxes are grouped with their question as the group's name; every field has
 * its error under it. The host is `display: contents`.
 */
@Component({
  selector: 'gfmd-question-fields',
  imports: [
    ReactiveFormsModule,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatRadioGroup,
    MatRadioButton,
    MatCheckbox,
    FieldErrorPipe,
    TranslatePipe,
    ContentLangDirective,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { style: 'display: contents' },
  styles: `
    .question {
      margin: 0 0 1rem;
    }
    .question__label {
      display: block;
      margin-bottom: 0.25rem;
    }
    .question__options {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
    }
    .question__error {
      color: var(--mat-sys-error, #b3261e);
      font-size: 0.875rem;
      margin: 0.25rem 0 0;
    }
  `,
  template: `
    @for (q of questions(); track q.key) {
      @let control = controls().controls[q.key];
      @let id = idPrefix() + q.key;
      @let l = label(q);
      @if (control) {
        @switch (q.type) {
          @case ('text') {
            <mat-form-field class="gfmd-full">
              <mat-label
                ><span [gfmdContentLang]="l.lang">{{ l.text }}</span>
                @if (!q.required) {
                  ({{ 'common.optional' | t }})
                }
              </mat-label>
              <input matInput [id]="id" [formControl]="$any(control)" [required]="q.required" [maxlength]="textMax" />
              <mat-error>{{ control | fieldError }}</mat-error>
            </mat-form-field>
          }
          @case ('long_text') {
            <mat-form-field class="gfmd-full">
              <mat-label
                ><span [gfmdContentLang]="l.lang">{{ l.text }}</span>
                @if (!q.required) {
                  ({{ 'common.optional' | t }})
                }
              </mat-label>
              <textarea
                matInput
                rows="3"
                [id]="id"
                [formControl]="$any(control)"
                [required]="q.required"
                [maxlength]="longTextMax"
              ></textarea>
              <mat-error>{{ control | fieldError }}</mat-error>
            </mat-form-field>
          }
          @case ('date') {
            <mat-form-field class="gfmd-full">
              <mat-label
                ><span [gfmdContentLang]="l.lang">{{ l.text }}</span>
                @if (!q.required) {
                  ({{ 'common.optional' | t }})
                }
              </mat-label>
              <input matInput type="date" [id]="id" [formControl]="$any(control)" [required]="q.required" />
              <mat-hint>{{ 'question.dateHint' | t }}</mat-hint>
              <mat-error>{{ control | fieldError }}</mat-error>
            </mat-form-field>
          }
          @case ('checkbox') {
            <div class="question">
              <mat-checkbox
                [id]="id"
                [formControl]="$any(control)"
                [required]="q.required"
                [attr.aria-describedby]="control.touched && control.invalid ? id + '-error' : null"
              >
                <span [gfmdContentLang]="l.lang">{{ l.text }}</span>
                @if (!q.required) {
                  ({{ 'common.optional' | t }})
                }
              </mat-checkbox>
              @if (control.touched && control.invalid) {
                <p class="question__error" [id]="id + '-error'" role="alert">{{ control | fieldError }}</p>
              }
            </div>
          }
          @case ('single_choice') {
            <div class="question">
              <span class="question__label" [id]="id + '-label'"
                ><span [gfmdContentLang]="l.lang">{{ l.text }}</span>
                @if (!q.required) {
                  ({{ 'common.optional' | t }})
                }
              </span>
              <mat-radio-group
                class="question__options"
                [formControl]="$any(control)"
                [attr.aria-labelledby]="id + '-label'"
                [attr.aria-required]="q.required"
                [attr.aria-describedby]="control.touched && control.invalid ? id + '-error' : null"
                [attr.data-question]="q.key"
              >
                @for (o of q.options ?? []; track o.value) {
                  @let ol = option(o);
                  <mat-radio-button [value]="o.value"
                    ><span [gfmdContentLang]="ol.lang">{{ ol.text }}</span></mat-radio-button
                  >
                }
              </mat-radio-group>
              @if (control.touched && control.invalid) {
                <p class="question__error" [id]="id + '-error'" role="alert">{{ control | fieldError }}</p>
              }
            </div>
          }
          @case ('multi_choice') {
            <div
              class="question"
              role="group"
              [attr.aria-labelledby]="id + '-label'"
              [attr.aria-describedby]="control.touched && control.invalid ? id + '-error' : null"
              [attr.data-question]="q.key"
            >
              <span class="question__label" [id]="id + '-label'"
                ><span [gfmdContentLang]="l.lang">{{ l.text }}</span>
                @if (!q.required) {
                  ({{ 'common.optional' | t }})
                }
              </span>
              <div class="question__options">
                @for (o of q.options ?? []; track o.value) {
                  @let ol = option(o);
                  <mat-checkbox
                    [checked]="isChosen(control.value, o.value)"
                    (change)="toggle(control, o.value, $event.checked)"
                  >
                    <span [gfmdContentLang]="ol.lang">{{ ol.text }}</span>
                  </mat-checkbox>
                }
              </div>
              @if (control.touched && control.invalid) {
                <p class="question__error" [id]="id + '-error'" role="alert">{{ control | fieldError }}</p>
              }
            </div>
          }
        }
      }
    }
  `,
})
export class QuestionFieldsComponent {
  /** The questions asked, in order. */
  readonly questions = input.required<Question[]>();
  /** One control per asked question, by key. */
  readonly controls = input.required<FormRecord<FormControl<Answer>>>();
  readonly language = input.required<UiLanguage>();
  /** The dialogue's languages, the first the source: where a label falls back (else the server's choice). */
  readonly languages = input<readonly ReaderLanguage[]>([]);
  /** Prefix of the fields' ids (two forms on a page need different ones). */
  readonly idPrefix = input('question-');

  protected readonly textMax = TEXT_MAX_LENGTH;
  protected readonly longTextMax = LONG_TEXT_MAX_LENGTH;

  protected label(q: Question): { text: string; lang: ReaderLanguage | null } {
    return labelFor(q, this.language(), this.languages()) ?? { text: q.key, lang: null };
  }

  protected option(o: QuestionOption): { text: string; lang: ReaderLanguage | null } {
    return labelFor(o, this.language(), this.languages()) ?? { text: o.value, lang: null };
  }

  protected isChosen(value: Answer, option: string): boolean {
    return Array.isArray(value) && value.includes(option);
  }

  protected toggle(control: FormControl<Answer>, option: string, checked: boolean): void {
    const current = Array.isArray(control.value) ? control.value.filter((v) => v !== option) : [];
    control.setValue(checked ? [...current, option] : current);
    control.markAsDirty();
    control.markAsTouched();
  }
}
