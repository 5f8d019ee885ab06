import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { AuthStore } from '@gfmd/web-auth-data-access';
import { TranslatePipe } from '@gfmd/web-shared-util-i18n';

@Component({
  selector: 'gfmd-console-layout',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    nav ul {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
      list-style: none;
      padding: 0;
      margin: 0 0 0.5rem;
      font-size: 0.95rem;
    }
    a.active {
      font-weight: 600;
    }
  `,
  template: `
    <nav [attr.aria-label]="'console.nav' | t">
      <ul>
        <li>
          <a
            routerLink="/console"
            routerLinkActive="active"
            [routerLinkActiveOptions]="{ exact: true }"
            ariaCurrentWhenActive="page"
            >{{ 'console.overview' | t }}</a
          >
        </li>
        <li>
          <a routerLink="/console/dialogues/new" routerLinkActive="active" ariaCurrentWhenActive="page">{{
            'console.newDialogue' | t
          }}</a>
        </li>
        <li>
          <a routerLink="/console/processes" routerLinkActive="active" ariaCurrentWhenActive="page">{{
            'console.processes' | t
          }}</a>
        </li>
        @if (auth.isAdmin()) {
          <li>
            <a routerLink="/console/outbox" routerLinkActive="active" ariaCurrentWhenActive="page">{{
              'nav.outbox' | t
            }}</a>
          </li>
          <li>
            <a routerLink="/console/staff" routerLinkActive="active" ariaCurrentWhenActive="page">{{
              'nav.staff' | t
            }}</a>
          </li>
          <li>
            <a routerLink="/console/audit" routerLinkActive="active" ariaCurrentWhenActive="page">{{
              'nav.audit' | t
            }}</a>
          </li>
          <li>
            <a routerLink="/console/webhooks" routerLinkActive="active" ariaCurrentWhenActive="page">{{
              'nav.webhooks' | t
            }}</a>
          </li>
        }
      </ul>
    </nav>
    <router-outlet />
  `,
})
export class ConsoleLayoutComponent {
  protected readonly auth = inject(AuthStore);
}
