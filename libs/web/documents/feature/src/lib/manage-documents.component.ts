import { ChangeDetectionStrategy, Component, effect, inject, input, output, signal } from '@angular/core';
import type { DocumentView } from '@gfmd/contracts';
import { DocumentsApi } from '@gfmd/web-documents-data-access';
import { TranslatePipe } from '@gfmd/web-shared-util-i18n';
import { DocumentListComponent } from './document-list.component';

/** On the participant's manage page: the documents for registered participants (and the public ones). */
@Component({
  selector: 'gfmd-manage-documents',
  imports: [DocumentListComponent, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 id="participant-documents-heading">{{ 'documents.forParticipants' | t }}</h2>
    <gfmd-document-list [documents]="documents()" [manageToken]="token()" />
  `,
})
export class ManageDocumentsComponent {
  private readonly api = inject(DocumentsApi);
  readonly token = input.required<string>();
  protected readonly documents = signal<DocumentView[]>([]);
  /** The documents once loaded (the page shows those of agenda items beside them). */
  readonly loaded = output<DocumentView[]>();

  constructor() {
    effect(() =>
      this.api.listForRegistrant(this.token()).subscribe({
        next: (d) => {
          this.documents.set(d);
          this.loaded.emit(d);
        },
        error: () => undefined,
      }),
    );
  }
}
