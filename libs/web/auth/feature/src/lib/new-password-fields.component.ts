import { ChangeDetectionStrategy, ChangeDetectorRef, Component, type DoCheck, inject, input } from '@angular/core';
import { type AbstractControl, ControlContainer, ReactiveFormsModule } from '@angular/forms';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { TranslatePipe } from '@gfmd/web-shared-util-i18n';

/**
 * A new password and its repeat, with the length hint and the mismatch message: the fields the
 * change-password and set-password pages share. It goes inside the page's `[formGroup]`, whose
 * group has the controls `name` (default `password`) and `repeat` and the samePasswords
 * validator, so a server error on `name` lands on its field (applyProblemToForm).
 */
@Component({
  selector: 'gfmd-new-password-fields',
  imports: [ReactiveFormsModule, MatFormField, MatLabel, MatError, MatHint, MatInput, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  // The fields join the page's form group.
  viewProviders: [{ provide: ControlContainer, useFactory: () => inject(ControlContainer, { skipSelf: true }) }],
  template: `
    <mat-form-field appearance="outline" class="gfmd-full">
      <mat-label>{{ 'password.new' | t }}</mat-label>
      <input matInput type="password" [formControlName]="name()" [name]="name()" autocomplete="new-password" required />
      <mat-hint>{{ 'password.hint' | t }}</mat-hint>
      @if (control('server')) {
        <mat-error>{{ control('server') }}</mat-error>
      } @else if (control('minlength')) {
        <mat-error>{{ 'password.hint' | t }}</mat-error>
      } @else {
        <mat-error>{{ 'validation.required' | t }}</mat-error>
      }
    </mat-form-field>
    <mat-form-field appearance="outline" class="gfmd-full">
      <mat-label>{{ 'password.repeat' | t }}</mat-label>
      <input matInput type="password" formControlName="repeat" name="repeat" autocomplete="new-password" required />
      <mat-error>{{ 'validation.required' | t }}</mat-error>
    </mat-form-field>
    @if (mismatch()) {
      <p class="gfmd-alert gfmd-alert--error" role="alert">{{ 'password.mismatch' | t }}</p>
    }
  `,
})
export class NewPasswordFieldsComponent implements DoCheck {
  /** The name of the new password's control in the page's group. */
  readonly name = input('password');

  private readonly container = inject(ControlContainer);
  private readonly changes = inject(ChangeDetectorRef);

  /**
   * The form's state is not a signal: whenever the page is checked (a submit marked every field
   * touched, the server answered), these fields are checked too.
   */
  ngDoCheck(): void {
    this.changes.markForCheck();
  }

  private get group(): AbstractControl | null {
    return this.container.control;
  }

  /** The error `key` of the new password's control (the server's message for `server`). */
  protected control(key: string): unknown {
    return this.group?.get(this.name())?.getError(key) ?? null;
  }

  protected mismatch(): boolean {
    return !!this.group?.hasError('mismatch') && !!this.group.get('repeat')?.touched;
  }
}
