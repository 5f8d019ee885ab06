import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSelect } from '@angular/material/select';
import {
  SPACE_ACCESS,
  SPACE_KINDS,
  STAKEHOLDER_GROUPS,
  type CreateSpaceRequest,
  type ReaderLanguage,
  type Space,
  type SpaceAccess,
  type SpaceKind,
  type StakeholderGroup,
  type User,
} from '@gfmd/contracts';
import { StaffStore } from '@gfmd/web-auth-data-access';
import { DialogueStore } from '@gfmd/web-dialogues-data-access';
import {
  SPACE_DESCRIPTION_MAX_LENGTH,
  SPACE_NAME_MAX_LENGTH,
  spaceTranslatedFields,
  splitList,
} from '@gfmd/web-dialogues-ui/space-fields';
import { EmptyStateComponent, FieldErrorPipe, ProblemAlertComponent } from '@gfmd/web-shared-ui';
import { TranslationDraft, TranslationFieldsComponent } from '@gfmd/web-shared-ui/translation-fields';
import {
  ContentMessageComponent,
  I18n,
  LabelPipe,
  LocalNumberPipe,
  TranslatePipe,
  contentMessage,
  type ContentMessage,
} from '@gfmd/web-shared-util-i18n';
import { applyProblemToForm } from '@gfmd/web-shared-util-http';
import { submitState } from '@gfmd/web-shared-util-state';

