import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import {
  type ContentTranslations,
  type ContributionView,
  keyMessageField,
  type ReaderLanguage,
  type Outcome,
  type OutcomeTranslatedField,
  type ProblemDetails,
  type PutOutcomeRequest,
  RECOMMENDATION_KINDS,
  type RecommendationKind,
  STAKEHOLDER_GROUPS,
  type StakeholderGroup,
  type User,
} from '@gfmd/contracts';
import { AuthStore, UsersApi } from '@gfmd/web-auth-data-access';
import { CatalogStore, DialogueStore } from '@gfmd/web-dialogues-data-access';
import { OutcomesApi, OutcomeStore } from '@gfmd/web-outcomes-data-access';
import { DocumentsApi } from '@gfmd/web-documents-data-access';
import { TranslationFieldsComponent, type TranslatedField } from '@gfmd/web-shared-ui/translation-fields';
import { LoadingStateComponent, ProblemAlertComponent } from '@gfmd/web-shared-ui';
import { I18n, LabelPipe, TranslatePipe } from '@gfmd/web-shared-util-i18n';
import { loadResource } from '@gfmd/web-shared-util-state';
import { catchError, firstValueFrom, of } from 'rxjs';
import { type DiffNames, OutcomeDiffComponent } from './outcome-diff.component';
import { OutcomeContributionsComponent } from './outcome-contributions.component';

/** One recommendation being edited; `key` tracks it in the page, `id` is the server's (none when new). */
export interface DraftRecommendation {
  key: string;
  id?: string;
  reference?: string | null;
  text: string;
  kind: RecommendationKind;
  themeIds: string[];
  addressedTo: StakeholderGroup[];
  spaceId: string | null;
  /** the text in other languages than the source (docs/i18n.md) */
  translations: ContentTranslations<'text'>;
}

export interface OutcomeDraft {
  summary: string;
  /** the summary and the key messages by position (`keyMessages.0`…) in other languages than the source */
  translations: ContentTranslations<OutcomeTranslatedField>;
  keyMessages: string[];
  recommendations: DraftRecommendation[];
}

let nextKey = 0;

export function toDraft(outcome: Outcome): OutcomeDraft {
  return {
    summary: outcome.summary,
    translations: { ...(outcome.translations ?? {}) },
    keyMessages: [...outcome.keyMessages],
    recommendations: outcome.recommendations.map((r) => ({
      key: r.id,
      id: r.id,
      reference: r.reference,
      text: r.text,
      kind: r.kind,
      themeIds: [...r.themeIds],
      addressedTo: [...r.addressedTo],
      spaceId: r.spaceId ?? null,
      translations: { ...(r.translations ?? {}) },
    })),
  };
}

/**
 * The summary and key messages' translations for `languages`, the key messages kept (`kept`:
 * their positions before) renumbered from 0. `toSend`: every field of every language, trimmed
 * (`""` removes one on the server), as the save sends them.
 */
export function keyMessageTranslations(
  translations: ContentTranslations<OutcomeTranslatedField>,
  kept: readonly number[],
  languages: readonly ReaderLanguage[],
  toSend = false,
): ContentTranslations<OutcomeTranslatedField> {
  const out: ContentTranslations<OutcomeTranslatedField> = {};
  for (const language of languages) {
    const t = (translations[language] ?? {}) as Record<string, string | undefined>;
    const fields: Record<string, string> = {};
    const put = (key: string, text: string | undefined) => {
      if (toSend) fields[key] = (text ?? '').trim();
      else if (text !== undefined) fields[key] = text;
    };
    put('summary', t['summary']);
    kept.forEach((i, j) => put(keyMessageField(j), t[keyMessageField(i)]));
    out[language] = fields;
  }
  return out;
}

/**
 * A dialogue's outcome in the console: summary, key messages and recommendations, saved with
 * the version read (a stale save keeps the user's text and offers their version to compare);
 * the review actions each role may take; the changes since the last submission.
 */
