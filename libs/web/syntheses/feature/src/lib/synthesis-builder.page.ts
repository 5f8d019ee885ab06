import { CdkDrag, type CdkDragDrop, CdkDropList, CdkDropListGroup } from '@angular/cdk/drag-drop';
import { ChangeDetectionStrategy, Component, type OnInit, computed, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import {
  READER_LANGUAGES,
  RECOMMENDATION_KINDS,
  type ContentTranslations,
  type ProblemDetails,
  type RecommendationKind,
  type SynthesisTarget,
  type Theme,
} from '@gfmd/contracts';
import { SynthesesApi, SynthesisStore } from '@gfmd/web-syntheses-data-access';
import { saveBlob } from '@gfmd/web-shared-util-http';
import { firstValueFrom } from 'rxjs';
import { CatalogStore } from '@gfmd/web-dialogues-data-access';
import { LoadingStateComponent, ProblemAlertComponent } from '@gfmd/web-shared-ui';
import { ConfirmService } from '@gfmd/web-shared-ui/confirm';
import { TranslationFieldsComponent, type TranslatedField } from '@gfmd/web-shared-ui/translation-fields';
import { ContentLangDirective, I18n, LabelPipe, LocalDatePipe, TranslatePipe } from '@gfmd/web-shared-util-i18n';
import { synthesisHeading } from './synthesis-title';

/**
 * The synthesis builder in the console: pick published recommendations, group them into
 * sections, order them by dragging or with the move buttons (keyboard), write the
 * introduction, set the due date, preview the PDF, publish after confirming, and keep the list
 * of subscribers.
 */
@Component({
  selector: 'gfmd-synthesis-builder-page',
  imports: [
    FormsModule,
    CdkDropListGroup,
    CdkDropList,
    CdkDrag,
    MatButton,
    MatIconButton,
    MatFormField,
    MatLabel,
    MatHint,
    MatInput,
    MatSelect,
    MatOption,
    LoadingStateComponent,
    ProblemAlertComponent,
    TranslationFieldsComponent,
    TranslatePipe,
    LabelPipe,
    LocalDatePipe,
    ContentLangDirective,
  ],
  providers: [SynthesisStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './synthesis-builder.page.html',
  styleUrl: './synthesis-builder.page.scss',
})
export class SynthesisBuilderPage implements OnInit {
  protected readonly store = inject(SynthesisStore);
  private readonly catalog = inject(CatalogStore);
  private readonly confirm = inject(ConfirmService);
  private readonly i18n = inject(I18n);
  private readonly api = inject(SynthesesApi);
  readonly target = input.required<SynthesisTarget>();
  readonly id = input.required<string>();

  protected readonly kinds = RECOMMENDATION_KINDS;
  /** The heading in the console's words around the session's or milestone's own title (`targetTitleLang`). */
  protected readonly heading = computed(() => {
    const s = this.store.saved();
    return s ? synthesisHeading(s, this.i18n) : null;
  });
  /** A synthesis's introduction is written in English (its source) and translated into the other five. */
  protected readonly languages = READER_LANGUAGES;
  protected readonly introductionFields = computed<TranslatedField[]>(() => [
    { key: 'introduction', label: this.i18n.t('synthesis.introduction'), max: 50_000, multiline: true },
  ]);
  /** Each section's own title, translated like the introduction (English its source). */
  protected readonly sectionFields = computed<TranslatedField[][]>(() =>
    this.store
      .draft()
      .sections.map((_, n) => [
        { key: 'title', label: this.i18n.t('synthesisBuilder.sectionTitle', { n: n + 1 }), max: 300 },
      ]),
  );
  /** The last save's errors of one section, as its translation fields read them (`translations.<lang>.title`). */
  protected readonly sectionProblems = computed<(ProblemDetails | null)[]>(() => {
    const problem = this.store.problem();
    return this.store.draft().sections.map((_, n) => {
      const prefix = `sections.${n}.`;
      const errors = (problem?.errors ?? [])
        .filter((e) => e.field?.startsWith(prefix))
        .map((e) => ({ ...e, field: e.field?.slice(prefix.length) }));
      return problem && errors.length ? { ...problem, errors } : null;
    });
  });
  protected readonly themes = computed<Theme[]>(() => this.catalog.themes());
  protected readonly message = signal('');
  protected readonly dirty = signal(false);
  protected readonly newSubscribers = signal('');
  protected readonly loaded = signal(false);

  ngOnInit(): void {
    void this.init();
  }

  private async init(): Promise<void> {
    void this.catalog.load();
    await this.store.load(this.target(), this.id());
    this.loaded.set(true);
  }

  /** Downloads the working copy as a PDF (through the API client, which carries the staff token). */
  protected async preview(): Promise<void> {
    try {
      const blob = await firstValueFrom(this.api.preview(this.target(), this.id(), this.i18n.language()));
      saveBlob(blob, `synthesis-preview-${this.id()}.pdf`);
    } catch {
      this.message.set(this.i18n.t('synthesis.link.gone'));
    }
  }

  protected editTranslations(translations: ContentTranslations): void {
    this.edit({ translations: translations as ContentTranslations<'introduction'> });
  }

  protected edit(patch: Parameters<SynthesisStore['update']>[0]): void {
    this.store.update(patch);
    this.dirty.set(true);
  }

  protected changeSection(
    index: number,
    patch: {
      title?: string | null;
      themeId?: string | null;
      kind?: RecommendationKind | null;
      translations?: ContentTranslations<'title'>;
    },
  ) {
    this.store.changeSection(index, patch);
    this.dirty.set(true);
  }

  protected act(action: () => void, announce?: string): void {
    action();
    this.dirty.set(true);
    if (announce) this.message.set(announce);
  }

  protected include(reference: string, section: number): void {
    if (!this.store.draft().sections.length) this.store.addSection();
    this.act(() => this.store.include(reference, section));
  }

  protected drop(event: CdkDragDrop<number>): void {
    this.act(() =>
      this.store.move(
        { section: event.previousContainer.data, index: event.previousIndex },
        { section: event.container.data, index: event.currentIndex },
      ),
    );
  }

  protected moveReference(section: number, index: number, by: number, reference: string): void {
    this.act(
      () => this.store.move({ section, index }, { section, index: index + by }),
      this.i18n.t(by < 0 ? 'synthesisBuilder.moveUp' : 'synthesisBuilder.moveDown', { reference }),
    );
  }

  protected async save(): Promise<void> {
    if (await this.store.save()) {
      this.dirty.set(false);
      this.message.set(this.i18n.t('synthesisBuilder.saved'));
    }
  }

  protected async reload(): Promise<void> {
    await this.store.load(this.target(), this.id());
    this.dirty.set(false);
  }

  protected async publish(): Promise<void> {
    if (this.dirty()) {
      this.message.set(this.i18n.t('synthesisBuilder.unsaved'));
      return;
    }
    const ok = await this.confirm.ask({
      title: this.i18n.t('synthesisBuilder.publishTitle'),
      message: this.i18n.t('synthesisBuilder.publishText'),
      confirm: this.i18n.t('synthesisBuilder.publish'),
      cancel: this.i18n.t('common.cancel'),
    });
    if (ok && (await this.store.publish())) this.message.set(this.i18n.t('synthesisBuilder.published'));
  }

  protected async addSubscribers(): Promise<void> {
    const emails = this.newSubscribers()
      .split(/[\s,;]+/)
      .map((e) => e.trim())
      .filter(Boolean);
    if (emails.length && (await this.store.addSubscribers(emails))) this.newSubscribers.set('');
  }
}
