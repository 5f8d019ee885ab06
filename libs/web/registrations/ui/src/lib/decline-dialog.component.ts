import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { TranslatePipe } from '@gfmd/web-shared-util-i18n';

/** The longest reason the API takes (DeclineDto). */
export const DECLINE_REASON_MAX_LENGTH = 1000;

export interface DeclineDialogData {
  /** The person's name as shown in the list. */
  name: string;
  email: string;
}

/** What the dialog closes with when confirmed (undefined when cancelled). */
export interface DeclineDialogResult {
  reason?: string;
}

/**
 * Asks before a decline: says that an email goes to the person, and takes an optional reason
 * that the email includes. Cancel has the initial focus. Open with MatDialog (role alertdialog).
 */
@Component({
  selector: 'gfmd-decline-dialog',
  imports: [
    MatButton,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatDialogClose,
    MatFormField,
    MatLabel,
    MatHint,
    MatInput,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    mat-form-field {
      width: 100%;
    }
  `,
  template: `
    <h2 mat-dialog-title>{{ 'registrations.declineDialog.title' | t: { name: data.name } }}</h2>
    <mat-dialog-content>
      <p id="decline-email-note">
        {{ 'registrations.declineDialog.message' | t: { name: data.name, email: data.email } }}
      </p>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'registrations.declineDialog.reason' | t }}</mat-label>
        <textarea
          matInput
          rows="3"
          name="reason"
          [attr.maxlength]="maxLength"
          [value]="reason()"
          (input)="reason.set($any($event.target).value)"
          aria-describedby="decline-email-note"
        ></textarea>
        <mat-hint>{{ 'registrations.declineDialog.reasonHint' | t }}</mat-hint>
        <mat-hint align="end">{{ reason().length }} / {{ maxLength }}</mat-hint>
      </mat-form-field>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="undefined" cdkFocusInitial>
        {{ 'common.cancel' | t }}
      </button>
      <button mat-flat-button type="button" class="gfmd-danger" (click)="confirm()">
        {{ 'registrations.declineDialog.confirm' | t }}
      </button>
    </mat-dialog-actions>
  `,
})
export class DeclineDialogComponent {
  protected readonly data = inject<DeclineDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<DeclineDialogComponent, DeclineDialogResult>>(MatDialogRef);
  protected readonly maxLength = DECLINE_REASON_MAX_LENGTH;
  protected readonly reason = signal('');

  protected confirm(): void {
    const reason = this.reason().trim().slice(0, this.maxLength);
    this.ref.close(reason ? { reason } : {});
  }
}
