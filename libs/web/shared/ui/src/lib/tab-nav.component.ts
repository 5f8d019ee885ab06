import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatTabLink, MatTabNav, MatTabNavPanel } from '@angular/material/tabs';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { TranslatePipe, type TranslationKey } from '@gfmd/web-shared-util-i18n';

export interface NavTab {
  /** Below the base route; '' is the base route itself. */
  path: string;
  label: TranslationKey;
  /** A count shown beside the label (e.g. what waits for approval); hidden when 0 or absent. */
  badge?: number | null;
}

/**
 * Tabs that are routes (Material tab links), with the routed content projected into their panel.
 * No pagination arrows: on a narrow screen the tabs wrap onto a second row (apps/web styles.scss,
 * `.gfmd-tab-nav`), so every tab is whole and one tap opens it. A paginated bar scrolled a
 * half-hidden tab into view under the finger and the tap was lost.
 */
@Component({
  selector: 'gfmd-tab-nav',
  imports: [RouterLink, RouterLinkActive, MatTabNav, MatTabLink, MatTabNavPanel, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    /* Blocks, not inline: an inline box around the routed page made the pointer land on it (styles.scss). */
    :host,
    mat-tab-nav-panel {
      display: block;
    }
    nav {
      margin-bottom: 1rem;
    }
    .badge {
      margin-inline-start: 0.4rem;
    }
  `,
  template: `
    <nav
      mat-tab-nav-bar
      class="gfmd-tab-nav"
      [tabPanel]="panel"
      [disablePagination]="true"
      [attr.aria-label]="label() | t"
    >
      @for (tab of tabs(); track tab.path) {
        <a
          mat-tab-link
          [routerLink]="link(tab)"
          routerLinkActive
          #rla="routerLinkActive"
          [routerLinkActiveOptions]="{ exact: true }"
          [active]="rla.isActive"
          >{{ tab.label | t }}
          @if (tab.badge) {
            <span class="gfmd-chip gfmd-chip--warn badge">{{ tab.badge }}</span>
          }
        </a>
      }
    </nav>
    <mat-tab-nav-panel #panel>
      <ng-content />
    </mat-tab-nav-panel>
  `,
})
export class TabNavComponent {
  /** Router commands of the base route, e.g. ['/console/dialogues', id]. */
  readonly base = input.required<readonly unknown[]>();
  readonly tabs = input.required<readonly NavTab[]>();
  /** The accessible name of the tab bar. */
  readonly label = input.required<TranslationKey>();

  protected link(tab: NavTab): unknown[] {
    return tab.path ? [...this.base(), tab.path] : [...this.base()];
  }
}
