import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { FieldErrorPipe } from '@gfmd/web-shared-ui';
import { TranslatePipe } from '@gfmd/web-shared-util-i18n';

/** The controls a person's details form shares between registering and managing a registration. */
export type PersonControls = Record<
  'title' | 'firstName' | 'lastName' | 'organization' | 'jobTitle',
  FormControl<string>
>;

/**
 * Honorific, names, organization and job title, with their labels, autocomplete hints and
 * errors. The host is `display: contents`, so the fields sit directly in the parent's grid.
 */
@Component({
  selector: 'gfmd-person-fields',
  imports: [ReactiveFormsModule, MatFormField, MatLabel, MatError, MatInput, FieldErrorPipe, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { style: 'display: contents' },
  template: `
    <mat-form-field>
      <mat-label>{{ 'register.honorific' | t }} ({{ 'common.optional' | t }})</mat-label>
      <input matInput name="title" [formControl]="controls().title" autocomplete="honorific-prefix" />
      <mat-error>{{ controls().title | fieldError }}</mat-error>
    </mat-form-field>
    <mat-form-field>
      <mat-label>{{ 'register.firstName' | t }}</mat-label>
      <input matInput name="firstName" [formControl]="controls().firstName" autocomplete="given-name" required />
      <mat-error>{{ controls().firstName | fieldError }}</mat-error>
    </mat-form-field>
    <mat-form-field>
      <mat-label>{{ 'register.lastName' | t }}</mat-label>
      <input matInput name="lastName" [formControl]="controls().lastName" autocomplete="family-name" required />
      <mat-error>{{ controls().lastName | fieldError }}</mat-error>
    </mat-form-field>
    <mat-form-field>
      <mat-label>{{ 'register.organization' | t }}</mat-label>
      <input
        matInput
        name="organization"
        [formControl]="controls().organization"
        autocomplete="organization"
        required
      />
      <mat-error>{{ controls().organization | fieldError }}</mat-error>
    </mat-form-field>
    <mat-form-field>
      <mat-label>{{ 'register.jobTitle' | t }} ({{ 'common.optional' | t }})</mat-label>
      <input matInput name="jobTitle" [formControl]="controls().jobTitle" autocomplete="organization-title" />
      <mat-error>{{ controls().jobTitle | fieldError }}</mat-error>
    </mat-form-field>
  `,
})
export class PersonFieldsComponent {
  readonly controls = input.required<PersonControls>();
}
