import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import {
  type ListRecommendationsRequest,
  RECOMMENDATION_KINDS,
  type RecommendationKind,
  STAKEHOLDER_GROUPS,
  type StakeholderGroup,
} from '@gfmd/contracts';
import { CatalogStore } from '@gfmd/web-dialogues-data-access';
import { RecommendationsStore } from '@gfmd/web-outcomes-data-access';
import { EmptyStateComponent, LoadingStateComponent, ProblemAlertComponent } from '@gfmd/web-shared-ui';
import { LabelPipe, LocalDatePipe, TranslatePipe } from '@gfmd/web-shared-util-i18n';
import { loadResource } from '@gfmd/web-shared-util-state';
import { HighlightedTextComponent } from './highlighted-text.component';

const PAGE_SIZE = 20;

type Filter = 'kind' | 'theme' | 'session' | 'addressedTo';

/**
 * Full-text search of the published recommendations (English, French, Spanish) with filters;
 * everything lives in the URL (?q=&kind=&theme=&session=&addressedTo=&page=) so a search can be shared.
 */
@Component({
  selector: 'gfmd-recommendation-search-page',
  imports: [
    RouterLink,
    MatButton,
    MatFormField,
    MatLabel,
    MatInput,
    MatSelect,
    MatOption,
    LoadingStateComponent,
    EmptyStateComponent,
    ProblemAlertComponent,
    HighlightedTextComponent,
    TranslatePipe,
    LabelPipe,
    LocalDatePipe,
  ],
  providers: [RecommendationsStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './recommendation-search.page.scss',
  template: `
    <h1>{{ 'recommendations.title' | t }}</h1>
    <p class="intro">{{ 'recommendations.intro' | t }}</p>

    <form class="search" role="search" [attr.aria-label]="'recommendations.searchLabel' | t" (submit)="search($event)">
      <div class="search__row">
        <mat-form-field class="search__query">
          <mat-label>{{ 'recommendations.query' | t }}</mat-label>
          <input matInput type="search" name="q" [value]="draft()" (input)="draft.set(asValue($event))" />
        </mat-form-field>
        <button mat-flat-button type="submit">{{ 'recommendations.searchButton' | t }}</button>
      </div>
      <div class="gfmd-filters">
        <mat-form-field>
          <mat-label>{{ 'recommendations.kind' | t }}</mat-label>
          <mat-select [value]="kind() ?? ''" (valueChange)="filter('kind', $event)">
            <mat-option value="">{{ 'common.all' | t }}</mat-option>
            @for (k of kinds; track k) {
              <mat-option [value]="k">{{ k | label: 'recommendationKind' }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'recommendations.theme' | t }}</mat-label>
          <mat-select [value]="theme() ?? ''" (valueChange)="filter('theme', $event)">
            <mat-option value="">{{ 'common.all' | t }}</mat-option>
            @for (t of catalog.themes(); track t.id) {
              <mat-option [value]="t.id">{{ t.code }} · {{ t.title }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'recommendations.session' | t }}</mat-label>
          <mat-select [value]="session() ?? ''" (valueChange)="filter('session', $event)">
            <mat-option value="">{{ 'common.all' | t }}</mat-option>
            @for (s of catalog.sessions(); track s.id) {
              <mat-option [value]="s.id"
                >{{ 'dialogues.sessionShort' | t: { number: s.number } }} · {{ s.title }}</mat-option
              >
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'recommendations.addressedTo' | t }}</mat-label>
          <mat-select [value]="addressedTo() ?? ''" (valueChange)="filter('addressedTo', $event)">
            <mat-option value="">{{ 'common.all' | t }}</mat-option>
            @for (g of groups; track g) {
              <mat-option [value]="g">{{ g | label: 'group' }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
      </div>
    </form>

    <gfmd-problem-alert [problem]="store.problem()" [retryable]="true" (retry)="reload()" />

    <p class="gfmd-visually-hidden" role="status">
      @if (store.results(); as page) {
        {{ (page.totalIsEstimate ? 'recommendations.countAbout' : 'recommendations.count') | t: { count: page.total } }}
      }
    </p>

    @if (store.loading() && !store.results()) {
      <gfmd-loading-state />
    } @else if (store.results(); as page) {
      <section aria-labelledby="results-heading" [attr.aria-busy]="store.loading()">
        <h2 id="results-heading" class="results__heading">
          {{
            (page.totalIsEstimate ? 'recommendations.countAbout' : 'recommendations.count') | t: { count: page.total }
          }}
        </h2>
        @if (page.items.length) {
          <ol class="results">
            @for (r of page.items; track r.reference) {
              <li class="result">
                <p class="result__meta">
                  <a class="result__ref" [routerLink]="['/recommendations', r.reference]">{{ r.reference }}</a>
                  <span class="gfmd-chip">{{ r.kind | label: 'recommendationKind' }}</span>
                </p>
                <p class="result__text"><gfmd-highlighted-text [highlight]="r.highlight" [text]="r.text" /></p>
                <p class="gfmd-muted">
                  <a [routerLink]="['/dialogues', r.dialogueId]">{{ r.dialogueTitle }}</a> ·
                  {{ r.publishedAt | localDate: 'date' }}
                </p>
              </li>
            }
          </ol>
          @if (pages() > 1) {
            <nav class="paging" [attr.aria-label]="'recommendations.paging' | t">
              <button mat-stroked-button type="button" [disabled]="page.page <= 1" (click)="goTo(page.page - 1)">
                {{ 'recommendations.previous' | t }}
              </button>
              <span>{{ 'recommendations.pageOf' | t: { page: page.page, pages: pages() } }}</span>
              <button mat-stroked-button type="button" [disabled]="page.page >= pages()" (click)="goTo(page.page + 1)">
                {{ 'recommendations.next' | t }}
              </button>
            </nav>
          }
        } @else {
          <gfmd-empty-state [message]="'recommendations.empty' | t" />
        }
      </section>
    }
  `,
})
export class RecommendationSearchPage {
  private readonly router = inject(Router);
  protected readonly catalog = inject(CatalogStore);
  protected readonly store = inject(RecommendationsStore);
  protected readonly kinds = RECOMMENDATION_KINDS;
  protected readonly groups = STAKEHOLDER_GROUPS;

  /** query parameters bound by the router */
  readonly q = input<string>();
  readonly kind = input<string>();
  readonly theme = input<string>();
  readonly session = input<string>();
  readonly addressedTo = input<string>();
  readonly page = input<string>();

  /** the words being typed, sent on submit */
  protected readonly draft = linkedSignal(() => this.q() ?? '');

  private readonly query = computed<ListRecommendationsRequest>(() => ({
    q: this.q() || undefined,
    kind: (this.kind() || undefined) as RecommendationKind | undefined,
    themeId: this.theme() || undefined,
    informalSessionId: this.session() || undefined,
    addressedTo: (this.addressedTo() || undefined) as StakeholderGroup | undefined,
    page: Math.max(1, Number(this.page()) || 1),
    pageSize: PAGE_SIZE,
  }));

  protected readonly pages = computed(() => {
    const page = this.store.results();
    return page ? Math.max(1, Math.ceil(page.total / page.pageSize)) : 1;
  });

  constructor() {
    void this.catalog.load();
    loadResource(this.query, (query) => this.store.search(query));
  }

  protected asValue(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected search(event: Event): void {
    event.preventDefault();
    this.navigate({ q: this.draft().trim() || null, page: null });
  }

  protected filter(name: Filter, value: string): void {
    this.navigate({ [name]: value || null, page: null });
  }

  protected goTo(page: number): void {
    this.navigate({ page: page > 1 ? String(page) : null });
  }

  protected reload(): void {
    void this.store.search(this.query());
  }

  private navigate(queryParams: Record<string, string | null>): void {
    void this.router.navigate([], { queryParams, queryParamsHandling: 'merge' });
  }
}
