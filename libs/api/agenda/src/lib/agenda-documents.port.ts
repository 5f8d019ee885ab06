import { Injectable } from '@nestjs/common';
import type { DocumentLanguage, DocumentOwnerType, Language } from '@gfmd/contracts';
import type { EmailDocument } from '@gfmd/api-mail';

/** A document as the agenda email lists it: what a registrant may read (public or registrants). */
export interface AgendaDocument {
  id: string;
  ownerType: DocumentOwnerType;
  ownerId: string;
  title: Record<string, string>;
  language: DocumentLanguage;
  visibility: 'public' | 'registrants';
}

/** The registrant-readable documents of a dialogue, in the caller's transaction. */
export type AgendaDocumentsReader = (dialogueId: string) => Promise<AgendaDocument[]>;

/**
 * The port through which agenda emails list documents without reading the documents table (the
 * documents domain depends on this one and registers its reader at start-up; without it, emails
 * list no document).
 */
@Injectable()
export class AgendaDocuments {
  private reader: AgendaDocumentsReader | null = null;

  register(reader: AgendaDocumentsReader) {
    this.reader = reader;
  }

  forDialogue(dialogueId: string): Promise<AgendaDocument[]> {
    return this.reader ? this.reader(dialogueId) : Promise.resolve([]);
  }
}

/** A document's title in the reader's language, else in the file's, else any. */
export function documentTitle(doc: Pick<AgendaDocument, 'title' | 'language'>, language: Language): string {
  return doc.title[language] ?? doc.title[doc.language] ?? Object.values(doc.title)[0] ?? '';
}

/** The email's links: the dialogue's own documents, and each agenda item's by item id. */
export function emailDocuments(
  docs: AgendaDocument[],
  language: Language,
): { dialogue: EmailDocument[]; byItem: Map<string, EmailDocument[]> } {
  const dialogue: EmailDocument[] = [];
  const byItem = new Map<string, EmailDocument[]>();
  for (const d of docs) {
    const link: EmailDocument = { id: d.id, title: documentTitle(d, language), access: d.visibility };
    if (d.ownerType === 'dialogue') dialogue.push(link);
    else if (d.ownerType === 'agenda_item') byItem.set(d.ownerId, [...(byItem.get(d.ownerId) ?? []), link]);
  }
  return { dialogue, byItem };
}
