import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import type { DocumentView, ProblemDetails } from '@gfmd/contracts';
import { DocumentsApi } from '@gfmd/web-documents-data-access';
import { ProblemAlertComponent } from '@gfmd/web-shared-ui';
import { toProblem } from '@gfmd/web-shared-util-http';
import { TranslatePipe } from '@gfmd/web-shared-util-i18n';
import { DocumentListComponent } from './document-list.component';
import { UploadZoneComponent } from './upload-zone.component';

/**
 * In the agenda builder, beside the item being edited: that item's documents (every visibility,
 * for the staff who manage them) and an upload zone that attaches a new one to the item. The
 * public page and the participants' pages show them beside the item, as their visibility allows.
 */
@Component({
  selector: 'gfmd-agenda-item-documents',
  imports: [DocumentListComponent, UploadZoneComponent, ProblemAlertComponent, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section [attr.aria-labelledby]="'item-docs-' + itemId()" class="item-documents">
      <h3 [id]="'item-docs-' + itemId()">{{ 'agendaBuilder.documents' | t }}</h3>
      <p class="gfmd-muted">{{ 'agendaBuilder.documentsHint' | t }}</p>
      <gfmd-document-list
        [documents]="mine()"
        [staff]="true"
        [showVisibility]="true"
        [canDelete]="true"
        (remove)="remove($event)"
      />
      <gfmd-upload-zone ownerType="agenda_item" [ownerId]="itemId()" (uploaded)="added($event)" />
      <gfmd-problem-alert [problem]="problem()" />
    </section>
  `,
})
export class AgendaItemDocumentsComponent {
  private readonly api = inject(DocumentsApi);

  readonly dialogueId = input.required<string>();
  readonly itemId = input.required<string>();

  private readonly documents = signal<DocumentView[]>([]);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly mine = computed(() =>
    this.documents().filter((d) => d.ownerType === 'agenda_item' && d.ownerId === this.itemId()),
  );

  constructor() {
    effect(() => {
      const id = this.dialogueId();
      untracked(() =>
        this.api.listForDialogue(id).subscribe({
          next: (d) => this.documents.set(d),
          error: (e: unknown) => this.problem.set(toProblem(e)),
        }),
      );
    });
  }

  protected added(doc: DocumentView) {
    this.documents.update((list) => [...list, doc]);
  }

  protected remove(doc: DocumentView) {
    this.api.remove(doc.id).subscribe({
      next: () => this.documents.update((list) => list.filter((d) => d.id !== doc.id)),
      error: (e: unknown) => this.problem.set(toProblem(e)),
    });
  }
}
