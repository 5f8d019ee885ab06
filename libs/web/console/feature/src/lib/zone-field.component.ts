import { ChangeDetectionStrategy, Component, computed, effect, input, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatAutocomplete, MatAutocompleteTrigger } from '@angular/material/autocomplete';
import { MatOption } from '@angular/material/core';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { FieldErrorPipe } from '@gfmd/web-shared-ui';
import { TranslatePipe } from '@gfmd/web-shared-util-i18n';
import { knownTimeZones } from '@gfmd/web-shared-util-time';
import { filterTimeZones } from '@gfmd/web-shared-util-time/zone-search';

const ZONES = knownTimeZones();

/**
 * The time-zone field of the console's editors (dialogues, milestones, informal sessions): an
 * IANA zone typed or found by city, with the browser's list; times beside it are read on its clock.
 */
@Component({
  selector: 'gfmd-zone-field',
  imports: [
    ReactiveFormsModule,
    MatFormField,
    MatLabel,
    MatError,
    MatHint,
    MatInput,
    MatOption,
    MatAutocomplete,
    MatAutocompleteTrigger,
    FieldErrorPipe,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field>
      <mat-label>{{ 'editor.timeZone' | t }}</mat-label>
      <input matInput [formControl]="control()" [matAutocomplete]="zoneList" required autocomplete="off" />
      <mat-autocomplete #zoneList="matAutocomplete" autoActiveFirstOption>
        @for (option of options(); track $index) {
          <mat-option [value]="option.zone">
            @if (option.city) {
              {{ option.city }} · {{ option.zone }}
            } @else {
              {{ option.zone }}
            }
          </mat-option>
        } @empty {
          <mat-option disabled>{{ 'editor.zoneNoMatch' | t }}</mat-option>
        }
      </mat-autocomplete>
      <mat-hint>{{ 'editor.timeZoneHint' | t }}</mat-hint>
      @if (control().hasError('timeZone')) {
        <mat-error>{{ 'editor.unknownZone' | t }}</mat-error>
      } @else {
        <mat-error>{{ control() | fieldError }}</mat-error>
      }
    </mat-form-field>
  `,
  styles: `
    :host {
      display: contents;
    }
  `,
})
export class ZoneFieldComponent {
  readonly control = input.required<FormControl<string>>();
  private readonly query = signal('');

  constructor() {
    effect((onCleanup) => {
      const control = this.control();
      this.query.set(control.value);
      const sub = control.valueChanges.subscribe((v) => this.query.set(v ?? ''));
      onCleanup(() => sub.unsubscribe());
    });
  }

  protected readonly options = computed(() => {
    const query = this.query();
    // A zone already chosen shows the whole list again, so another can be picked.
    return filterTimeZones(ZONES, ZONES.includes(query) ? '' : query);
  });
}
