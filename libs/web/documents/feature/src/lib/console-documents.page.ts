import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import type { ContributionView, DocumentView, ProblemDetails, ReaderLanguage } from '@gfmd/contracts';
import { DialogueStore } from '@gfmd/web-dialogues-data-access';
import { DocumentsApi } from '@gfmd/web-documents-data-access';
import { ProblemAlertComponent } from '@gfmd/web-shared-ui';
import { toProblem } from '@gfmd/web-shared-util-http';
import { LabelPipe, LocalDatePipe, TranslatePipe } from '@gfmd/web-shared-util-i18n';
import { DocumentListComponent } from './document-list.component';
import { DocumentTitlesComponent } from './document-titles.component';
import { UploadZoneComponent } from './upload-zone.component';

/** The console's documents tab of a dialogue: upload, the list, the contributions' deadline and moderation queue. */
@Component({
  selector: 'gfmd-console-documents-page',
  imports: [
    FormsModule,
    MatButton,
    MatFormField,
    MatLabel,
    MatInput,
    ProblemAlertComponent,
    UploadZoneComponent,
    DocumentListComponent,
    DocumentTitlesComponent,
    TranslatePipe,
    LabelPipe,
    LocalDatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    section {
      margin-bottom: 2rem;
    }
    .contribution {
      border: 1px solid var(--gfmd-border, #d9e2ec);
      border-radius: 6px;
      padding: 0.75rem 1rem;
      margin-bottom: 1rem;
    }
    .text {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
    }
    mat-form-field {
      width: 100%;
      max-width: 32rem;
    }
    details {
      border-bottom: 1px solid var(--gfmd-border, #d9e2ec);
      padding: 0.5rem 0;
    }
    summary {
      cursor: pointer;
      min-height: 44px;
      display: flex;
      align-items: center;
      overflow-wrap: anywhere;
    }
  `,
  template: `
    <section aria-labelledby="docs-heading">
      <h2 id="docs-heading">{{ 'console.documents.heading' | t }}</h2>
      <h3>{{ 'console.documents.upload' | t }}</h3>
      <gfmd-upload-zone ownerType="dialogue" [ownerId]="id()" (uploaded)="added($event)" />
      <gfmd-document-list
        [documents]="documents()"
        [staff]="true"
        [showVisibility]="true"
        [canDelete]="true"
        (remove)="remove($event)"
      />
    </section>

    @if (documents().length) {
      <section aria-labelledby="titles-heading">
        <h3 id="titles-heading">{{ 'console.documents.titles' | t }}</h3>
        <p class="gfmd-muted">{{ 'console.documents.titlesHint' | t }}</p>
        @for (doc of documents(); track doc.id) {
          <details>
            <summary>{{ doc.titleText ?? doc.fileName }}</summary>
            <gfmd-document-titles [document]="doc" [languages]="languages()" (saved)="retitled($event)" />
          </details>
        }
      </section>
    }

    <section aria-labelledby="contrib-heading">
      <h2 id="contrib-heading">{{ 'console.contributions.heading' | t }}</h2>
      <div class="row">
        <mat-form-field>
          <mat-label>{{ 'console.contributions.closesAt' | t }}</mat-label>
          <input matInput type="datetime-local" [(ngModel)]="closesAt" name="closesAt" />
        </mat-form-field>
        <button mat-stroked-button type="button" (click)="saveWindow(closesAt)">
          {{ 'console.contributions.saveWindow' | t }}
        </button>
        <button mat-stroked-button type="button" (click)="saveWindow('')">
          {{ 'console.contributions.closeNow' | t }}
        </button>
      </div>

      <h3>{{ 'console.contributions.queue' | t }}</h3>
      @for (c of waiting(); track c.id) {
        <article class="contribution" [attr.aria-labelledby]="'c-' + c.id">
          <h4 [id]="'c-' + c.id">{{ c.title }}</h4>
          <p class="gfmd-muted">
            {{ c.name }} · {{ c.email }} · {{ c.organization }} · {{ c.stakeholderGroup | label: 'group' }} ·
            {{ c.submittedAt | localDate: 'dateTime' }}
          </p>
          <p class="text">{{ c.text }}</p>
          <mat-form-field>
            <mat-label>{{ 'console.contributions.reason' | t }}</mat-label>
            <input matInput [(ngModel)]="reasons[c.id]" [name]="'reason-' + c.id" maxlength="1000" />
          </mat-form-field>
          <div class="row">
            <button mat-flat-button type="button" (click)="decide(c, 'accept')">
              {{ 'console.contributions.accept' | t }}
            </button>
            <button mat-stroked-button type="button" (click)="decide(c, 'reject')">
              {{ 'console.contributions.reject' | t }}
            </button>
          </div>
        </article>
      } @empty {
        <p class="gfmd-muted">{{ 'console.contributions.none' | t }}</p>
      }
      @if (decided().length) {
        <h3>{{ 'console.contributions.decided' | t }}</h3>
        <ul>
          @for (c of decided(); track c.id) {
            <li>{{ c.title }} — {{ 'console.contributions.status' | t: { status: c.status } }}</li>
          }
        </ul>
      }
    </section>
    <gfmd-problem-alert [problem]="problem()" />
  `,
})
export class ConsoleDocumentsPage {
  private readonly api = inject(DocumentsApi);
  private readonly dialogueStore = inject(DialogueStore, { optional: true });
  readonly id = input.required<string>();
  /** The dialogue's languages (its first the source of the titles' tabs). */
  protected readonly languages = computed<readonly ReaderLanguage[]>(() => {
    const d = this.dialogueStore?.dialogue();
    return d && d.id === this.id() && d.languages?.length ? d.languages : ['en'];
  });

  protected readonly documents = signal<DocumentView[]>([]);
  protected readonly waiting = signal<ContributionView[]>([]);
  protected readonly decided = signal<ContributionView[]>([]);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected closesAt = '';
  protected reasons: Record<string, string> = {};

  constructor() {
    effect(() => this.load(this.id()));
  }

  private load(id: string) {
    this.api.listForDialogue(id).subscribe({ next: (d) => this.documents.set(d), error: (e) => this.fail(e) });
    this.loadContributions(id);
    this.api.contributionWindow(id).subscribe({
      next: (w) => (this.closesAt = w.contributionsCloseAt ? toLocalInput(w.contributionsCloseAt) : ''),
      error: (e) => this.fail(e),
    });
  }

  private loadContributions(id: string) {
    this.api.contributions(id).subscribe({
      next: (list) => {
        this.waiting.set(list.filter((c) => c.status === 'submitted'));
        this.decided.set(list.filter((c) => c.status !== 'submitted'));
      },
      error: (e) => this.fail(e),
    });
  }

  protected added(doc: DocumentView) {
    this.documents.update((list) => [...list, doc]);
  }

  protected retitled(doc: DocumentView) {
    this.documents.update((list) => list.map((d) => (d.id === doc.id ? { ...d, ...doc } : d)));
  }

  protected remove(doc: DocumentView) {
    this.api.remove(doc.id).subscribe({
      next: () => this.documents.update((list) => list.filter((d) => d.id !== doc.id)),
      error: (e) => this.fail(e),
    });
  }

  protected saveWindow(local: string) {
    this.api.setContributionWindow(this.id(), local ? new Date(local).toISOString() : null).subscribe({
      next: (w) => (this.closesAt = w.contributionsCloseAt ? toLocalInput(w.contributionsCloseAt) : ''),
      error: (e) => this.fail(e),
    });
  }

  protected decide(c: ContributionView, verdict: 'accept' | 'reject') {
    this.api.decide(c.id, verdict, this.reasons[c.id]?.trim() || undefined).subscribe({
      next: () => this.loadContributions(this.id()),
      error: (e) => this.fail(e),
    });
  }

  private fail(error: unknown) {
    this.problem.set(toProblem(error));
  }
}

/** An instant as a datetime-local input value in the browser's zone. */
function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
