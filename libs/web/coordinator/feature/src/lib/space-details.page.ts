import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import type { ContentTranslations, ReaderLanguage, Space, UpdateSpaceRequest } from '@gfmd/contracts';
import { DialogueStore } from '@gfmd/web-dialogues-data-access';
import { FieldErrorPipe, ProblemAlertComponent } from '@gfmd/web-shared-ui';
import { TranslationFieldsComponent, translationsToSend } from '@gfmd/web-shared-ui/translation-fields';
import { SPACE_DESCRIPTION_MAX_LENGTH, spaceTranslatedFields, splitList } from '@gfmd/web-dialogues-ui/space-fields';
import {
  ContentMessageComponent,
  I18n,
  TranslatePipe,
  contentIn,
  contentMessage,
  type ContentMessage,
} from '@gfmd/web-shared-util-i18n';
import { applyProblemToForm } from '@gfmd/web-shared-util-http';
import { submitState } from '@gfmd/web-shared-util-state';

/**
 * What a coordinator may change of their own space (the API allows nothing else): its rooms, its
 * description, and the description in the dialogue's other languages (one tab per language, the
 * shared translation fields). The name and the rules stay the organizers'.
 */
@Component({
  selector: 'gfmd-space-details',
  imports: [
    ReactiveFormsModule,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatButton,
    ProblemAlertComponent,
    FieldErrorPipe,
    TranslatePipe,
    TranslationFieldsComponent,
    ContentMessageComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 id="space-details-heading" tabindex="-1">{{ 'workspace.details' | t }}</h2>
    <p>{{ 'workspace.detailsIntro' | t }}</p>
    <form [formGroup]="form" (ngSubmit)="save()" aria-labelledby="space-details-heading">
      <mat-form-field class="gfmd-full">
        <mat-label>{{ 'spaces.rooms' | t }}</mat-label>
        <input matInput formControlName="rooms" />
        <mat-hint>{{ 'spaces.roomsHint' | t }}</mat-hint>
      </mat-form-field>
      <mat-form-field class="gfmd-full">
        <mat-label>{{ 'spaces.description' | t }} ({{ 'common.optional' | t }})</mat-label>
        <textarea matInput formControlName="description" rows="4" [maxlength]="descriptionMax"></textarea>
        <mat-error>{{ form.controls.description | fieldError }}</mat-error>
      </mat-form-field>
      <gfmd-translation-fields
        [languages]="contentLanguages()"
        [source]="contentLanguages()[0]"
        [fields]="translatedFields()"
        [sourceValues]="sourceValues()"
        [value]="storedTranslations()"
        (valueChange)="typedTranslations = $event"
      />
      <gfmd-problem-alert [problem]="problem()" />
      @if (message(); as m) {
        <p class="gfmd-alert gfmd-alert--ok" role="status"><gfmd-message [message]="m" /></p>
      }
      <div class="gfmd-actions">
        <button mat-flat-button type="submit" id="space-details-save" [disabled]="busy()">
          {{ (busy() ? 'common.saving' : 'common.save') | t }}
        </button>
      </div>
    </form>
  `,
})
export class SpaceDetailsPage {
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly i18n = inject(I18n);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  /** The layout's store (the dialogue and its spaces). */
  protected readonly store = inject(DialogueStore);

  readonly spaceId = input.required<string>();
  protected readonly descriptionMax = SPACE_DESCRIPTION_MAX_LENGTH;

  private readonly submission = submitState<ContentMessage>();
  protected readonly busy = this.submission.submitting;
  protected readonly problem = this.submission.problem;
  protected readonly message = this.submission.done;

  protected readonly form = this.fb.group({
    rooms: [''],
    description: ['', Validators.maxLength(SPACE_DESCRIPTION_MAX_LENGTH)],
  });
  private readonly formValue = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });

  protected readonly space = computed(() => this.store.spaces().find((s) => s.id === this.spaceId()));
  /** The dialogue's languages (the first: the one the description is written in). */
  protected readonly contentLanguages = computed<ReaderLanguage[]>(() => this.store.dialogue()?.languages ?? ['en']);
  protected readonly sourceValues = computed(() => ({ description: this.formValue().description ?? '' }));
  /** The description only: a coordinator translates nothing else of their space. */
  protected readonly translatedFields = computed(() =>
    spaceTranslatedFields((key) => this.i18n.t(key), ['description']),
  );
  /** The translations as stored (reset when the space is loaded or saved), and as typed. */
  protected readonly storedTranslations = signal<ContentTranslations>({});
  protected typedTranslations: ContentTranslations = {};

  constructor() {
    // Fill the form when the space arrives (or another space of the same dialogue is opened).
    let shown: string | null = null;
    effect(() => {
      const space = this.space();
      if (!space || space.id === shown) return;
      shown = space.id;
      untracked(() => this.open(space));
    });
  }

  private open(space: Space): void {
    this.form.reset({ rooms: (space.rooms ?? []).join(', '), description: space.description ?? '' });
    this.typedTranslations = space.translations ?? {};
    this.storedTranslations.set({ ...this.typedTranslations });
  }

  protected async save(): Promise<void> {
    const space = this.space();
    if (!space || !this.submission.begin(this.form, this.host.nativeElement)) return;
    const v = this.form.getRawValue();
    const body: UpdateSpaceRequest = {
      rooms: splitList(v.rooms),
      description: v.description.trim() || null,
      translations: translationsToSend(this.typedTranslations, this.contentLanguages(), ['description']),
    };
    const outcome = await this.submission.run(() => this.store.saveSpace(space.id, body));
    if (outcome.ok) {
      this.open(outcome.value);
      // The space's name in the page's language, else the dialogue's: marked when it is a fallback.
      const name = contentIn(outcome.value, 'name', this.i18n.language(), this.contentLanguages());
      this.message.set(contentMessage(this.i18n, 'spaces.saved', {}, { param: 'name', ...name }));
      // The button was disabled while saving, which drops the focus.
      afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>('#space-details-save')?.focus(), {
        injector: this.injector,
      });
    } else {
      applyProblemToForm(this.form, outcome.problem);
    }
  }
}
