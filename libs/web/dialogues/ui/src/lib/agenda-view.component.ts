import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { AgendaItem, Space } from '@gfmd/contracts';
import {
  ContentLangDirective,
  I18n,
  LabelPipe,
  LocalDatePipe,
  TranslatePipe,
  type TranslationKey,
} from '@gfmd/web-shared-util-i18n';
import { viewerTimeZone, zoneLabel, zonedDateKey } from '@gfmd/web-shared-util-time';
import { groupAgenda } from './agenda-grouping.util';

/** A document linked beside an agenda item (public page: public ones; a participant's page: through their manage link). */
export interface AgendaItemDocument {
  id: string;
  title: string;
  href: string;
  /** the file name to save under; null opens it in the browser (PDF, images) */
  download: string | null;
  /** e.g. "PDF · 1.2 MB" */
  details: string;
  language: string;
}

/**
 * An agenda by day, in time order (each item labelled with its space), times in the dialogue's zone with the viewer's own time beside them
 * when the two differ.
 */
@Component({
  selector: 'gfmd-agenda-view',
  imports: [TranslatePipe, LabelPipe, LocalDatePipe, ContentLangDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './agenda-view.component.scss',
  template: `
    @if (!days().length) {
      <p class="gfmd-muted">{{ emptyMessage() | t }}</p>
    } @else {
      @if (showViewerTime()) {
        <p class="gfmd-muted">{{ 'agenda.zonesNote' | t: zonesNote() }}</p>
      }
      @for (day of days(); track day.day) {
        <section class="day" [attr.aria-labelledby]="headingPrefix() + day.day">
          <h3 [id]="headingPrefix() + day.day">{{ day.firstStartsAt | localDate: 'day' : timeZone() }}</h3>
          <ol class="items">
            @for (entry of day.entries; track entry.item.id) {
              @let item = entry.item;
              <li class="item" [class.item--break]="item.kind === 'break'">
                <p class="item__time">
                  <span>
                    <time [attr.datetime]="item.startsAt">{{
                      item.startsAt | localDate: 'time' : timeZone()
                    }}</time>–<time [attr.datetime]="item.endsAt">{{
                      item.endsAt | localDate: 'zoned' : timeZone()
                    }}</time>
                  </span>
                  @if (showViewerTime()) {
                    <span class="item__local"> {{ 'agenda.yourTime' | t }} {{ viewerRange(item) }} </span>
                  }
                </p>
                <div class="item__body">
                  <p class="item__title">
                    <strong [gfmdContentLang]="item.titleLang">{{ item.title }}</strong>
                    <span class="gfmd-chip">{{ item.kind | label: 'agendaKind' }}</span>
                  </p>
                  <p class="item__where">
                    <span
                      class="gfmd-chip"
                      [class.gfmd-chip--space]="!!entry.space"
                      [gfmdContentLang]="entry.space?.nameLang"
                      >{{ entry.space?.name ?? ('agenda.forEveryone' | t) }}</span
                    >
                    @if (item.room) {
                      <span class="gfmd-muted">{{ 'agenda.room' | t }}: {{ item.room }}</span>
                    }
                  </p>
                  @if (item.description) {
                    <p [gfmdContentLang]="item.descriptionLang">{{ item.description }}</p>
                  }
                  @if (item.speakers.length) {
                    <ul class="speakers" [attr.aria-label]="'agenda.speakers' | t">
                      @for (speaker of item.speakers; track $index) {
                        <li>
                          {{ speaker.name }}{{ speaker.organization ? ', ' + speaker.organization : '' }}
                          <span class="gfmd-muted">({{ speaker.role | label: 'speakerRole' }})</span>
                        </li>
                      }
                    </ul>
                  }
                  @if (documents().get(item.id); as docs) {
                    <ul class="documents" [attr.aria-label]="'agenda.documents' | t: { title: item.title }">
                      @for (doc of docs; track doc.id) {
                        <li>
                          <a [href]="doc.href" [attr.download]="doc.download" [attr.hreflang]="doc.language">{{
                            doc.title
                          }}</a>
                          <span class="gfmd-muted"> ({{ doc.details }})</span>
                        </li>
                      }
                    </ul>
                  }
                </div>
              </li>
            }
          </ol>
        </section>
      }
    }
  `,
})
export class AgendaViewComponent {
  private readonly i18n = inject(I18n);

  readonly items = input.required<readonly AgendaItem[]>();
  readonly spaces = input<readonly Space[]>([]);
  readonly timeZone = input.required<string>();
  /** what to say when there is no item to show (e.g. a personal agenda with none of the person's items) */
  readonly emptyMessage = input<TranslationKey>('agenda.empty');
  /** the documents shown beside each item, by item id */
  readonly documents = input<ReadonlyMap<string, readonly AgendaItemDocument[]>>(new Map());
  /** unique prefix for heading ids when two agendas share a page */
  readonly headingPrefix = input('agenda-day-');

  protected readonly viewerZone = viewerTimeZone();
  protected readonly days = computed(() => groupAgenda(this.items(), this.spaces(), this.timeZone()));
  /** "Europe/Zurich, GMT+2" for the venue and the viewer, at the agenda's first item. */
  protected readonly zonesNote = computed(() => {
    const at = this.items()[0]?.startsAt ?? new Date().toISOString();
    return { venue: zoneLabel(at, this.timeZone()), viewer: zoneLabel(at, this.viewerZone) };
  });
  protected readonly showViewerTime = computed(() => {
    const first = this.items()[0];
    if (!first) {
      return false;
    }
    return (
      this.i18n.formatDate(first.startsAt, 'zoned', this.timeZone()) !==
      this.i18n.formatDate(first.startsAt, 'zoned', this.viewerZone)
    );
  });

  protected viewerRange(item: AgendaItem): string {
    const zone = this.viewerZone;
    const otherDay = zonedDateKey(item.startsAt, zone) !== zonedDateKey(item.startsAt, this.timeZone());
    const start = `${otherDay ? this.i18n.formatDate(item.startsAt, 'dayShort', zone) + ' ' : ''}${this.i18n.formatDate(item.startsAt, 'time', zone)}`;
    return `${start}–${this.i18n.formatDate(item.endsAt, 'zoned', zone)}`;
  }
}
