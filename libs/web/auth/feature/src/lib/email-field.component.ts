import { ChangeDetectionStrategy, ChangeDetectorRef, Component, type DoCheck, inject } from '@angular/core';
import { ControlContainer, ReactiveFormsModule } from '@angular/forms';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { TranslatePipe } from '@gfmd/web-shared-util-i18n';

/**
 * The staff email address of the sign-in and forgotten-password pages: the page's `email`
 * control, with the server's message, the format or the required message under it.
 */
@Component({
  selector: 'gfmd-staff-email-field',
  imports: [ReactiveFormsModule, MatFormField, MatLabel, MatError, MatInput, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  // The field joins the page's form group.
  viewProviders: [{ provide: ControlContainer, useFactory: () => inject(ControlContainer, { skipSelf: true }) }],
  template: `
    <mat-form-field appearance="outline" class="gfmd-full">
      <mat-label>{{ 'login.email' | t }}</mat-label>
      <input matInput type="email" formControlName="email" autocomplete="username" required />
      @if (error('server'); as server) {
        <mat-error>{{ server }}</mat-error>
      } @else if (error('email')) {
        <mat-error>{{ 'validation.email' | t }}</mat-error>
      } @else {
        <mat-error>{{ 'validation.required' | t }}</mat-error>
      }
    </mat-form-field>
  `,
})
export class StaffEmailFieldComponent implements DoCheck {
  private readonly container = inject(ControlContainer);
  private readonly changes = inject(ChangeDetectorRef);

  /** The form's state is not a signal: whenever the page is checked, the field is checked too. */
  ngDoCheck(): void {
    this.changes.markForCheck();
  }

  protected error(key: string): unknown {
    return this.container.control?.get('email')?.getError(key) ?? null;
  }
}
