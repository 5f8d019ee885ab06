import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { MatAnchor } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { RecommendationsStore } from '@gfmd/web-outcomes-data-access';
import { CatalogStore } from '@gfmd/web-dialogues-data-access';
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

/** A published recommendation by its stable reference, with its citation and its corrections. */
@Component({
  selector: 'gfmd-recommendation-page',
  imports: [
    ContentLangDirective,
    RouterLink,
    MatAnchor,
    LoadingStateComponent,
    ProblemAlertComponent,
    CiteBoxComponent,
    TranslatePipe,
    LabelPipe,
    LocalDatePipe,
  ],
  providers: [RecommendationsStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './recommendation.page.scss',
  template: `
    @if (store.recommendation(); as r) {
      <article class="recommendation" [class.withdrawn]="r.withdrawn">
        <p class="chips">
          <span class="gfmd-chip">{{ r.kind | label: 'recommendationKind' }}</span>
          @if (r.withdrawn) {
            <span class="gfmd-chip gfmd-chip--warn">{{ 'recommendations.withdrawn' | t }}</span>
          }
        </p>
        <h1>{{ 'title.recommendation' | t }} {{ r.reference }}</h1>
        @if (r.withdrawn) {
          <p class="gfmd-alert gfmd-alert--warn">{{ 'recommendations.withdrawnNote' | t }}</p>
        }
        <blockquote class="text" [gfmdContentLang]="r.textLang">{{ r.text }}</blockquote>
        <dl class="facts">
          <dt>{{ 'recommendations.reference' | t }}</dt>
          <dd>{{ r.reference }}</dd>
          <dt>{{ 'recommendations.kind' | t }}</dt>
          <dd>{{ r.kind | label: 'recommendationKind' }}</dd>
          @if (themes().length) {
            <dt>{{ 'recommendations.themes' | t }}</dt>
            <dd>{{ themes().join(', ') }}</dd>
          }
          @if (r.addressedTo.length) {
            <dt>{{ 'recommendations.addressedTo' | t }}</dt>
            <dd>{{ addressedTo() }}</dd>
          }
          <dt>{{ 'recommendations.dialogue' | t }}</dt>
          <dd>
            <a [routerLink]="['/dialogues', r.dialogueId]">{{ r.dialogueTitle }}</a>
            ({{ r.dialogueStartsAt | localDate: 'date' }})
          </dd>
          <dt>{{ 'recommendations.date' | t }}</dt>
          <dd>{{ r.publishedAt | localDate: 'date' }}</dd>
          @if (r.firstPublishedAt !== r.publishedAt) {
            <dt>{{ 'recommendations.firstPublished' | t }}</dt>
            <dd>{{ r.firstPublishedAt | localDate: 'date' }}</dd>
          }
        </dl>

        <gfmd-cite-box [cite]="r.cite" />

        @if (r.contributions?.length) {
          <section aria-labelledby="contributions-heading">
            <h2 id="contributions-heading">{{ 'recommendations.contributions' | t }}</h2>
            <p class="gfmd-muted">{{ 'recommendations.contributionsIntro' | t }}</p>
            <ul class="contributions">
              @for (c of r.contributions; track c.id) {
                <li>
                  <a [routerLink]="['/contributions', c.id]">{{ c.title }}</a>
                  <span class="gfmd-muted">
                    · {{ c.organization ?? c.name ?? ('recommendations.contributionAnonymous' | t) }} ·
                    {{ c.stakeholderGroup | label: 'group' }}</span
                  >
                </li>
              }
            </ul>
          </section>
        }

        <section aria-labelledby="history-heading">
          <h2 id="history-heading">{{ 'recommendations.history' | t }}</h2>
          @if (r.history?.length) {
            <ol class="history">
              @for (h of r.history; track $index) {
                <li>
                  <p class="gfmd-muted">
                    {{ 'recommendations.publishedOn' | t: { date: (h.publishedAt | localDate: 'date') } }} ·
                    {{ h.kind | label: 'recommendationKind' }}
                  </p>
                  <p>{{ h.text }}</p>
                </li>
              }
            </ol>
          } @else {
            <p class="gfmd-muted">{{ 'recommendations.historyNone' | t }}</p>
          }
        </section>
        <p>
          <a routerLink="/recommendations">{{ 'recommendations.backToSearch' | t }}</a>
        </p>
      </article>
    } @else if (store.notFound()) {
      <h1>{{ 'recommendations.notFoundTitle' | t }}</h1>
      <p>{{ 'recommendations.notFoundBody' | t: { reference: reference() } }}</p>
      <a mat-flat-button routerLink="/recommendations">{{ 'recommendations.backToSearch' | t }}</a>
    } @else if (store.problem()) {
      <h1>{{ 'title.recommendation' | t }} {{ reference() }}</h1>
      <gfmd-problem-alert [problem]="store.problem()" [retryable]="true" (retry)="reload()" />
    } @else {
      <h1>{{ 'title.recommendation' | t }} {{ reference() }}</h1>
      <gfmd-loading-state />
    }
  `,
})
export class RecommendationPage {
  private readonly titles = inject(I18nTitleStrategy);
  private readonly catalog = inject(CatalogStore);
  private readonly i18n = inject(I18n);
  protected readonly store = inject(RecommendationsStore);

  /** the route's :reference */
  readonly reference = input.required<string>();

  protected readonly addressedTo = computed(() =>
    (this.store.recommendation()?.addressedTo ?? []).map((g) => this.i18n.label('group', g)).join(', '),
  );

  protected readonly themes = computed(() => {
    const byId = this.catalog.themesById();
    return (this.store.recommendation()?.themeIds ?? []).map((id) => {
      const theme = byId.get(id);
      return theme ? `${theme.code} · ${theme.title}` : id;
    });
  });

  constructor() {
    void this.catalog.load();
    loadResource(this.reference, (reference) => this.store.load(reference));
    effect(() => {
      const reference = this.store.recommendation()?.reference;
      untracked(() => this.titles.setDynamic(reference));
    });
  }

  protected reload(): void {
    void this.store.load(this.reference());
  }
}
