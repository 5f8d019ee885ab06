import { ChangeDetectionStrategy, Component, effect, inject, input, untracked } from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { MatAnchor } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import type { DialogueAttendance, StakeholderGroup } from '@gfmd/contracts';
import { LabelPipe, LocalDatePipe, TranslatePipe } from '@gfmd/web-shared-util-i18n';
import { backoffPoll } from '@gfmd/web-shared-util-state';
import { AuthStore } from '@gfmd/web-auth-data-access';
import { CheckInApi } from './check-in.api';
import { DoorStaffComponent } from './door-staff.component';

interface CountRow {
  key: string;
  name: string;
  arrived: number;
  expected: number;
}

/**
 * Live attendance for organizers (a dialogue's tab in the console): arrived / expected, in all,
 * by stakeholder group, by space and by room (agenda item or space door), read again every 5 s
 * (up to 10 s while nothing changes; paused while the tab is hidden) with If-None-Match, so an
 * unchanged answer is a 304 without a body (docs/check-in.md: why a short poll and not SSE).
 * Organizers also choose the dialogue's door staff here.
 */
@Component({
  selector: 'gfmd-attendance-page',
  imports: [NgTemplateOutlet, RouterLink, MatAnchor, TranslatePipe, LabelPipe, LocalDatePipe, DoorStaffComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    table {
      border-collapse: collapse;
      width: 100%;
      max-width: 40rem;
    }
    th,
    td {
      text-align: start;
      padding: 0.35rem 0.5rem;
      border-bottom: 1px solid var(--gfmd-border, #ddd);
    }
    td.n {
      text-align: end;
      font-variant-numeric: tabular-nums;
    }
    progress {
      width: 8rem;
    }
    /* A phone: the bars shrink so the table fits 390 px without scrolling sideways. */
    @media (max-width: 599.98px) {
      progress {
        width: 3rem;
      }
      th,
      td {
        padding-inline: 0.3rem;
      }
      /* A long group, space or room name (or a column's word) wraps rather than widen the page. */
      th {
        overflow-wrap: anywhere;
        hyphens: auto;
      }
    }
  `,
  template: `
    <p>
      <a mat-flat-button [routerLink]="['/door', id()]">{{ 'door.openDoorMode' | t }}</a>
      <a mat-stroked-button [href]="'/api/v1/dialogues/' + id() + '/badges.pdf'" target="_blank" rel="noopener">{{
        'door.badgesPdf' | t
      }}</a>
    </p>
    @if (poll.value(); as a) {
      <p class="total" data-testid="attendance-total">
        {{ 'door.arrived' | t: { arrived: a.arrived, expected: a.expected } }}
      </p>
      <p class="gfmd-muted">{{ 'door.updatedAt' | t: { time: (a.at | localDate: 'time') } }}</p>
      <!-- No table of headings alone: with nobody expected yet, the count above says it all. -->
      @let rows = groupRows(a);
      @if (rows.length) {
        <h2>{{ 'door.byGroup' | t }}</h2>
        <ng-container
          [ngTemplateOutlet]="counts"
          [ngTemplateOutletContext]="{ $implicit: rows, column: 'door.group', groups: true }"
        />
      }
      @if (a.bySpace.length) {
        <h2>{{ 'door.bySpace' | t }}</h2>
        <ng-container
          [ngTemplateOutlet]="counts"
          [ngTemplateOutletContext]="{ $implicit: spaceRows(a), column: 'door.space' }"
        />
      }
      @if (a.byRoom.length) {
        <h2>{{ 'door.byRoom' | t }}</h2>
        <ng-container
          [ngTemplateOutlet]="counts"
          [ngTemplateOutletContext]="{ $implicit: roomRows(a), column: 'door.roomCol', testid: 'attendance-rooms' }"
        />
      }
    }
    <!-- One table of arrived / expected per row, for groups, spaces and rooms alike. -->
    <ng-template #counts let-rows let-column="column" let-groups="groups" let-testid="testid">
      <table [attr.data-testid]="testid ?? null">
        <thead>
          <tr>
            <th scope="col">{{ column | t }}</th>
            <th scope="col">{{ 'door.arrivedCol' | t }}</th>
            <th scope="col">{{ 'door.expectedCol' | t }}</th>
            <th scope="col">
              <span class="gfmd-visually-hidden">{{ 'door.progress' | t }}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          @for (r of rows; track r.key) {
            <tr>
              <th scope="row">{{ groups ? (r.name | label: 'group') : r.name }}</th>
              <td class="n">{{ r.arrived }}</td>
              <td class="n">{{ r.expected }}</td>
              <td><progress [value]="r.arrived" [max]="r.expected || 1" aria-hidden="true"></progress></td>
            </tr>
          }
        </tbody>
      </table>
    </ng-template>
    @if (auth.canOrganize()) {
      <gfmd-door-staff [dialogueId]="id()" />
    }
  `,
})
export class AttendancePage {
  private readonly api = inject(CheckInApi);
  protected readonly auth = inject(AuthStore);
  /** the dialogue's id (the workspace route's :id, inherited) */
  readonly id = input.required<string>();

  protected readonly poll = backoffPoll<DialogueAttendance>({
    load: () => this.api.attendance(this.id()),
    done: () => false,
    same: (a, b) =>
      a.arrived === b.arrived &&
      a.expected === b.expected &&
      JSON.stringify([a.byGroup, a.bySpace, a.byRoom]) === JSON.stringify([b.byGroup, b.bySpace, b.byRoom]),
    initialMs: 5000,
    maxMs: 10_000,
  });

  constructor() {
    effect(() => {
      this.id();
      untracked(() => this.poll.start());
    });
  }

  /** The rows of the counts table: a key to track, a name (a group's is labelled in the template), the counts. */
  protected groupRows(a: DialogueAttendance): CountRow[] {
    return (Object.entries(a.byGroup) as [StakeholderGroup, { arrived: number; expected: number }][]).map(
      ([group, c]) => ({ key: group, name: group, arrived: c.arrived, expected: c.expected }),
    );
  }

  protected spaceRows(a: DialogueAttendance): CountRow[] {
    return a.bySpace.map((s) => ({ key: s.spaceId, name: s.name, arrived: s.arrived, expected: s.expected }));
  }

  protected roomRows(a: DialogueAttendance): CountRow[] {
    return a.byRoom.map((r) => ({ key: r.id, name: r.name, arrived: r.arrived, expected: r.expected }));
  }
}
