import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import type { AgendaItem, AgendaItemRequest, ReaderLanguage, SendPreview, SpeakerRole } from '@gfmd/contracts';
import {
  type AgendaGridSlot,
  AgendaGridComponent,
  AgendaItemFormComponent,
  createAgendaItemForm,
  createSpeakerForm,
} from '@gfmd/web-agenda-ui';
import {
  type AgendaClash,
  type GridGrouping,
  buildAgendaGrid,
  candidateTimes,
  findClashes,
  findClashingIds,
  hhmm,
} from '@gfmd/web-agenda-util';
import { CatalogStore, DialogueStore } from '@gfmd/web-dialogues-data-access';
import { AgendaItemDocumentsComponent } from '@gfmd/web-documents-feature/public';
import { ConfirmService } from '@gfmd/web-shared-ui/confirm';
import { translationsToSend } from '@gfmd/web-shared-ui/translation-fields';
import { applyProblemToForm, toProblem } from '@gfmd/web-shared-util-http';
import { submitState } from '@gfmd/web-shared-util-state';
import {
  ContentMessageComponent,
  I18n,
  LocalDatePipe,
  TranslatePipe,
  contentMessage,
  type ContentMessage,
} from '@gfmd/web-shared-util-i18n';
import { toZonedLocalInput, zonedDateKey, zonedDaysBetween } from '@gfmd/web-shared-util-time';

/**
 * Day grid of a dialogue's agenda by space or room (AgendaGridComponent). Items are edited beside
 * the grid (AgendaItemFormComponent); clashes (same space, same room, a speaker in two places) are
 * found before saving (findClashes), and the server's 409 is shown if it still disagrees.
 */
