import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import { CatalogStore } from '@gfmd/web-dialogues-data-access';
import { PublishedOutcomeStore } from '@gfmd/web-outcomes-data-access';
import { LoadingStateComponent, ProblemAlertComponent } from '@gfmd/web-shared-ui';
import {
  ContentLangDirective,
  I18n,
  I18nTitleStrategy,
  LabelPipe,
  LocalDatePipe,
  TranslatePipe,
} from '@gfmd/web-shared-util-i18n';
import { loadResource } from '@gfmd/web-shared-util-state';
import { CiteBoxComponent } from './cite-box.component';

/**
 * /dialogues/:id/outcome — the published outcome of a dialogue: summary, key messages and the
 * recommendations in order, each with its reference (a link to its permanent page) and its
 * "cite this" box. Staff read the published version here too, not their working copy.
 */
@Component({
  selector: 'gfmd-public-outcome-page',
  imports: [
    ContentLangDirective,
    RouterLink,
    LoadingStateComponent,
    ProblemAlertComponent,
    CiteBoxComponent,
    TranslatePipe,
    LabelPipe,
    LocalDatePipe,
  ],
  providers: [PublishedOutcomeStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './public-outcome.page.scss',
  template: `
    <p>
      <a [routerLink]="['/dialogues', id()]"
        ><span class="gfmd-mirror" aria-hidden="true">←</span> {{ 'publicOutcome.backToDialogue' | t }}</a
      >
    </p>
    @if (store.outcome(); as o) {
      <article class="outcome">
        <h1>{{ 'publicOutcome.title' | t: { title: o.dialogueTitle } }}</h1>
        @if (o.publishedAt) {
          <p class="gfmd-muted">{{ 'publicOutcome.published' | t: { date: (o.publishedAt | localDate: 'date') } }}</p>
        }
        <section aria-labelledby="summary-heading">
          <h2 id="summary-heading">{{ 'publicOutcome.summary' | t }}</h2>
          <p class="summary" [gfmdContentLang]="o.summaryLang">{{ o.summary }}</p>
        </section>
        @if (o.keyMessages.length) {
          <section aria-labelledby="messages-heading">
            <h2 id="messages-heading">{{ 'publicOutcome.keyMessages' | t }}</h2>
            <ul class="messages">
              @for (m of o.keyMessages; track $index; let i = $index) {
                <li [gfmdContentLang]="o.keyMessagesLang?.[i]">{{ m }}</li>
              }
            </ul>
          </section>
        }
        <section aria-labelledby="recommendations-heading">
          <h2 id="recommendations-heading">{{ 'publicOutcome.recommendations' | t }}</h2>
          @if (o.recommendations.length) {
            <ol class="recommendations">
              @for (r of o.recommendations; track r.reference) {
                <li>
                  <article [attr.aria-labelledby]="'ref-' + $index">
                    <h3 [id]="'ref-' + $index" class="reference">
                      <a
                        [routerLink]="['/recommendations', r.reference]"
                        [attr.aria-label]="'publicOutcome.permanentLink' | t: { reference: r.reference }"
                        >{{ r.reference }}</a
                      >
                    </h3>
                    <p class="chips">
                      <span class="gfmd-chip">{{ r.kind | label: 'recommendationKind' }}</span>
                      @for (t of themes(r.themeIds); track t) {
                        <span class="gfmd-chip">{{ t }}</span>
                      }
                    </p>
                    <blockquote class="text" [gfmdContentLang]="r.textLang">{{ r.text }}</blockquote>
                    @if (r.addressedTo.length) {
                      <p class="gfmd-muted">{{ 'recommendations.addressedTo' | t }}: {{ groups(r.addressedTo) }}</p>
                    }
                    <gfmd-cite-box [cite]="r.cite" [level]="3" [label]="r.reference" />
                  </article>
                </li>
              }
            </ol>
          } @else {
            <p class="gfmd-muted">{{ 'publicOutcome.none' | t }}</p>
          }
        </section>
        <p>
          <a routerLink="/recommendations">{{ 'recommendations.backToSearch' | t }}</a>
        </p>
      </article>
    } @else if (store.notFound()) {
      <h1>{{ 'publicOutcome.notFoundTitle' | t }}</h1>
      <p>{{ 'publicOutcome.notFoundBody' | t }}</p>
    } @else if (store.problem()) {
      <h1>{{ 'title.dialogueOutcome' | t }}</h1>
      <gfmd-problem-alert [problem]="store.problem()" [retryable]="true" (retry)="reload()" />
    } @else {
      <h1>{{ 'title.dialogueOutcome' | t }}</h1>
      <gfmd-loading-state />
    }
  `,
})
export class PublicOutcomePage {
  private readonly titles = inject(I18nTitleStrategy);
  private readonly catalog = inject(CatalogStore);
  private readonly i18n = inject(I18n);
  protected readonly store = inject(PublishedOutcomeStore);

  /** the route's :id (the dialogue) */
  readonly id = input.required<string>();

  private readonly themesById = computed(() => this.catalog.themesById());

  constructor() {
    void this.catalog.load();
    loadResource(this.id, (id) => this.store.load(id));
    effect(() => {
      const title = this.store.outcome()?.dialogueTitle;
      untracked(() => this.titles.setDynamic(title));
    });
  }

  protected themes(ids: string[]): string[] {
    const byId = this.themesById();
    return ids.map((id) => byId.get(id)?.code ?? '').filter(Boolean);
  }

  protected groups(groups: string[]): string {
    return groups.map((g) => this.i18n.label('group', g)).join(', ');
  }

  protected reload(): void {
    void this.store.load(this.id());
  }
}
