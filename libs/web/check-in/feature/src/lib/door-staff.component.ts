import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import type { ProblemDetails, User } from '@gfmd/contracts';
import { TranslatePipe } from '@gfmd/web-shared-util-i18n';
import { toProblem } from '@gfmd/web-shared-util-http';
import { CheckInApi } from './check-in.api';

/**
 * The door staff of a dialogue (organizers, on the Attendance tab): tick the staff accounts with
 * the door role who scan for this dialogue, and save. A door user may open only the dialogues
 * they are assigned to (docs/check-in.md, "The door role").
 */
@Component({
  selector: 'gfmd-door-staff',
  imports: [MatButton, MatCheckbox, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    ul {
      list-style: none;
      padding: 0;
      margin: 0 0 0.75rem;
    }
    li {
      overflow-wrap: anywhere;
    }
    .email {
      color: var(--gfmd-muted, #555);
    }
  `,
  template: `
    <section aria-labelledby="door-staff-title" data-testid="door-staff">
      <h2 id="door-staff-title">{{ 'door.staffTitle' | t }}</h2>
      <p class="gfmd-muted">{{ 'door.staffHint' | t }}</p>
      @if (problem(); as p) {
        <p class="gfmd-alert gfmd-alert--error" role="alert">{{ p.detail ?? p.title }}</p>
      }
      @if (users(); as list) {
        @if (list.length) {
          <form (submit)="$event.preventDefault(); save()">
            <fieldset>
              <legend class="gfmd-visually-hidden">{{ 'door.staffLegend' | t }}</legend>
              <ul>
                @for (u of list; track u.id) {
                  <li>
                    <mat-checkbox
                      [checked]="chosen().has(u.id)"
                      [disabled]="u.active === false && !chosen().has(u.id)"
                      (change)="toggle(u.id, $event.checked)"
                    >
                      {{ u.name }} <span class="email">· {{ u.email }}</span>
                      @if (u.active === false) {
                        · {{ 'door.staffInactive' | t }}
                      }
                    </mat-checkbox>
                  </li>
                }
              </ul>
            </fieldset>
            <button mat-flat-button type="submit" [disabled]="busy()">{{ 'door.staffSave' | t }}</button>
          </form>
        } @else {
          <p>{{ 'door.staffNone' | t }}</p>
        }
      }
      <p class="gfmd-muted" role="status" data-testid="door-staff-status">
        @if (saved()) {
          {{ 'door.staffSaved' | t }}
        }
      </p>
    </section>
  `,
})
export class DoorStaffComponent {
  private readonly api = inject(CheckInApi);
  /** the dialogue's id */
  readonly dialogueId = input.required<string>();

  protected readonly users = signal<User[] | null>(null);
  protected readonly chosen = signal<ReadonlySet<string>>(new Set());
  protected readonly busy = signal(false);
  protected readonly saved = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);

  constructor() {
    effect(() => {
      const id = this.dialogueId();
      untracked(() => void this.load(id));
    });
  }

  private async load(id: string): Promise<void> {
    this.problem.set(null);
    try {
      const [users, staff] = await Promise.all([this.api.doorUsers(), this.api.doorStaff(id)]);
      this.chosen.set(new Set(staff.users.map((u) => u.id)));
      this.users.set(users);
    } catch (error) {
      this.problem.set(toProblem(error));
    }
  }

  protected toggle(id: string, on: boolean): void {
    const next = new Set(this.chosen());
    if (on) next.add(id);
    else next.delete(id);
    this.chosen.set(next);
    this.saved.set(false);
  }

  protected async save(): Promise<void> {
    this.busy.set(true);
    this.problem.set(null);
    try {
      const staff = await this.api.saveDoorStaff(this.dialogueId(), [...this.chosen()]);
      this.chosen.set(new Set(staff.users.map((u) => u.id)));
      this.saved.set(true);
    } catch (error) {
      this.problem.set(toProblem(error));
    } finally {
      this.busy.set(false);
    }
  }
}
