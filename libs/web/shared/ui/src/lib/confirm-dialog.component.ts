import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogTitle,
} from '@angular/material/dialog';
import { ContentMessageComponent, type ContentMessage } from '@gfmd/web-shared-util-i18n';

export interface ConfirmDialogData {
  title: string;
  /** In parts where it names content that may be in another language than the page (contentMessage). */
  message: ContentMessage;
  confirm: string;
  cancel: string;
  destructive?: boolean;
}

/** Asks "are you sure?"; closes with true when confirmed. Open with MatDialog. */
@Component({
  selector: 'gfmd-confirm-dialog',
  imports: [MatButton, MatDialogTitle, MatDialogContent, MatDialogActions, MatDialogClose, ContentMessageComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <mat-dialog-content>
      <p><gfmd-message [message]="data.message" /></p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="false" cdkFocusInitial>{{ data.cancel }}</button>
      <button mat-flat-button type="button" [mat-dialog-close]="true" [class.gfmd-danger]="data.destructive">
        {{ data.confirm }}
      </button>
    </mat-dialog-actions>
  `,
})
export class ConfirmDialogComponent {
  protected readonly data = inject<ConfirmDialogData>(MAT_DIALOG_DATA);
}
