import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { SynthesisDue } from '@gfmd/contracts';
import {
  ContentLangDirective,
  I18n,
  LocalDatePipe,
  type TranslationKey,
  TranslatePipe,
} from '@gfmd/web-shared-util-i18n';
import { synthesisHeading, type SynthesisHeading } from './synthesis-title';

/**
 * The due dates of a process's syntheses, late and missing ones flagged; links to the builder
 * (staff) or the public page (where a reader subscribes before it is published). Each link reads
 * the heading in the page's words around the session's or milestone's own title, which alone is
 * marked with its language when it fell back to another (`targetTitleLang`).
 */
@Component({
  selector: 'gfmd-synthesis-dues',
  imports: [RouterLink, TranslatePipe, LocalDatePipe, ContentLangDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="dues" aria-labelledby="synthesis-dues-heading">
      <h2 id="synthesis-dues-heading">{{ 'synthesis.dues.heading' | t }}</h2>
      <ul>
        @for (due of dues(); track due.targetId) {
          <li>
            @let h = heading(due);
            <a [routerLink]="link(due)"
              >{{ h.before }}<span [gfmdContentLang]="due.targetTitleLang">{{ h.title }}</span
              >{{ h.after }}</a
            >
            <span class="gfmd-muted"> · {{ 'synthesis.dues.due' | t: { date: (due.dueAt | localDate: 'date') } }}</span>
            <span class="gfmd-chip" [class.gfmd-chip--ok]="due.status === 'published'">{{ statusKey(due) | t }}</span>
            @if (due.late) {
              <span class="gfmd-chip gfmd-chip--warn">{{ 'synthesis.dues.late' | t }}</span>
            }
          </li>
        }
      </ul>
    </section>
  `,
  styles: `
    ul {
      list-style: none;
      padding: 0;
      margin: 0;
    }
    li {
      padding: 0.4rem 0;
      border-bottom: 1px solid var(--gfmd-border, #d9e2ec);
      overflow-wrap: anywhere;
    }
    .gfmd-chip {
      margin-inline-start: 0.4rem;
    }
  `,
})
export class SynthesisDuesComponent {
  readonly dues = input.required<SynthesisDue[]>();
  /** Staff: links to the builder in the console; else to the public pages. */
  readonly staff = input(false);

  private readonly i18n = inject(I18n);

  protected heading(due: SynthesisDue): SynthesisHeading {
    return synthesisHeading(due, this.i18n);
  }

  protected statusKey(due: SynthesisDue): TranslationKey {
    return `synthesis.status.${due.status}`;
  }

  protected link(due: SynthesisDue): string[] {
    return this.staff() ? ['/console/syntheses', due.target, due.targetId] : ['/syntheses', due.target, due.targetId];
  }
}
