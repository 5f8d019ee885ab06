// Components that public pages embed (the dialogue page, the participant's manage page).
export { DialogueDocumentsComponent } from './lib/dialogue-documents.component';
export { ManageDocumentsComponent } from './lib/manage-documents.component';
// Staff: beside the item being edited in the agenda builder.
export { AgendaItemDocumentsComponent } from './lib/agenda-item-documents.component';