/** Spaces of a dialogue with their coordinators, access rule and rooms. */
@Component({
  selector: 'gfmd-spaces-editor-page',
  imports: [
    ReactiveFormsModule,
    MatFormField,
    MatLabel,
    MatError,
    MatHint,
    MatInput,
    MatSelect,
    MatOption,
    MatButton,
    EmptyStateComponent,
    ProblemAlertComponent,
    FieldErrorPipe,
    TranslatePipe,
    LabelPipe,
    LocalNumberPipe,
    TranslationFieldsComponent,
    ContentMessageComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './spaces-editor.page.scss',
  templateUrl: './spaces-editor.page.html',
})
export class SpacesEditorPage {
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly i18n = inject(I18n);
  private readonly staff = inject(StaffStore);
  private readonly document = inject(DOCUMENT);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  /** the form's directive: resetting through it also forgets the last submit attempt */
  private readonly formDirective = viewChild.required(FormGroupDirective);
  protected readonly store = inject(DialogueStore);

  protected readonly kinds = SPACE_KINDS;
  protected readonly accessRules = SPACE_ACCESS;
  protected readonly groups = STAKEHOLDER_GROUPS;

  /** Coordinator accounts, when the API lists users to this caller; otherwise ids are typed. */
  protected readonly coordinators = signal<User[] | null>(null);
  protected readonly usersById = computed(() => new Map((this.coordinators() ?? []).map((u) => [u.id, u])));
  protected readonly editing = signal<Space | null>(null);
  private readonly submission = submitState<ContentMessage>();
  protected readonly busy = this.submission.submitting;
  protected readonly problem = this.submission.problem;
  protected readonly unmatched = signal<string[]>([]);
  protected readonly message = this.submission.done;

  protected readonly form = this.fb.group({
    name: ['', [Validators.required, Validators.maxLength(SPACE_NAME_MAX_LENGTH)]],
    kind: this.fb.control<SpaceKind>('plenary', Validators.required),
    coordinatingGroup: this.fb.control<StakeholderGroup | ''>(''),
    coordinatorUserIds: this.fb.control<string[]>([]),
    coordinatorIdsText: [''],
    capacity: this.fb.control<number | null>(null, Validators.min(1)),
    access: this.fb.control<SpaceAccess>('open', Validators.required),
    allowedGroups: this.fb.control<StakeholderGroup[]>([]),
    description: ['', Validators.maxLength(SPACE_DESCRIPTION_MAX_LENGTH)],
    rooms: [''],
  });
  protected readonly formValue = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });
  /** The dialogue's languages (the first: the one name and description are written in). */
  protected readonly contentLanguages = computed<ReaderLanguage[]>(() => this.store.dialogue()?.languages ?? ['en']);
  protected readonly translatedFields = computed(() => spaceTranslatedFields((key) => this.i18n.t(key)));
  /** The translations as stored (the space opened), and as typed. */
  protected readonly translations = new TranslationDraft();

  protected readonly access = toSignal(this.form.controls.access.valueChanges, { initialValue: 'open' as SpaceAccess });

  constructor() {
    void this.loadCoordinators();
  }

  protected coordinatorNames(space: Space): string {
    const users = this.usersById();
    return space.coordinatorUserIds.map((id) => users.get(id)?.name ?? id).join(', ') || this.i18n.t('common.none');
  }

  protected edit(space: Space): void {
    this.editing.set(space);
    this.translations.open(space.translations);
    this.submission.reset();
    this.formDirective().resetForm({
      name: space.name,
      kind: space.kind,
      coordinatingGroup: space.coordinatingGroup ?? '',
      coordinatorUserIds: space.coordinatorUserIds,
      coordinatorIdsText: space.coordinatorUserIds.join(', '),
      capacity: space.capacity ?? null,
      access: space.access,
      allowedGroups: space.allowedGroups ?? [],
      description: space.description ?? '',
      rooms: (space.rooms ?? []).join(', '),
    });
    setTimeout(() => this.document.getElementById('space-form-heading')?.focus());
  }

  protected startNew(): void {
    this.editing.set(null);
    this.submission.reset();
    this.clearForm();
    setTimeout(() => this.document.getElementById('space-form-heading')?.focus());
  }

  protected async save(): Promise<void> {
    this.unmatched.set([]);
    if (!this.store.dialogue() || !this.submission.begin(this.form, this.host.nativeElement)) {
      return;
    }
    const v = this.form.getRawValue();
    const body: CreateSpaceRequest = {
      name: v.name.trim(),
      kind: v.kind,
      coordinatingGroup: v.coordinatingGroup || null,
      coordinatorUserIds: this.coordinators() ? v.coordinatorUserIds : splitList(v.coordinatorIdsText),
      capacity: v.capacity === null || `${v.capacity}` === '' ? null : Number(v.capacity),
      access: v.access,
      allowedGroups: v.access === 'group_only' ? v.allowedGroups : null,
      description: v.description.trim() || null,
      rooms: splitList(v.rooms),
      translations: this.translations.toSend(this.contentLanguages(), ['name', 'description']),
    };
    const creating = this.editing() === null;
    const outcome = await this.submission.run(() => this.store.saveSpace(this.editing()?.id ?? null, body));
    if (outcome.ok && creating) {
      // Ready for the next space: an empty form, focus on its first field.
      this.clearForm();
      this.message.set(this.named('spaces.added', outcome.value));
      this.focusAfterRender('input[formcontrolname=name]');
    } else if (outcome.ok) {
      this.editing.set(outcome.value);
      this.translations.open(outcome.value.translations);
      this.message.set(this.named('spaces.saved', outcome.value));
      this.focusAfterRender('#space-save');
    } else {
      this.unmatched.set(applyProblemToForm(this.form, outcome.problem));
    }
  }

  /** Back to a new space's defaults, with no error showing (the last submit attempt forgotten too). */
  private clearForm(): void {
    this.formDirective().resetForm();
    this.translations.open();
  }

  /**
   * A sentence naming a space (the form's heading, "<space> is saved"): the name as edited, in the
   * dialogue's first language, marked on a page in another.
   */
  protected named(key: 'spaces.added' | 'spaces.saved' | 'spaces.editing', space: Space): ContentMessage {
    return contentMessage(this.i18n, key, {}, { param: 'name', text: space.name, lang: this.contentLanguages()[0] });
  }

  /** The save button was disabled while saving, which drops the focus: put it somewhere useful. */
  private focusAfterRender(selector: string): void {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(selector)?.focus(), {
      injector: this.injector,
    });
  }

  private async loadCoordinators(): Promise<void> {
    this.coordinators.set(await this.staff.coordinators());
  }
}