@Component({
  selector: 'gfmd-outcome-editor-page',
  imports: [
    MatButton,
    MatFormField,
    MatLabel,
    MatInput,
    MatSelect,
    MatOption,
    LoadingStateComponent,
    ProblemAlertComponent,
    OutcomeDiffComponent,
    OutcomeContributionsComponent,
    TranslationFieldsComponent,
    TranslatePipe,
    LabelPipe,
  ],
  providers: [OutcomeStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './outcome-editor.page.scss',
  templateUrl: './outcome-editor.page.html',
})
export class OutcomeEditorPage {
  private readonly i18n = inject(I18n);
  private readonly auth = inject(AuthStore);
  private readonly usersApi = inject(UsersApi);
  protected readonly catalog = inject(CatalogStore);
  protected readonly dialogueStore = inject(DialogueStore);
  protected readonly store = inject(OutcomeStore);
  private readonly outcomesApi = inject(OutcomesApi);
  private readonly documentsApi = inject(DocumentsApi);
  /** the dialogue's accepted contributions, which recommendations may draw on */
  protected readonly accepted = signal<ContributionView[]>([]);
  /** recommendation id → the contributions it draws on */
  protected readonly links = signal<ReadonlyMap<string, string[]>>(new Map());
  protected readonly kinds = RECOMMENDATION_KINDS;
  protected readonly groups = STAKEHOLDER_GROUPS;

  /** the dialogue's id: the route parameter, inherited (`:id` in the console, `:dialogueId` in the coordinator's workspace) */
  readonly id = input<string>();
  readonly dialogueId = input<string>();
  protected readonly dialogue = computed(() => this.id() ?? this.dialogueId() ?? '');

  protected readonly draft = signal<OutcomeDraft>({
    summary: '',
    translations: {},
    keyMessages: [],
    recommendations: [],
  });

  // ── languages (docs/i18n.md): the dialogue's, the first the source; a tab per other language ──
  /** the dialogue's content languages, the source first (English while the dialogue is loading) */
  protected readonly languages = computed<readonly ReaderLanguage[]>(() => {
    const d = this.dialogueStore.dialogue();
    return d && d.id === this.dialogue() && d.languages?.length ? d.languages : ['en'];
  });
  /**
   * Languages translated on the outcome or a recommendation that the dialogue does not list: kept
   * by the API and returned, but without a tab here (docs/i18n.md), so the editor says they exist.
   */
  protected readonly unlistedNames = computed(() => {
    const outcome = this.store.outcome();
    if (!outcome) return '';
    const languages = new Set<ReaderLanguage>(outcome.unlistedLanguages ?? []);
    for (const r of outcome.recommendations ?? []) for (const l of r.unlistedLanguages ?? []) languages.add(l);
    const names = new Intl.DisplayNames([this.i18n.language()], { type: 'language' });
    return [...languages].map((l) => names.of(l) ?? l.toUpperCase()).join(', ');
  });
  /** the language the outcome's own words are written in: the dialogue's first (`contentSourceLanguage` on the server) */
  protected readonly sourceLang = computed<ReaderLanguage>(() => this.languages()[0] ?? 'en');
  /** the summary's and key messages' fields on the translation tabs */
  protected readonly summaryFields = computed<TranslatedField[]>(() => [
    { key: 'summary', label: this.i18n.t('outcome.summary'), max: 20000, multiline: true },
    ...this.draft().keyMessages.map((_, i) => ({
      key: keyMessageField(i),
      label: this.i18n.t('outcome.keyMessage', { number: i + 1 }),
      max: 2000,
      multiline: true,
    })),
  ]);
  protected readonly summarySources = computed<Record<string, string>>(() => {
    const d = this.draft();
    return Object.fromEntries([
      ['summary', d.summary],
      ...d.keyMessages.map((m, i) => [keyMessageField(i), m] as const),
    ]);
  });
  protected readonly textFields = computed<TranslatedField[]>(() => [
    { key: 'text', label: this.i18n.t('outcome.text'), max: 5000, multiline: true },
  ]);
  /** the version the draft is based on, sent with the next save */
  protected readonly baseVersion = signal(0);
  /** the live region's text: what the last save or action did */
  protected readonly message = signal('');
  protected readonly saveProblem = signal<ProblemDetails | null>(null);
  /** set after a stale save: the other person's copy, once loaded for comparison */
  protected readonly stale = signal(false);
  protected readonly theirs = signal<Outcome | null>(null);
  private staleCopy: Outcome | null = null;
  protected readonly returnComment = signal('');
  protected readonly staff = signal<User[] | null>(null);
  protected readonly rapporteurIds = signal<string[]>([]);

  private readonly user = this.auth.user;
  protected readonly isOrganizer = this.auth.canOrganize;
  protected readonly isRapporteur = computed(() => {
    const id = this.user()?.id;
    return !!id && (this.store.outcome()?.rapporteurUserIds ?? []).includes(id);
  });
  /** organizers and rapporteurs write the whole outcome; coordinators their spaces' recommendations */
  protected readonly editsAll = computed(() => this.isOrganizer() || this.isRapporteur());
  protected readonly mySpaceIds = computed(() => {
    const id = this.user()?.id;
    return this.dialogueStore
      .spaces()
      .filter((s) => !!id && s.coordinatorUserIds.includes(id))
      .map((s) => s.id);
  });
  protected readonly mySpaces = computed(() => {
    const mine = this.mySpaceIds();
    return this.dialogueStore.spaces().filter((s) => this.editsAll() || mine.includes(s.id));
  });
  /** false while under review (submitted or approved): an organizer returns it first */
  protected readonly open = computed(() => {
    const status = this.store.outcome()?.status;
    return status !== 'submitted' && status !== 'approved';
  });
  protected readonly canAdd = computed(() => this.open() && (this.editsAll() || this.mySpaceIds().length > 0));
  protected readonly canSave = computed(() => this.open() && (this.editsAll() || this.mySpaceIds().length > 0));

  protected readonly names = computed<DiffNames>(() => ({
    themes: new Map(this.catalog.themes().map((t) => [t.id, `${t.code} · ${t.title}`])),
    spaces: new Map(this.dialogueStore.spaces().map((s) => [s.id, s.name])),
    users: new Map((this.staff() ?? []).map((u) => [u.id, u.name])),
  }));

  constructor() {
    void this.catalog.load();
    loadResource(this.dialogue, (id) => this.load(id));
    if (this.isOrganizer()) {
      void firstValueFrom(this.usersApi.list().pipe(catchError(() => of(null)))).then((users) =>
        this.staff.set(users ? users.filter((u) => u.active !== false) : null),
      );
    }
  }

  private async load(id: string): Promise<void> {
    if (!id) return;
    void this.loadContributions(id);
    await this.store.load(id);
    this.reset();
  }

  /** Accepted contributions and the links (the page works without them when they cannot be read). */
  private async loadContributions(id: string): Promise<void> {
    const [contributions, links] = await Promise.all([
      firstValueFrom(this.documentsApi.contributions(id).pipe(catchError(() => of([] as ContributionView[])))),
      firstValueFrom(this.outcomesApi.contributionLinks(id).pipe(catchError(() => of([])))),
    ]);
    if (this.dialogue() !== id) return;
    this.accepted.set(contributions.filter((c) => c.status === 'accepted'));
    this.links.set(new Map(links.map((l) => [l.recommendationId, l.contributionIds])));
  }

  protected setLinks(recommendationId: string, ids: string[]): void {
    this.links.update((m) => new Map(m).set(recommendationId, ids));
  }

  /** The form shows the store's copy (after loading, saving or a transition). */
  private reset(): void {
    const outcome = this.store.outcome();
    if (!outcome) return;
    this.draft.set(toDraft(outcome));
    this.baseVersion.set(outcome.version);
    this.rapporteurIds.set([...(outcome.rapporteurUserIds ?? [])]);
    this.stale.set(false);
    this.theirs.set(null);
  }

  protected canEdit(r: DraftRecommendation): boolean {
    return this.open() && (this.editsAll() || (!!r.spaceId && this.mySpaceIds().includes(r.spaceId)));
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement | HTMLTextAreaElement).value;
  }

  protected setSummary(summary: string): void {
    this.draft.update((d) => ({ ...d, summary }));
  }

  /** The summary's and key messages' translations as typed on the language tabs. */
  protected setTranslations(translations: ContentTranslations): void {
    this.draft.update((d) => ({ ...d, translations: translations as OutcomeDraft['translations'] }));
  }

  protected setTextTranslations(r: DraftRecommendation, translations: ContentTranslations): void {
    this.updateRecommendation(r.key, { translations: translations as ContentTranslations<'text'> });
  }

  protected setKeyMessage(index: number, text: string): void {
    this.draft.update((d) => ({ ...d, keyMessages: d.keyMessages.map((m, i) => (i === index ? text : m)) }));
  }

  protected addKeyMessage(): void {
    this.draft.update((d) => ({ ...d, keyMessages: [...d.keyMessages, ''] }));
  }

  /** Removes a key message; the translations of the ones after it move up with them. */
  protected removeKeyMessage(index: number): void {
    this.draft.update((d) => {
      const kept = d.keyMessages.map((_, i) => i).filter((i) => i !== index);
      return {
        ...d,
        keyMessages: kept.map((i) => d.keyMessages[i]),
        translations: keyMessageTranslations(d.translations, kept, Object.keys(d.translations) as ReaderLanguage[]),
      };
    });
  }

  protected addRecommendation(): void {
    const spaceId = this.editsAll() ? null : (this.mySpaceIds()[0] ?? null);
    const added: DraftRecommendation = {
      key: `new-${++nextKey}`,
      text: '',
      kind: 'policy_recommendation',
      themeIds: [],
      addressedTo: [],
      spaceId,
      translations: {},
    };
    this.draft.update((d) => ({ ...d, recommendations: [...d.recommendations, added] }));
  }

  protected updateRecommendation(key: string, change: Partial<DraftRecommendation>): void {
    this.draft.update((d) => ({
      ...d,
      recommendations: d.recommendations.map((r) => (r.key === key ? { ...r, ...change } : r)),
    }));
  }

  protected removeRecommendation(key: string): void {
    this.draft.update((d) => ({ ...d, recommendations: d.recommendations.filter((r) => r.key !== key) }));
  }

  /** The body of the save: coordinators send only the recommendations (the rest is not theirs). */
  body(): PutOutcomeRequest {
    const d = this.draft();
    const recommendations = d.recommendations.map((r) => ({
      ...(r.id ? { id: r.id } : {}),
      text: r.text.trim(),
      kind: r.kind,
      themeIds: r.themeIds,
      addressedTo: r.addressedTo,
      spaceId: r.spaceId,
      translations: r.translations,
    }));
    if (!this.editsAll()) return { recommendations, version: this.baseVersion() };
    // Blank key messages are left out; the translations of the others follow their positions.
    const kept = d.keyMessages.map((_, i) => i).filter((i) => d.keyMessages[i].trim());
    const languages = new Set<ReaderLanguage>([
      ...this.languages().slice(1),
      ...(Object.keys(d.translations) as ReaderLanguage[]),
    ]);
    languages.delete(this.sourceLang());
    return {
      summary: d.summary.trim(),
      translations: keyMessageTranslations(d.translations, kept, [...languages], true),
      keyMessages: kept.map((i) => d.keyMessages[i].trim()),
      recommendations,
      version: this.baseVersion(),
    };
  }

  protected async save(event?: Event): Promise<void> {
    event?.preventDefault();
    this.message.set('');
    this.saveProblem.set(null);
    const result = await this.store.save(this.body());
    if (result.kind === 'saved') {
      this.reset();
      this.message.set(this.i18n.t('outcome.saved', { version: result.outcome.version }));
    } else if (result.kind === 'stale') {
      this.stale.set(true);
      this.staleCopy = result.current;
      this.message.set(this.i18n.t('outcome.stale'));
    } else {
      this.saveProblem.set(result.problem);
    }
  }

  /** Shows their version next to the form (the user's text stays); the next save goes over theirs. */
  protected async compare(): Promise<void> {
    let theirs = this.staleCopy;
    if (!theirs) {
      await this.store.load(this.dialogue());
      theirs = this.store.outcome();
    } else {
      this.store.accept(theirs);
    }
    if (!theirs) return;
    this.theirs.set(theirs);
    this.baseVersion.set(theirs.version);
  }

  protected async act(action: 'submit' | 'approve' | 'publish'): Promise<void> {
    await this.afterAction(await this.store.transition(action));
  }

  protected async returnForChanges(): Promise<void> {
    const comment = this.returnComment().trim();
    if (!comment) return;
    const problem = await this.store.returnForChanges(comment);
    if (!problem) this.returnComment.set('');
    await this.afterAction(problem);
  }

  protected async saveRapporteurs(): Promise<void> {
    this.message.set('');
    const problem = await this.store.setRapporteurs(this.rapporteurIds());
    if (!problem) {
      this.reset();
      this.message.set(this.i18n.t('outcome.rapporteursSaved'));
    }
  }

  private async afterAction(problem: ProblemDetails | null): Promise<void> {
    this.message.set('');
    if (problem) return;
    this.reset();
    const status = this.i18n.label('outcomeStatus', this.store.outcome()?.status);
    this.message.set(this.i18n.t('outcome.actionDone', { status }));
  }

  protected retry(): void {
    void this.load(this.dialogue());
  }

  protected userName(id: string): string {
    return this.staff()?.find((u) => u.id === id)?.name ?? id;
  }

  protected spaceName(id: string | null): string {
    return id ? (this.dialogueStore.spacesById().get(id)?.name ?? id) : this.i18n.t('outcome.noSpace');
  }
}
