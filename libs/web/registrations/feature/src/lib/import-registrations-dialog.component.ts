import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import type { ImportRegistrationsReport, ImportRowOutcome } from '@gfmd/contracts';
import { RegisterStore } from '@gfmd/web-registrations-data-access';
import { ProblemAlertComponent } from '@gfmd/web-shared-ui';
import { I18n, TranslatePipe, type TranslationKey } from '@gfmd/web-shared-util-i18n';
import { submitState } from '@gfmd/web-shared-util-state';

export interface ImportRegistrationsDialogData {
  dialogueId: string;
}

/** The refusal reasons the dialog names in the page's language (others show the server's words). */
const REASONS = [
  'invalid-input',
  'duplicate-in-file',
  'duplicate-registration',
  'unknown-space',
  'space-not-open',
  'attendance-required',
  'registration-closed',
  'registration-not-open',
  'dialogue-cancelled',
] as const;

/** Larger files are refused before they are sent (the API takes 1 MB and 2,000 rows). */
export const IMPORT_MAX_BYTES = 1024 * 1024;

/**
 * "Import from CSV": choose a file, see what would happen to each row (confirmed, waiting list,
 * refused and why) — nothing is written yet — then import the rows, and see what happened. The
 * dialog closes with true when rows were imported.
 */
@Component({
  selector: 'gfmd-import-registrations-dialog',
  imports: [
    MatButton,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatDialogClose,
    ProblemAlertComponent,
    TranslatePipe,
  ],
  providers: [RegisterStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .file label {
      display: block;
      font-weight: 600;
      margin-bottom: 0.25rem;
    }
    .file input {
      max-width: 100%;
    }
    .scroll {
      overflow-x: auto;
      max-width: 100%;
    }
    table {
      border-collapse: collapse;
      width: 100%;
    }
    th,
    td {
      text-align: start;
      padding: 0.25rem 0.5rem;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      vertical-align: top;
    }
    .detail {
      display: block;
      color: var(--mat-sys-on-surface-variant);
      font-size: 0.875em;
      overflow-wrap: anywhere;
    }
  `,
  template: `
    <h2 mat-dialog-title>{{ 'registrations.import.title' | t }}</h2>
    <mat-dialog-content>
      <p class="gfmd-muted" id="import-columns">{{ 'registrations.import.columns' | t }}</p>
      @if (!report()) {
        <div class="file">
          <label for="import-file">{{ 'registrations.import.file' | t }}</label>
          <input
            id="import-file"
            type="file"
            accept=".csv,text/csv"
            aria-describedby="import-columns"
            (change)="choose($any($event.target).files?.[0])"
          />
        </div>
      }
      <gfmd-problem-alert [problem]="problem()" />
      @if (tooLarge()) {
        <p class="gfmd-alert gfmd-alert--error" role="alert">{{ 'registrations.import.tooLarge' | t }}</p>
      }
      @if (report(); as r) {
        <p role="status">
          {{
            (r.dryRun ? 'registrations.import.previewSummary' : 'registrations.import.doneSummary')
              | t: { confirmed: r.confirmed, waitlisted: r.waitlisted, refused: r.refused }
          }}
        </p>
        <div class="scroll" tabindex="0" role="region" [attr.aria-label]="'registrations.import.rows' | t">
          <table>
            <caption class="gfmd-visually-hidden">
              {{
                (r.dryRun ? 'registrations.import.previewCaption' : 'registrations.import.doneCaption') | t
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col">{{ 'registrations.import.row' | t }}</th>
                <th scope="col">{{ 'registrations.import.name' | t }}</th>
                <th scope="col">{{ 'registrations.import.outcome' | t }}</th>
                <th scope="col">{{ 'registrations.import.reason' | t }}</th>
              </tr>
            </thead>
            <tbody>
              @for (row of r.rows; track row.row) {
                <tr>
                  <td>{{ row.row }}</td>
                  <td>
                    {{ row.name ?? '—' }}
                    @if (row.email) {
                      <span class="detail">{{ row.email }}</span>
                    }
                  </td>
                  <td>{{ outcomeLabel(row) }}</td>
                  <td>
                    @if (row.reason) {
                      {{ reasonLabel(row) }}
                      @if (row.detail) {
                        <span class="detail" lang="en">{{ row.detail }}</span>
                      }
                    }
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      @if (report()?.dryRun === false) {
        <button mat-flat-button type="button" [mat-dialog-close]="true">{{ 'common.close' | t }}</button>
      } @else {
        <button mat-button type="button" [mat-dialog-close]="false">{{ 'common.cancel' | t }}</button>
        @if (report()?.dryRun && importable() > 0) {
          <button mat-flat-button type="button" [disabled]="busy()" (click)="run()">
            {{ 'registrations.import.run' | t: { count: importable() } }}
          </button>
        }
      }
    </mat-dialog-actions>
  `,
})
export class ImportRegistrationsDialogComponent {
  protected readonly data = inject<ImportRegistrationsDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<ImportRegistrationsDialogComponent, boolean>>(MatDialogRef);
  private readonly registration = inject(RegisterStore);
  private readonly i18n = inject(I18n);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly submission = submitState();
  protected readonly busy = this.submission.submitting;
  protected readonly problem = this.submission.problem;
  protected readonly tooLarge = signal(false);
  protected readonly report = signal<ImportRegistrationsReport | null>(null);
  private csv = '';
  /** The rows the import would register (confirmed or on the waiting list). */
  protected readonly importable = computed(() => {
    const r = this.report();
    return r ? r.confirmed + r.waitlisted : 0;
  });

  /** Reads the chosen file and asks for the preview. */
  protected async choose(file: File | undefined): Promise<void> {
    this.tooLarge.set(false);
    this.submission.reset();
    if (!file) return;
    if (file.size > IMPORT_MAX_BYTES) {
      this.tooLarge.set(true);
      return;
    }
    this.csv = await file.text();
    const outcome = await this.submission.run(() => this.registration.importCsv(this.data.dialogueId, this.csv, true));
    if (outcome.ok) {
      this.report.set(outcome.value);
      this.focusStatus();
    }
  }

  /** Imports the file previewed. */
  protected async run(): Promise<void> {
    const outcome = await this.submission.run(() => this.registration.importCsv(this.data.dialogueId, this.csv, false));
    if (outcome.ok) {
      this.report.set(outcome.value);
      this.ref.disableClose = true;
      this.focusStatus();
    }
  }

  protected outcomeLabel(row: ImportRowOutcome): string {
    const r = this.report();
    const key = `registrations.import.outcome.${row.outcome}${r?.dryRun ? '' : '.done'}` as TranslationKey;
    return this.i18n.t(key);
  }

  protected reasonLabel(row: ImportRowOutcome): string {
    const reason = row.reason as (typeof REASONS)[number];
    return REASONS.includes(reason)
      ? this.i18n.t(`registrations.import.reason.${reason}` as TranslationKey)
      : (row.detail ?? row.reason ?? '');
  }

  /** After the next render: the summary, so a screen reader reads it and the table follows. */
  private focusStatus(): void {
    setTimeout(() => {
      const status = this.host.nativeElement.querySelector<HTMLElement>('[role=status]');
      status?.setAttribute('tabindex', '-1');
      status?.focus();
    });
  }
}
