import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { type AbstractControl, type FormControl, ReactiveFormsModule, type ValidationErrors } from '@angular/forms';
import { MatAutocomplete, MatAutocompleteTrigger } from '@angular/material/autocomplete';
import { MatOption } from '@angular/material/core';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { I18n, TranslatePipe, type TranslationKey } from '@gfmd/web-shared-util-i18n';
import { filterCountries, foldForSearch, isCountryCode } from '@gfmd/web-shared-util-i18n/search';
import type { Subscription } from 'rxjs';
import { FieldErrorPipe } from './field-error.pipe';

/** `{ country: true }` for text that is not a country chosen from the list (empty is left to `required`). */
export const countryCodeValidator = (control: AbstractControl<string | null>): ValidationErrors | null =>
  !control.value || isCountryCode(control.value) ? null : { country: true };

/**
 * A country picker that searches as one types, in the reader's language (Intl.DisplayNames):
 * "Mex" offers Mexico. Arrow keys and Enter choose (Material autocomplete); leaving the field
 * with the full name, or text that only one country matches, chooses it too. The control holds
 * the ISO 3166-1 alpha-2 code; anything else is refused with `country`.
 */
@Component({
  selector: 'gfmd-country-field',
  imports: [
    ReactiveFormsModule,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatAutocomplete,
    MatAutocompleteTrigger,
    MatOption,
    FieldErrorPipe,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { style: 'display: contents' },
  template: `
    <mat-form-field>
      <mat-label>{{ 'register.country' | t }}</mat-label>
      <input
        matInput
        name="country"
        [formControl]="control()"
        [matAutocomplete]="list"
        autocomplete="off"
        [required]="required()"
        (blur)="commit()"
      />
      <mat-autocomplete #list="matAutocomplete" [displayWith]="display" autoActiveFirstOption>
        @for (country of options(); track country.code) {
          <mat-option [value]="country.code">{{ country.name }}</mat-option>
        } @empty {
          <mat-option disabled>{{ 'country.noMatch' | t }}</mat-option>
        }
      </mat-autocomplete>
      @if (hint(); as key) {
        <mat-hint>{{ key | t }}</mat-hint>
      }
      <mat-error>{{ control() | fieldError }}</mat-error>
    </mat-form-field>
  `,
})
export class CountryFieldComponent {
  private readonly i18n = inject(I18n);

  /** the country code control of the parent form */
  readonly control = input.required<FormControl<string>>();
  readonly hint = input<TranslationKey>();
  readonly required = input(true);

  private readonly query = signal('');
  protected readonly options = computed(() => filterCountries(this.i18n.countries(), this.query()));
  protected readonly display = (value: string | null): string =>
    value && isCountryCode(value) ? this.i18n.countryName(value) : (value ?? '');

  constructor() {
    let subscription: Subscription | undefined;
    inject(DestroyRef).onDestroy(() => subscription?.unsubscribe());
    effect(() => {
      const control = this.control();
      untracked(() => {
        subscription?.unsubscribe();
        if (!control.hasValidator(countryCodeValidator)) {
          control.addValidators(countryCodeValidator);
          control.updateValueAndValidity({ emitEvent: false });
        }
        this.query.set(control.value ?? '');
        subscription = control.valueChanges.subscribe((value) => this.query.set(value ?? ''));
      });
    });
  }

  /** Leaving the field: the full name of a country, or text only one country matches, chooses it. */
  protected commit(): void {
    const control = this.control();
    const value = control.value;
    if (!value || isCountryCode(value)) {
      return;
    }
    const folded = foldForSearch(value);
    const matches = filterCountries(this.i18n.countries(), value);
    const chosen =
      matches.find((c) => foldForSearch(c.name) === folded) ?? (matches.length === 1 ? matches[0] : undefined);
    if (chosen) {
      control.setValue(chosen.code);
      control.markAsDirty();
    }
  }
}
