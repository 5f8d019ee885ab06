import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import {
  type FormArray,
  type FormGroup,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
  type FormControl,
} from '@angular/forms';
import { MatAutocomplete, MatAutocompleteTrigger } from '@angular/material/autocomplete';
import { MatButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatOption } from '@angular/material/core';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSelect } from '@angular/material/select';
import {
  AGENDA_ITEM_KINDS,
  SPEAKER_ROLES,
  type AgendaItem,
  type AgendaItemKind,
  type ProblemDetails,
  type SendPreview,
  type SpeakerRole,
} from '@gfmd/contracts';
import { firstValueFrom } from 'rxjs';
import { CatalogStore } from '../../dialogues/data-access/catalog.store';
import { DialogueStore } from '../../dialogues/data-access/dialogue.store';
import { type AgendaItemInput, DialoguesApi } from '../../dialogues/data-access/dialogues.api';
import { FieldErrorPipe, ProblemAlertComponent } from '../../shared/ui';
import { ConfirmService } from '../../shared/ui/confirm.service';
import { I18n, LabelPipe, LocalDatePipe, TranslatePipe } from '../../shared/util-i18n';
import { applyProblemToForm, toProblem } from '../../shared/util-http';
import {
  fromZonedLocalInput,
  toZonedLocalInput,
  zonedDateKey,
  zonedDaysBetween,
} from '../../shared/util-time/zoned-time.util';
import { type AgendaClash, findClashes } from '../data-access/agenda-clash.util';
import { type GridGrouping, buildAgendaGrid } from './agenda-grid.util';

type SpeakerForm = FormGroup<{
  name: FormControl<string>;
  organization: FormControl<string>;
  role: FormControl<SpeakerRole>;
}>;

const pad = (n: number): string => String(n).padStart(2, '0');
const hhmm = (minutes: number): string => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;

/**
 * Day grid of a dialogue's agenda by space or room. Items are edited beside the grid; clashes
 * (same space, same room, a speaker in two places) are found before saving, and the server's
 * 409 is shown if it still disagrees.
 */
