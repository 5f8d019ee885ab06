import { ChangeDetectionStrategy, Component, computed, inject, input, output, viewChild } from '@angular/core';
import { FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatAutocomplete, MatAutocompleteTrigger } from '@angular/material/autocomplete';
import { MatButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSelect } from '@angular/material/select';
import {
  AGENDA_ITEM_KINDS,
  SPEAKER_ROLES,
  type AgendaItem,
  type ProblemDetails,
  type ReaderLanguage,
  type Space,
  type Theme,
} from '@gfmd/contracts';
import type { AgendaClash } from '@gfmd/web-agenda-util';
import { FieldErrorPipe, ProblemAlertComponent } from '@gfmd/web-shared-ui';
import { TranslationFieldsComponent, type TranslatedField } from '@gfmd/web-shared-ui/translation-fields';
import {
  ContentMessageComponent,
  I18n,
  LabelPipe,
  LocalDatePipe,
  TranslatePipe,
  contentMessage,
  type ContentMessage,
} from '@gfmd/web-shared-util-i18n';
import { type AgendaItemForm, createSpeakerForm } from './agenda-item-form.factory';

/**
 * The form of one agenda item beside the grid: its fields, its speakers, the clashes it would
 * cause (as the organizer types) and the server's problem. The page owns the form and saves it.
 */
@Component({
  selector: 'gfmd-agenda-item-form',
  imports: [
    ContentMessageComponent,
    ReactiveFormsModule,
    MatFormField,
    MatLabel,
    MatError,
    MatInput,
    MatSelect,
    MatOption,
    MatAutocomplete,
    MatAutocompleteTrigger,
    MatButton,
    ProblemAlertComponent,
    FieldErrorPipe,
    TranslatePipe,
    LabelPipe,
    LocalDatePipe,
    TranslationFieldsComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './agenda-item-form.component.scss',
  templateUrl: './agenda-item-form.component.html',
})
export class AgendaItemFormComponent {
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly i18n = inject(I18n);

  readonly form = input.required<AgendaItemForm>();
  /** the item being edited; null for a new one */
  readonly editing = input<AgendaItem | null>(null);
  readonly spaces = input.required<readonly Space[]>();
  /** false for a coordinator, whose items always belong to their space */
  readonly allowEveryone = input(true);
  readonly rooms = input.required<readonly string[]>();
  readonly days = input.required<readonly string[]>();
  readonly themes = input.required<readonly Theme[]>();
  readonly timeZone = input.required<string>();
  readonly clashes = input.required<readonly AgendaClash[]>();
  /** the clashes are announced (role=alert) once a save was refused because of them */
  readonly showClashes = input(false);
  readonly problem = input<ProblemDetails | null>(null);
  readonly unmatched = input<string[]>([]);
  readonly busy = input(false);
  /** The dialogue's languages, the first the one title and description are written in. */
  readonly languages = input<readonly ReaderLanguage[]>(['en']);
  /** The dialogue's source language (its first), English when it lists none. */
  protected readonly sourceLanguage = computed((): ReaderLanguage => this.languages().at(0) ?? 'en');
  protected readonly translatedFields = computed<TranslatedField[]>(() => [
    { key: 'title', label: this.i18n.t('editor.title'), max: 300 },
    { key: 'description', label: this.i18n.t('spaces.description'), max: 5000, multiline: true },
  ]);

  readonly saveRequested = output();
  readonly deleteRequested = output();

  protected readonly kinds = AGENDA_ITEM_KINDS;
  protected readonly roles = SPEAKER_ROLES;

  private readonly formDirective = viewChild(FormGroupDirective);

  /**
   * A fresh start after the page refilled the form (another item, or a new one): the last submit
   * attempt is forgotten, so the errors of empty fields stay hidden until the next one.
   */
  restart(): void {
    const form = this.form();
    this.formDirective()?.resetForm(form.getRawValue());
  }

  protected addSpeaker(): void {
    this.form().controls.speakers.push(createSpeakerForm(this.fb));
  }

  protected removeSpeaker(index: number): void {
    this.form().controls.speakers.removeAt(index);
  }

  /** The other item is named by its own words (the dialogue's first language), marked on a page in another. */
  protected clashText(clash: AgendaClash): ContentMessage {
    const tz = this.timeZone();
    const when = `${this.i18n.formatDate(clash.other.startsAt, 'time', tz)}–${this.i18n.formatDate(clash.other.endsAt, 'time', tz)}`;
    const title = { param: 'title', text: clash.other.title, lang: this.sourceLanguage() };
    switch (clash.kind) {
      case 'space':
        return contentMessage(this.i18n, 'agendaBuilder.clashSpace', { when }, title);
      case 'room':
        return contentMessage(this.i18n, 'agendaBuilder.clashRoom', { when, room: clash.subject ?? '' }, title);
      case 'speaker':
        return contentMessage(this.i18n, 'agendaBuilder.clashSpeaker', { when, name: clash.subject ?? '' }, title);
    }
  }
}
