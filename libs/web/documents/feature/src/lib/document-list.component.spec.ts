import type { DocumentView } from '@gfmd/contracts';
import { documentTitle } from './document-list.component';

describe('documentTitle', () => {
  const doc = (over: Partial<DocumentView>): DocumentView => ({
    id: 'doc1',
    dialogueId: 'd1',
    ownerType: 'dialogue',
    ownerId: 'd1',
    kind: 'concept_note',
    title: {},
    visibility: 'public',
    language: 'en',
    fileName: 'note.pdf',
    contentType: 'application/pdf',
    size: 10,
    createdAt: '2027-01-01T00:00:00Z',
    ...over,
  });

  it("shows the page's language where written, unmarked", () => {
    expect(documentTitle(doc({ title: { en: 'Concept note', fr: 'Note conceptuelle' } }), 'fr')).toEqual({
      title: 'Note conceptuelle',
      titleLang: 'fr',
    });
  });

  it("falls back to the server's choice (the dialogue's first language), marked with its language", () => {
    const sut = documentTitle(
      doc({ title: { en: 'Concept note', es: 'Nota conceptual' }, titleText: 'Nota conceptual', titleLang: 'es' }),
      'ar',
    );
    expect(sut).toEqual({ title: 'Nota conceptual', titleLang: 'es' });
  });

  it("else the file's language, else any, else the file name", () => {
    expect(documentTitle(doc({ title: { es: 'Nota', en: 'Note' }, language: 'en' }), 'fr')).toEqual({
      title: 'Note',
      titleLang: 'en',
    });
    expect(documentTitle(doc({ title: { es: 'Nota' }, language: 'en' }), 'fr')).toEqual({
      title: 'Nota',
      titleLang: 'es',
    });
    expect(documentTitle(doc({ title: {} }), 'fr')).toEqual({ title: 'note.pdf', titleLang: null });
  });
});
