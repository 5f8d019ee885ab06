import { HttpEventType } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatProgressBar } from '@angular/material/progress-bar';
import {
  DOCUMENT_KINDS,
  DOCUMENT_LANGUAGES,
  DOCUMENT_VISIBILITIES,
  type DocumentKind,
  type DocumentLanguage,
  type DocumentOwnerType,
  type DocumentView,
  type DocumentVisibility,
} from '@gfmd/contracts';
import { DocumentsApi, formatSize } from '@gfmd/web-documents-data-access';
import { ProblemAlertComponent } from '@gfmd/web-shared-ui';
import type { ProblemDetails } from '@gfmd/contracts';
import { toProblem } from '@gfmd/web-shared-util-http';
import { I18n, LabelPipe, TranslatePipe } from '@gfmd/web-shared-util-i18n';
import type { Subscription } from 'rxjs';

/**
 * Drop a file (or choose one) to upload it as a document of `ownerType`/`ownerId`: kind,
 * visibility, language and title first; then a progress bar with a cancel button (the request is
 * aborted). The server checks size and type from the bytes; its refusal is shown as it says.
 */
@Component({
  selector: 'gfmd-upload-zone',
  imports: [
    FormsModule,
    MatButton,
    MatFormField,
    MatLabel,
    MatInput,
    MatSelect,
    MatOption,
    MatProgressBar,
    ProblemAlertComponent,
    TranslatePipe,
    LabelPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .fields {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr));
      gap: 0 1rem;
    }
    .zone {
      border: 2px dashed var(--gfmd-border, #9aa5b1);
      border-radius: 8px;
      padding: 1.5rem 1rem;
      text-align: center;
      cursor: pointer;
    }
    .zone.over {
      border-color: #005a9c;
      background: #e8f1f8;
    }
    .zone:focus-within {
      outline: 2px solid #005a9c;
      outline-offset: 2px;
    }
    .progress {
      display: flex;
      align-items: center;
      gap: 1rem;
      margin-top: 0.75rem;
    }
    mat-progress-bar {
      flex: 1;
    }
  `,
  template: `
    <div class="fields">
      <mat-form-field>
        <mat-label>{{ 'console.documents.kind' | t }}</mat-label>
        <mat-select [(ngModel)]="kind" name="kind">
          @for (k of kinds; track k) {
            <mat-option [value]="k">{{ k | label: 'documentKind' }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'console.documents.visibility' | t }}</mat-label>
        <mat-select [(ngModel)]="visibility" name="visibility">
          @for (v of visibilities; track v) {
            <mat-option [value]="v">{{ v | label: 'documentVisibility' }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'documents.language' | t }}</mat-label>
        <mat-select [(ngModel)]="language" name="language">
          @for (l of languages; track l) {
            <mat-option [value]="l">{{ l.toUpperCase() }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'console.documents.title' | t }}</mat-label>
        <input matInput [(ngModel)]="title" name="title" maxlength="300" />
      </mat-form-field>
    </div>

    <div
      class="zone"
      [class.over]="over()"
      (dragover)="$event.preventDefault(); over.set(true)"
      (dragleave)="over.set(false)"
      (drop)="onDrop($event)"
    >
      <p>{{ 'console.documents.dropHint' | t }}</p>
      <button mat-stroked-button type="button" [disabled]="!!uploading()" (click)="picker.click()">
        {{ 'console.documents.choose' | t }}
      </button>
      <input
        #picker
        type="file"
        class="cdk-visually-hidden"
        tabindex="-1"
        aria-hidden="true"
        (click)="$event.stopPropagation()"
        (change)="onPick(picker)"
      />
    </div>

    @if (uploading(); as u) {
      <div class="progress" role="status">
        <span>{{ u.name }} ({{ u.size }})</span>
        <mat-progress-bar
          mode="determinate"
          [value]="progress()"
          [attr.aria-label]="'console.documents.progress' | t: { name: u.name }"
        />
        <span>{{ progress() }} %</span>
        <button mat-stroked-button type="button" (click)="cancel()">{{ 'console.documents.cancel' | t }}</button>
      </div>
    }
    @if (message(); as m) {
      <p class="gfmd-alert gfmd-alert--info" role="status">{{ m | t }}</p>
    }
    <gfmd-problem-alert [problem]="problem()" />
  `,
})
export class UploadZoneComponent {
  private readonly api = inject(DocumentsApi);
  private readonly i18n = inject(I18n);

  readonly ownerType = input<DocumentOwnerType>('dialogue');
  readonly ownerId = input.required<string>();
  readonly uploaded = output<DocumentView>();

  protected readonly kinds = DOCUMENT_KINDS;
  protected readonly visibilities = DOCUMENT_VISIBILITIES;
  protected readonly languages = DOCUMENT_LANGUAGES;
  protected kind: DocumentKind = 'background_paper';
  protected visibility: DocumentVisibility = 'public';
  protected language: DocumentLanguage = 'en';
  protected title = '';

  protected readonly over = signal(false);
  protected readonly progress = signal(0);
  protected readonly uploading = signal<{ name: string; size: string } | null>(null);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly message = signal<'console.documents.uploaded' | 'console.documents.cancelled' | null>(null);
  private subscription?: Subscription;

  protected onDrop(event: DragEvent) {
    event.preventDefault();
    this.over.set(false);
    const file = event.dataTransfer?.files?.[0];
    if (file) this.start(file);
  }

  protected onPick(picker: HTMLInputElement) {
    const file = picker.files?.[0];
    picker.value = '';
    if (file) this.start(file);
  }

  protected cancel() {
    this.subscription?.unsubscribe();
    this.uploading.set(null);
    this.message.set('console.documents.cancelled');
  }

  private start(file: File) {
    if (this.uploading()) return;
    this.problem.set(null);
    this.message.set(null);
    this.progress.set(0);
    this.uploading.set({ name: file.name, size: formatSize(file.size, this.i18n.language()) });
    const fields = {
      ownerType: this.ownerType(),
      ownerId: this.ownerId(),
      kind: this.kind,
      visibility: this.visibility,
      language: this.language,
      title: this.title.trim() || undefined,
    };
    this.subscription = this.api.upload(fields, file).subscribe({
      next: (event) => {
        if (event.type === HttpEventType.UploadProgress && event.total)
          this.progress.set(Math.round((100 * event.loaded) / event.total));
        if (event.type === HttpEventType.Response && event.body) {
          this.progress.set(100);
          this.uploading.set(null);
          this.title = '';
          this.message.set('console.documents.uploaded');
          this.uploaded.emit(event.body);
        }
      },
      error: (error: unknown) => {
        this.uploading.set(null);
        this.problem.set(toProblem(error));
      },
    });
  }
}