@Component({
  selector: 'gfmd-agenda-builder-page',
  imports: [
    MatButton,
    MatButtonToggleGroup,
    MatButtonToggle,
    AgendaGridComponent,
    AgendaItemFormComponent,
    TranslatePipe,
    LocalDatePipe,
    AgendaItemDocumentsComponent,
    ContentMessageComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './agenda-builder.page.scss',
  templateUrl: './agenda-builder.page.html',
})
export class AgendaBuilderPage {
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly confirm = inject(ConfirmService);
  private readonly document = inject(DOCUMENT);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  protected readonly i18n = inject(I18n);
  protected readonly store = inject(DialogueStore);
  protected readonly catalog = inject(CatalogStore);

  /** set for a coordinator: only this space's items are shown and edited */
  readonly spaceId = input<string>();

  protected readonly grouping = signal<GridGrouping>('space');
  protected readonly selectedDay = signal<string>('');
  protected readonly editing = signal<AgendaItem | null>(null);
  private readonly submission = submitState<ContentMessage>();
  protected readonly busy = this.submission.submitting;
  protected readonly problem = this.submission.problem;
  protected readonly unmatched = signal<string[]>([]);
  protected readonly message = this.submission.done;
  protected readonly showClashes = signal(false);

  protected readonly form = createAgendaItemForm(this.fb);
  private readonly itemForm = viewChild(AgendaItemFormComponent);
  private readonly formValue = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });

  protected readonly timeZone = computed(() => this.store.dialogue()?.timeZone ?? 'UTC');
  /** The dialogue's languages (the first: the one the items' own words are written in). */
  protected readonly contentLanguages = computed<ReaderLanguage[]>(() => this.store.dialogue()?.languages ?? ['en']);
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
      this.i18n.locale(),
    );
  });
  protected readonly rooms = computed(() => {
    const all = [...this.store.spaces().flatMap((s) => s.rooms ?? []), ...this.store.agenda().map((i) => i.room ?? '')];
    return [...new Set(all.map((r) => r.trim()).filter(Boolean))].sort(this.i18n.compareNames());
  });

  /** Clashes of the item being edited, recomputed as the organizer types. */
  protected readonly clashes = computed<AgendaClash[]>(() => {
    const v = this.formValue();
    const candidate = candidateTimes(v.day ?? '', v.start ?? '', v.end ?? '', this.timeZone());
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
  protected readonly clashingIds = computed(() => findClashingIds(this.store.agenda()));

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

  protected addSpeaker(name = '', organization = '', role: SpeakerRole = 'speaker'): void {
    this.form.controls.speakers.push(createSpeakerForm(this.fb, name, organization, role));
  }

  protected selectDay(day: string): void {
    this.selectedDay.set(day);
  }

  protected edit(item: AgendaItem): void {
    const tz = this.timeZone();
    this.editing.set(item);
    this.problem.set(null);
    this.message.set('');
    this.showClashes.set(false);
    this.form.controls.speakers.clear();
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
      translations: item.translations ?? {},
    });
    this.itemForm()?.restart();
    this.focusForm();
  }

  /** A new item, optionally starting in a given column at a given time. */
  protected startNew({ columnKey, startMinutes }: AgendaGridSlot = { columnKey: '', startMinutes: 9 * 60 }): void {
    this.editing.set(null);
    this.problem.set(null);
    this.message.set('');
    this.showClashes.set(false);
    this.form.controls.speakers.clear();
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
      translations: {},
    });
    this.itemForm()?.restart();
    this.focusForm();
  }

  protected async save(): Promise<void> {
    this.unmatched.set([]);
    if (!this.store.dialogue() || !this.submission.begin(this.form, this.host.nativeElement)) {
      return;
    }
    const v = this.form.getRawValue();
    const times = candidateTimes(v.day, v.start, v.end, this.timeZone());
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
    const body: AgendaItemRequest = {
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
      translations: translationsToSend(v.translations, this.contentLanguages(), ['title', 'description']),
    };
    const outcome = await this.submission.run(() => this.store.saveAgendaItem(this.editing()?.id ?? null, body));
    if (outcome.ok) {
      const saved = outcome.value;
      this.editing.set(saved);
      this.selectedDay.set(zonedDateKey(saved.startsAt, this.timeZone()));
      this.message.set(this.titled('agendaBuilder.saved', saved));
      // Save was disabled while saving, which dropped the focus: give it back.
      this.focusAfterRender('gfmd-agenda-item-form button[type=submit]');
    } else {
      this.unmatched.set(applyProblemToForm(this.form, outcome.problem));
    }
  }

  protected async remove(): Promise<void> {
    const current = this.editing();
    if (!current) {
      return;
    }
    const ok = await this.confirm.ask({
      title: this.i18n.t('agendaBuilder.deleteTitle'),
      message: this.titled('agendaBuilder.deleteMessage', current),
      confirm: this.i18n.t('common.delete'),
      cancel: this.i18n.t('common.cancel'),
      destructive: true,
    });
    if (!ok) {
      return;
    }
    const outcome = await this.submission.run(() => this.store.deleteAgendaItem(current.id));
    if (outcome.ok) {
      // The item left the grid: the form, now for a new item, has the focus (startNew).
      this.startNew();
      this.message.set(this.titled('agendaBuilder.deleted', current));
    }
  }

  protected async sendAgenda(): Promise<void> {
    const dialogue = this.store.dialogue();
    if (!dialogue) {
      return;
    }
    this.problem.set(null);
    this.message.set('');
    let preview: SendPreview;
    try {
      preview = await this.store.previewAgendaSend();
    } catch (error) {
      this.problem.set(toProblem(error));
      return;
    }
    if (preview.wouldSend === 0) {
      // nobody to email: say so instead of offering to send
      this.message.set(this.i18n.sendPreview(preview));
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
      await this.store.sendAgenda();
      this.message.set(this.i18n.t('agendaBuilder.sent'));
    } catch (error) {
      this.problem.set(toProblem(error));
    }
  }

  /** A message naming an item by its title as edited (the dialogue's first language), marked on a page in another. */
  private titled(
    key: 'agendaBuilder.saved' | 'agendaBuilder.deleted' | 'agendaBuilder.deleteMessage',
    item: AgendaItem,
  ): ContentMessage {
    return contentMessage(this.i18n, key, {}, { param: 'title', text: item.title, lang: this.contentLanguages()[0] });
  }

  private focusAfterRender(selector: string): void {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(selector)?.focus(), {
      injector: this.injector,
    });
  }

  private focusForm(): void {
    setTimeout(() => this.document.getElementById('item-form-heading')?.focus());
  }
}