@Component({
  selector: 'gfmd-agenda-builder-page',
  imports: [
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
    MatButtonToggleGroup,
    MatButtonToggle,
    ProblemAlertComponent,
    FieldErrorPipe,
    TranslatePipe,
    LabelPipe,
    LocalDatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './agenda-builder.page.scss',
  templateUrl: './agenda-builder.page.html',
})
export class AgendaBuilderPage {
  private readonly api = inject(DialoguesApi);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly confirm = inject(ConfirmService);
  private readonly document = inject(DOCUMENT);
  protected readonly i18n = inject(I18n);
  protected readonly store = inject(DialogueStore);
  protected readonly catalog = inject(CatalogStore);

  /** set for a coordinator: only this space's items are shown and edited */
  readonly spaceId = input<string>();

  protected readonly kinds = AGENDA_ITEM_KINDS;
  protected readonly roles = SPEAKER_ROLES;
  protected readonly hhmm = hhmm;

  protected readonly grouping = signal<GridGrouping>('space');
  protected readonly selectedDay = signal<string>('');
  protected readonly editing = signal<AgendaItem | null>(null);
  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly unmatched = signal<string[]>([]);
  protected readonly message = signal('');
  protected readonly showClashes = signal(false);

  protected readonly form = this.fb.group({
    title: ['', [Validators.required, Validators.maxLength(300)]],
    kind: this.fb.control<AgendaItemKind>('panel', Validators.required),
    spaceId: [''],
    room: ['', Validators.maxLength(100)],
    day: ['', Validators.required],
    start: ['09:00', Validators.required],
    end: ['10:00', Validators.required],
    description: ['', Validators.maxLength(4000)],
    themeIds: this.fb.control<string[]>([]),
    speakers: this.fb.array<SpeakerForm>([]),
  });
  private readonly formValue = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });

  protected readonly timeZone = computed(() => this.store.dialogue()?.timeZone ?? 'UTC');
  protected readonly days = computed(() => {
    const d = this.store.dialogue();
    return d ? zonedDaysBetween(d.startsAt, d.endsAt, d.timeZone) : [];
  });
  protected readonly editableSpaces = computed(() => {
    const only = this.spaceId();
    return only ? this.store.spaces().filter((s) => s.id === only) : this.store.spaces();
  });
  protected readonly grid = computed(() => {
    const only = this.spaceId();
    const items = only ? this.store.agenda().filter((i) => i.spaceId === only) : this.store.agenda();
    return buildAgendaGrid(
      items,
      this.editableSpaces(),
      this.selectedDay(),
      this.timeZone(),
      only ? 'space' : this.grouping(),
      !only,
    );
  });
  protected readonly rooms = computed(() => {
    const all = [...this.store.spaces().flatMap((s) => s.rooms ?? []), ...this.store.agenda().map((i) => i.room ?? '')];
    return [...new Set(all.map((r) => r.trim()).filter(Boolean))].sort();
  });
  protected readonly spacesById = computed(() => new Map(this.store.spaces().map((s) => [s.id, s])));

  /** Clashes of the item being edited, recomputed as the organizer types. */
  protected readonly clashes = computed<AgendaClash[]>(() => {
    const v = this.formValue();
    const candidate = this.candidateTimes(v.day ?? '', v.start ?? '', v.end ?? '');
    if (!candidate) {
      return [];
    }
    return findClashes(
      {
        id: this.editing()?.id,
        ...candidate,
        spaceId: v.spaceId || null,
        room: v.room ?? null,
        speakers: (v.speakers ?? []).map((s) => ({ name: s.name ?? '', role: s.role ?? 'speaker' })),
      },
      this.store.agenda(),
    );
  });
  /** Items already in conflict with another one (highlighted in the grid). */
  protected readonly clashingIds = computed(() => {
    const ids = new Set<string>();
    const items = this.store.agenda();
    for (const item of items) {
      if (findClashes(item, items).length) {
        ids.add(item.id);
      }
    }
    return ids;
  });

  constructor() {
    void this.catalog.load();
    effect(() => {
      const days = this.days();
      if (days.length && !days.includes(untracked(() => this.selectedDay()))) {
        untracked(() => {
          this.selectedDay.set(days[0]);
          this.form.controls.day.setValue(days[0]);
        });
      }
    });
  }

  protected get speakers(): FormArray<SpeakerForm> {
    return this.form.controls.speakers;
  }

  protected addSpeaker(name = '', organization = '', role: SpeakerRole = 'speaker'): void {
    this.speakers.push(
      this.fb.group({
        name: [name, [Validators.required, Validators.maxLength(200)]],
        organization: [organization, Validators.maxLength(200)],
        role: this.fb.control<SpeakerRole>(role),
      }),
    );
  }

  protected removeSpeaker(index: number): void {
    this.speakers.removeAt(index);
  }

  protected selectDay(day: string): void {
    this.selectedDay.set(day);
  }

  /** Space and room, read after the visible time and title of an item in the grid. */
  protected itemContext(item: AgendaItem): string {
    const space = item.spaceId ? this.spacesById().get(item.spaceId)?.name : this.i18n.t('agenda.forEveryone');
    return [space, item.room].filter(Boolean).join(', ');
  }

  protected edit(item: AgendaItem): void {
    const tz = this.timeZone();
    this.editing.set(item);
    this.problem.set(null);
    this.message.set('');
    this.showClashes.set(false);
    this.speakers.clear();
    item.speakers.forEach((s) => this.addSpeaker(s.name, s.organization ?? '', s.role));
    const start = toZonedLocalInput(item.startsAt, tz);
    const end = toZonedLocalInput(item.endsAt, tz);
    this.form.reset({
      title: item.title,
      kind: item.kind,
      spaceId: item.spaceId ?? '',
      room: item.room ?? '',
      day: start.slice(0, 10),
      start: start.slice(11, 16),
      end: end.slice(11, 16),
      description: item.description ?? '',
      themeIds: item.themeIds ?? [],
      speakers: item.speakers.map((s) => ({ name: s.name, organization: s.organization ?? '', role: s.role })),
    });
    this.focusForm();
  }

  /** A new item, optionally starting in a given column at a given time. */
  protected startNew(columnKey = '', startMinutes = 9 * 60): void {
    this.editing.set(null);
    this.problem.set(null);
    this.message.set('');
    this.showClashes.set(false);
    this.speakers.clear();
    const byRoom = this.grouping() === 'room';
    const room = byRoom ? (this.grid().columns.find((c) => c.key === columnKey)?.label ?? '') : '';
    this.form.reset({
      title: '',
      kind: 'panel',
      spaceId: this.spaceId() ?? (byRoom ? '' : columnKey),
      room,
      day: this.selectedDay(),
      start: hhmm(startMinutes),
      end: hhmm(Math.min(startMinutes + 60, 24 * 60 - 1)),
      description: '',
      themeIds: [],
      speakers: [],
    });
    this.focusForm();
  }

  protected async save(): Promise<void> {
    this.problem.set(null);
    this.unmatched.set([]);
    this.message.set('');
    const dialogue = this.store.dialogue();
    if (!dialogue) {
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    const times = this.candidateTimes(v.day, v.start, v.end);
    if (!times) {
      this.form.controls.end.setErrors({ endBeforeStart: true });
      this.form.controls.end.markAsTouched();
      return;
    }
    if (this.clashes().length) {
      this.showClashes.set(true);
      this.document.getElementById('clash-list')?.focus();
      return;
    }
    const body: AgendaItemInput = {
      title: v.title.trim(),
      kind: v.kind,
      spaceId: v.spaceId || null,
      room: v.room.trim() || null,
      ...times,
      description: v.description.trim() || null,
      themeIds: v.themeIds,
      speakers: v.speakers.map((s) => ({
        name: s.name.trim(),
        organization: s.organization.trim() || null,
        role: s.role,
      })),
    };
    this.busy.set(true);
    try {
      const current = this.editing();
      const saved = current
        ? await firstValueFrom(this.api.updateAgendaItem(current.id, body))
        : await firstValueFrom(this.api.createAgendaItem(dialogue.id, body));
      this.store.setAgenda([...this.store.agenda().filter((i) => i.id !== saved.id), saved]);
      this.editing.set(saved);
      this.selectedDay.set(zonedDateKey(saved.startsAt, this.timeZone()));
      this.message.set(this.i18n.t('agendaBuilder.saved', { title: saved.title }));
    } catch (error) {
      const problem = toProblem(error);
      this.problem.set(problem);
      this.unmatched.set(applyProblemToForm(this.form, problem));
    } finally {
      this.busy.set(false);
    }
  }

  protected async remove(): Promise<void> {
    const current = this.editing();
    if (!current) {
      return;
    }
    const ok = await this.confirm.ask({
      title: this.i18n.t('agendaBuilder.deleteTitle'),
      message: this.i18n.t('agendaBuilder.deleteMessage', { title: current.title }),
      confirm: this.i18n.t('common.delete'),
      cancel: this.i18n.t('common.cancel'),
      destructive: true,
    });
    if (!ok) {
      return;
    }
    this.busy.set(true);
    try {
      await firstValueFrom(this.api.deleteAgendaItem(current.id));
      this.store.setAgenda(this.store.agenda().filter((i) => i.id !== current.id));
      this.startNew();
      this.message.set(this.i18n.t('agendaBuilder.deleted', { title: current.title }));
    } catch (error) {
      this.problem.set(toProblem(error));
    } finally {
      this.busy.set(false);
    }
  }

  protected async sendAgenda(): Promise<void> {
    const dialogue = this.store.dialogue();
    if (!dialogue) {
      return;
    }
    let preview: SendPreview;
    try {
      preview = await firstValueFrom(this.api.previewAgendaSend(dialogue.id));
    } catch (error) {
      this.problem.set(toProblem(error));
      return;
    }
    const ok = await this.confirm.ask({
      title: this.i18n.t('agendaBuilder.sendTitle'),
      message: `${this.i18n.t('agendaBuilder.sendMessage')} ${this.i18n.sendPreview(preview)}`,
      confirm: this.i18n.t('agendaBuilder.send'),
      cancel: this.i18n.t('common.cancel'),
    });
    if (!ok) {
      return;
    }
    try {
      await firstValueFrom(this.api.sendAgenda(dialogue.id));
      this.message.set(this.i18n.t('agendaBuilder.sent'));
    } catch (error) {
      this.problem.set(toProblem(error));
    }
  }

  protected clashText(clash: AgendaClash): string {
    const when = `${this.i18n.formatDate(clash.other.startsAt, 'time', this.timeZone())}–${this.i18n.formatDate(clash.other.endsAt, 'time', this.timeZone())}`;
    switch (clash.kind) {
      case 'space':
        return this.i18n.t('agendaBuilder.clashSpace', { title: clash.other.title, when });
      case 'room':
        return this.i18n.t('agendaBuilder.clashRoom', { title: clash.other.title, when, room: clash.subject ?? '' });
      case 'speaker':
        return this.i18n.t('agendaBuilder.clashSpeaker', { title: clash.other.title, when, name: clash.subject ?? '' });
    }
  }

  private candidateTimes(day: string, start: string, end: string): { startsAt: string; endsAt: string } | null {
    if (!day || !start || !end || end <= start) {
      return null;
    }
    const tz = this.timeZone();
    return { startsAt: fromZonedLocalInput(`${day}T${start}`, tz), endsAt: fromZonedLocalInput(`${day}T${end}`, tz) };
  }

  private focusForm(): void {
    setTimeout(() => this.document.getElementById('item-form-heading')?.focus());
  }
}
