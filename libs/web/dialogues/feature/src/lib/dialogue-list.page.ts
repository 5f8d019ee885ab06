import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { EmptyStateComponent, LoadingStateComponent, ProblemAlertComponent } from '@gfmd/web-shared-ui';
import { ContentLangDirective, I18n, LabelPipe, LocalDatePipe, TranslatePipe } from '@gfmd/web-shared-util-i18n';
import { CatalogStore } from '@gfmd/web-dialogues-data-access';
import { AvailabilityComponent, LeadTimeComponent } from '@gfmd/web-dialogues-ui';

@Component({
  selector: 'gfmd-dialogue-list-page',
  imports: [
    RouterLink,
    MatAnchor,
    MatButton,
    MatFormField,
    MatLabel,
    MatSelect,
    MatOption,
    LoadingStateComponent,
    EmptyStateComponent,
    ProblemAlertComponent,
    AvailabilityComponent,
    LeadTimeComponent,
    ContentLangDirective,
    TranslatePipe,
    LabelPipe,
    LocalDatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './dialogue-list.page.scss',
  template: `
    <h1>{{ 'dialogues.title' | t }}</h1>
    <p class="intro">{{ 'dialogues.intro' | t }}</p>
    <p class="gfmd-list-feed">
      <a [href]="feed().webcal">{{ 'dialogues.subscribe' | t }}</a>
      <span aria-hidden="true"> · </span>
      <a [href]="feed().https" download="gfmd-dialogues.ics">{{ 'dialogues.subscribeFile' | t }}</a>
    </p>

    <form
      class="gfmd-filters"
      role="search"
      [attr.aria-label]="'dialogues.filters' | t"
      (submit)="$event.preventDefault()"
    >
      <mat-form-field>
        <mat-label>{{ 'dialogues.theme' | t }}</mat-label>
        <mat-select [value]="theme() ?? ''" (valueChange)="filter({ theme: $event })">
          <mat-option value="">{{ 'common.all' | t }}</mat-option>
          @for (theme of store.themes(); track theme.id) {
            <mat-option [value]="theme.id">{{ theme.code }} · {{ theme.title }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'dialogues.session' | t }}</mat-label>
        <mat-select [value]="session() ?? ''" (valueChange)="filter({ session: $event })">
          <mat-option value="">{{ 'common.all' | t }}</mat-option>
          @for (session of store.sessions(); track session.id) {
            <mat-option [value]="session.id"
              >{{ 'dialogues.sessionShort' | t: { number: session.number } }} · {{ session.title }}</mat-option
            >
          }
        </mat-select>
      </mat-form-field>
    </form>

    <gfmd-problem-alert [problem]="store.problem()" [retryable]="true" (retry)="reload()" />

    @if (store.loading() && !store.loaded()) {
      <gfmd-loading-state />
    } @else if (store.loaded()) {
      <p class="gfmd-visually-hidden" role="status">{{ 'dialogues.count' | t: { count: count() } }}</p>
      @for (group of groups(); track group.session?.id ?? $index) {
        <section class="gfmd-list-session" [attr.aria-labelledby]="'session-' + $index">
          <h2 [id]="'session-' + $index">
            @if (group.session; as s) {
              {{ 'dialogues.sessionHeading' | t: { number: s.number, title: s.title } }}
            } @else {
              {{ 'dialogues.noSession' | t }}
            }
          </h2>
          @if (group.session; as s) {
            <p class="gfmd-muted gfmd-list-session__meta">
              {{ s.startsAt | localDate: 'date' : s.timeZone }} – {{ s.endsAt | localDate: 'date' : s.timeZone }} ·
              {{ s.venue }}
            </p>
          }
          <ul class="cards gfmd-cards">
            @for (dialogue of group.dialogues; track dialogue.id) {
              <li class="card gfmd-card">
                <h3>
                  <a [routerLink]="['/dialogues', dialogue.id]" [gfmdContentLang]="dialogue.titleLang">{{
                    dialogue.title
                  }}</a>
                </h3>
                <p class="card__when">
                  {{ dialogue.startsAt | localDate: 'date' : dialogue.timeZone }} –
                  {{ dialogue.endsAt | localDate: 'date' : dialogue.timeZone }}
                </p>
                <p class="gfmd-muted">
                  {{ dialogue.format | label: 'format' }}
                  @if (dialogue.format !== 'online') {
                    · {{ dialogue.venue }}
                  }
                </p>
                <p class="gfmd-card__chips">
                  <gfmd-availability [dialogue]="dialogue" />
                  <gfmd-lead-time [days]="dialogue.leadTimeDays" />
                </p>
                <p class="gfmd-card__summary" [gfmdContentLang]="dialogue.summaryLang">{{ dialogue.summary }}</p>
                <a mat-stroked-button [routerLink]="['/dialogues', dialogue.id]">
                  {{ 'dialogues.view' | t
                  }}<span class="gfmd-visually-hidden"
                    >: <span [gfmdContentLang]="dialogue.titleLang">{{ dialogue.title }}</span></span
                  >
                </a>
              </li>
            }
          </ul>
        </section>
      } @empty {
        <gfmd-empty-state [message]="'dialogues.empty' | t">
          @if (theme() || session()) {
            <button mat-button type="button" (click)="filter({ theme: '', session: '' })">
              {{ 'common.clearFilters' | t }}
            </button>
          }
        </gfmd-empty-state>
      }
    }
  `,
})
export class DialogueListPage {
  private readonly router = inject(Router);
  protected readonly store = inject(CatalogStore);
  private readonly i18n = inject(I18n);
  private readonly document = inject(DOCUMENT);

  /** query parameters (?theme=&session=) bound by the router */
  readonly theme = input<string>();
  readonly session = input<string>();

  protected readonly groups = computed(() =>
    this.store.grouped({ themeId: this.theme() || undefined, informalSessionId: this.session() || undefined }),
  );
  /** The public calendar feed (GET /feeds/dialogues.ics), filtered like the list, to subscribe to or download. */
  protected readonly feed = computed(() => {
    const query = new URLSearchParams({ lang: this.i18n.language() });
    const theme = this.theme();
    if (theme) query.set('theme', theme);
    const path = `/api/v1/feeds/dialogues.ics?${query}`;
    const host = this.document.location?.host ?? '';
    return { https: path, webcal: `webcal://${host}${path}` };
  });
  protected readonly count = computed(() => this.groups().reduce((n, g) => n + g.dialogues.length, 0));

  constructor() {
    void this.store.load();
  }

  protected filter(change: { theme?: string; session?: string }): void {
    const queryParams = Object.fromEntries(Object.entries(change).map(([k, v]) => [k, v || null]));
    void this.router.navigate([], { queryParams, queryParamsHandling: 'merge', replaceUrl: true });
  }

  protected reload(): void {
    void this.store.load(true);
  }
}
