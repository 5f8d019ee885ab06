import { ChangeDetectionStrategy, Component, effect, inject, input, untracked } from '@angular/core';
import { MatAnchor } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import type { DialogueAttendance, StakeholderGroup } from '@gfmd/contracts';
import { LabelPipe, LocalDatePipe, TranslatePipe } from '@gfmd/web-shared-util-i18n';
import { backoffPoll } from '@gfmd/web-shared-util-state';
import { AuthStore } from '@gfmd/web-auth-data-access';
import { CheckInApi } from './check-in.api';
import { DoorStaffComponent } from './door-staff.component';

/**
 * Live attendance for organizers (a dialogue's tab in the console): arrived / expected, in all,
 * by stakeholder group, by space and by room (agenda item or space door), read again every 5 s
 * (up to 10 s while nothing changes; paused while the tab is hidden) with If-None-Match, so an
 * unchanged answer is a 304 without a body (docs/check-in.md: why a short poll and not SSE).
 * Organizers also choose the dialogue's door staff here.
 */
@Component({
  selector: 'gfmd-attendance-page',
  imports: [RouterLink, MatAnchor, TranslatePipe, LabelPipe, LocalDatePipe, DoorStaffComponent],
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
      <h2>{{ 'door.byGroup' | t }}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{{ 'door.group' | t }}</th>
            <th scope="col">{{ 'door.arrivedCol' | t }}</th>
            <th scope="col">{{ 'door.expectedCol' | t }}</th>
            <th scope="col">
              <span class="gfmd-visually-hidden">{{ 'door.progress' | t }}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          @for (g of groups(a); track g.group) {
            <tr>
              <th scope="row">{{ g.group | label: 'group' }}</th>
              <td class="n">{{ g.arrived }}</td>
              <td class="n">{{ g.expected }}</td>
              <td><progress [value]="g.arrived" [max]="g.expected || 1" aria-hidden="true"></progress></td>
            </tr>
          }
        </tbody>
      </table>
      @if (a.bySpace.length) {
        <h2>{{ 'door.bySpace' | t }}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{{ 'door.space' | t }}</th>
              <th scope="col">{{ 'door.arrivedCol' | t }}</th>
              <th scope="col">{{ 'door.expectedCol' | t }}</th>
              <th scope="col">
                <span class="gfmd-visually-hidden">{{ 'door.progress' | t }}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            @for (s of a.bySpace; track s.spaceId) {
              <tr>
                <th scope="row">{{ s.name }}</th>
                <td class="n">{{ s.arrived }}</td>
                <td class="n">{{ s.expected }}</td>
                <td><progress [value]="s.arrived" [max]="s.expected || 1" aria-hidden="true"></progress></td>
              </tr>
            }
          </tbody>
        </table>
      }
      @if (a.byRoom.length) {
        <h2>{{ 'door.byRoom' | t }}</h2>
        <table data-testid="attendance-rooms">
          <thead>
            <tr>
              <th scope="col">{{ 'door.roomCol' | t }}</th>
              <th scope="col">{{ 'door.arrivedCol' | t }}</th>
              <th scope="col">{{ 'door.expectedCol' | t }}</th>
              <th scope="col">
                <span class="gfmd-visually-hidden">{{ 'door.progress' | t }}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            @for (r of a.byRoom; track r.id) {
              <tr>
                <th scope="row">{{ r.name }}</th>
                <td class="n">{{ r.arrived }}</td>
                <td class="n">{{ r.expected }}</td>
                <td><progress [value]="r.arrived" [max]="r.expected || 1" aria-hidden="true"></progress></td>
              </tr>
            }
          </tbody>
        </table>
      }
    }
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

  protected groups(a: DialogueAttendance) {
    return (Object.entries(a.byGroup) as [StakeholderGroup, { arrived: number; expected: number }][]).map(
      ([group, c]) => ({ group, ...c }),
    );
  }
}
