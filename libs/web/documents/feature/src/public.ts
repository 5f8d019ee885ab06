// Components that public pages embed (the dialogue page, the participant's manage page).
export { DialogueDocumentsComponent } from './lib/dialogue-documents.component';
export { ManageDocumentsComponent } from './lib/manage-documents.component';
