import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { MatAnchor } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { LoadingStateComponent } from '@gfmd/web-shared-ui';
import { ProblemAlertComponent } from '@gfmd/web-shared-ui';
import {
  ContentLangDirective,
  I18n,
  I18nTitleStrategy,
  LabelPipe,
  LocalDatePipe,
  LocalNumberPipe,
  TranslatePipe,
} from '@gfmd/web-shared-util-i18n';
import { viewerTimeZone, zoneLabel } from '@gfmd/web-shared-util-time';
import { CatalogStore, DialogueStore } from '@gfmd/web-dialogues-data-access';
import { AgendaViewComponent } from '@gfmd/web-dialogues-ui/agenda-view';
import { AvailabilityComponent, LeadTimeComponent, dialogueAvailability } from '@gfmd/web-dialogues-ui';
import { loadResource } from '@gfmd/web-shared-util-state';
import { OutcomesApi } from '@gfmd/web-outcomes-data-access';
import { firstValueFrom } from 'rxjs';
import { DialogueDocumentsComponent } from '@gfmd/web-documents-feature/public';
import { itemDocumentLinks } from '@gfmd/web-documents-data-access';
import type { DocumentView } from '@gfmd/contracts';

@Component({
  selector: 'gfmd-dialogue-detail-page',
  imports: [
    RouterLink,
    MatAnchor,
    LoadingStateComponent,
    ProblemAlertComponent,
    AgendaViewComponent,
    AvailabilityComponent,
    LeadTimeComponent,
    TranslatePipe,
    LabelPipe,
    LocalDatePipe,
    LocalNumberPipe,
    DialogueDocumentsComponent,
    ContentLangDirective,
  ],
  providers: [DialogueStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './dialogue-detail.page.scss',
  template: `
    <p>
      <a routerLink="/dialogues"><span class="gfmd-mirror" aria-hidden="true">←</span> {{ 'dialogues.back' | t }}</a>
    </p>
    @if (store.dialogue(); as d) {
      <article>
        <h1 [gfmdContentLang]="d.titleLang">{{ d.title }}</h1>
        <p class="chips">
          <gfmd-availability [dialogue]="d" />
          <span class="gfmd-chip">{{ d.format | label: 'format' }}</span>
          @for (themeId of d.themeIds; track themeId) {
            @if (catalog.themesById().get(themeId); as theme) {
              <span class="gfmd-chip">{{ theme.code }} · {{ theme.title }}</span>
            }
          }
        </p>

        <div class="layout">
          <div class="main">
            <h2>{{ 'dialogue.summary' | t }}</h2>
            <p class="summary" [gfmdContentLang]="d.summaryLang">{{ d.summary }}</p>
            @if (outcomeOf() === d.id) {
              <p>
                <a mat-stroked-button [routerLink]="['/dialogues', d.id, 'outcome']">{{
                  'dialogue.outcomeLink' | t
                }}</a>
              </p>
            }

            <h2 id="agenda-heading">{{ 'dialogue.agenda' | t }}</h2>
            <div class="gfmd-actions">
              <a mat-stroked-button [href]="icsUrl()" download>{{ 'dialogue.addToCalendar' | t }}</a>
            </div>
            <!-- The agenda renders once the rest of the page is on screen: a task of its own. On a busy
                 machine the browser may not report idle for long; the timer makes sure it comes. -->
            @defer (on idle; on timer(1s)) {
              <gfmd-agenda-view
                [items]="store.agenda()"
                [spaces]="store.spaces()"
                [timeZone]="d.timeZone"
                [documents]="itemDocuments()"
              />
            } @placeholder {
              <gfmd-loading-state />
            }
            @defer (on idle; on timer(1s)) {
              <gfmd-dialogue-documents [dialogueId]="d.id" (loaded)="documents.set($event)" />
            }
          </div>

          <aside class="facts" [attr.aria-label]="'dialogue.keyFacts' | t">
            <dl>
              <dt>{{ 'dialogue.when' | t }}</dt>
              <dd>
                {{ d.startsAt | localDate: 'dateTime' : d.timeZone }} –
                {{ d.endsAt | localDate: 'dateTime' : d.timeZone }}
                <span class="gfmd-muted">({{ zone() }})</span>
                @if (viewerZone !== d.timeZone) {
                  <br /><span class="gfmd-muted"
                    >{{ 'agenda.yourTime' | t }} {{ d.startsAt | localDate: 'dateTime' : viewerZone }}</span
                  >
                }
              </dd>
              @if (d.format !== 'online') {
                <dt>{{ 'dialogue.venue' | t }}</dt>
                <dd>{{ d.venue }}</dd>
              }
              @if (d.format !== 'in_person') {
                <dt>{{ 'dialogue.online' | t }}</dt>
                <dd>
                  @if (d.onlineUrl) {
                    <a [href]="d.onlineUrl" rel="noopener" target="_blank">{{ 'dialogue.joinOnline' | t }}</a>
                  } @else {
                    {{ 'dialogue.onlineLinkLater' | t }}
                  }
                </dd>
              }
              <dt>{{ 'dialogue.languages' | t }}</dt>
              <dd>{{ languages() }}</dd>
              @if (session(); as s) {
                <dt>{{ 'dialogue.session' | t }}</dt>
                <dd>
                  {{ 'dialogues.sessionHeading' | t: { number: s.number, title: s.title } }}<br />
                  <span class="gfmd-muted">{{ s.startsAt | localDate: 'date' : s.timeZone }} · {{ s.venue }}</span>
                </dd>
              }
              <dt>{{ 'dialogue.leadTime' | t }}</dt>
              <dd><gfmd-lead-time [days]="d.leadTimeDays" /></dd>
              <dt>{{ 'dialogue.capacity' | t }}</dt>
              <dd>{{ d.capacity | localNumber }}</dd>
              @if (d.registrationClosesAt) {
                <dt>{{ 'dialogue.registrationCloses' | t }}</dt>
                <dd>{{ d.registrationClosesAt | localDate: 'dateTime' : d.timeZone }}</dd>
              }
            </dl>
            @switch (availability()) {
              @case ('open') {
                <a mat-flat-button class="gfmd-full" [routerLink]="['/dialogues', d.id, 'register']">{{
                  'dialogue.register' | t
                }}</a>
                @if (d.approvalRequired) {
                  <p class="gfmd-muted">{{ 'dialogue.approvalNote' | t }}</p>
                }
              }
              @case ('full') {
                <p class="gfmd-alert gfmd-alert--info">{{ 'dialogue.fullNote' | t }}</p>
                <a mat-flat-button class="gfmd-full" [routerLink]="['/dialogues', d.id, 'register']">{{
                  'dialogue.joinWaitlist' | t
                }}</a>
              }
              @default {
                <p class="gfmd-alert gfmd-alert--info">
                  <gfmd-availability [dialogue]="d" />
                  {{ 'dialogue.registrationClosed' | t }}
                </p>
              }
            }
            @if (store.spaces().length) {
              <h2>{{ 'dialogue.spaces' | t }}</h2>
              <ul class="spaces">
                @for (space of store.spaces(); track space.id) {
                  <li>
                    <strong [gfmdContentLang]="space.nameLang">{{ space.name }}</strong>
                    <span class="gfmd-muted">· {{ space.kind | label: 'spaceKind' }}</span
                    ><br />
                    <small>{{ space.access | label: 'access' }}</small>
                    @if (space.description) {
                      <p class="space-description" [gfmdContentLang]="space.descriptionLang">{{ space.description }}</p>
                    }
                  </li>
                }
              </ul>
            }
          </aside>
        </div>
      </article>
    } @else if (store.loading()) {
      <h1>{{ 'dialogue.loadingTitle' | t }}</h1>
      <gfmd-loading-state />
    } @else {
      <h1>{{ 'dialogue.unavailable' | t }}</h1>
      <gfmd-problem-alert
        [problem]="store.problem()"
        [retryable]="store.problem()?.status !== 404"
        (retry)="store.reload()"
      />
    }
  `,
})
export class DialogueDetailPage {
  private readonly titles = inject(I18nTitleStrategy);
  protected readonly store = inject(DialogueStore);
  protected readonly catalog = inject(CatalogStore);
  private readonly outcomes = inject(OutcomesApi);
  /** the dialogue whose outcome is published (a link to it shows); null while unknown or none */
  protected readonly outcomeOf = signal<string | null>(null);
  private readonly i18n = inject(I18n);
  /** the dialogue's documents (as the documents section loaded them) */
  protected readonly documents = signal<DocumentView[]>([]);
  /** public documents of agenda items, shown beside each item */
  protected readonly itemDocuments = computed(() => itemDocumentLinks(this.documents(), this.i18n.language()));

  readonly id = input.required<string>();

  protected readonly viewerZone = viewerTimeZone();
  protected readonly availability = computed(() => {
    const d = this.store.dialogue();
    return d ? dialogueAvailability(d) : 'closed';
  });
  protected readonly zone = computed(() => {
    const d = this.store.dialogue();
    return d ? zoneLabel(d.startsAt, d.timeZone) : '';
  });
  protected readonly icsUrl = computed(() => this.store.agendaIcsUrl(this.id()));
  protected readonly session = computed(() => {
    const d = this.store.dialogue();
    return d ? this.catalog.sessionsById().get(d.informalSessionId) : undefined;
  });
  protected readonly languages = computed(() =>
    (this.store.dialogue()?.languages ?? []).map((l) => l.toUpperCase()).join(', '),
  );

  constructor() {
    void this.catalog.load();
    loadResource(this.id, (id) => this.store.load(id));
    // The content comes in the reader's language: read it again when they choose another.
    let shownIn = this.i18n.language();
    effect(() => {
      const language = this.i18n.language();
      if (language !== shownIn) {
        shownIn = language;
        untracked(() => void this.store.reload());
      }
    });
    effect(() => this.titles.setDynamic(this.store.dialogue()?.title));
    // Once the dialogue shows: is its outcome published? (404 until then: no link.)
    effect(() => {
      const id = this.store.dialogue()?.id;
      if (id) untracked(() => void this.checkOutcome(id));
    });
  }

  private async checkOutcome(id: string): Promise<void> {
    this.outcomeOf.set(null);
    try {
      await firstValueFrom(this.outcomes.published(id));
      if (this.store.dialogue()?.id === id) this.outcomeOf.set(id);
    } catch {
      // not published (404) or unreachable: the page works without the link
    }
  }
}
