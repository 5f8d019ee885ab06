import type { DocumentView } from '@gfmd/contracts';
import { formatSize, itemDocumentLinks, typeLabel } from './documents.api';

describe(formatSize.name, () => {
  it('uses decimal units and the locale', () => {
    expect(formatSize(512)).toBe('512 B');
    expect(formatSize(1_234_567)).toBe('1.2 MB');
    expect(formatSize(1_234_567, 'fr')).toBe('1,2 MB');
  });
});

describe(typeLabel.name, () => {
  it('takes the extension the server gave the file', () => {
    expect(typeLabel('application/pdf', 'note.pdf')).toBe('PDF');
    expect(typeLabel('application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'x.docx')).toBe('DOCX');
  });
});

describe(itemDocumentLinks.name, () => {
  const doc = (over: Partial<DocumentView>): DocumentView => ({
    id: 'd1',
    dialogueId: 'dl',
    ownerType: 'agenda_item',
    ownerId: 'i1',
    kind: 'presentation',
    title: { en: 'Slides', fr: 'Diapositives' },
    visibility: 'public',
    language: 'en',
    fileName: 'slides.pptx',
    contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    size: 1_234_567,
    createdAt: '2031-01-01T00:00:00Z',
    ...over,
  });
  const docs = [
    doc({}),
    doc({ id: 'd2', visibility: 'registrants', contentType: 'application/pdf', fileName: 'p.pdf' }),
    doc({ id: 'd3', visibility: 'staff' }),
    doc({ id: 'd4', ownerType: 'dialogue', ownerId: 'dl' }),
  ];

  it('public page: only public documents of agenda items, by item, titled in the page language', () => {
    const links = itemDocumentLinks(docs, 'fr');
    expect([...links.keys()]).toEqual(['i1']);
    expect(links.get('i1')).toEqual([
      {
        id: 'd1',
        title: 'Diapositives',
        href: '/api/v1/documents/d1/file',
        download: 'slides.pptx',
        details: 'PPTX · 1,2 MB',
        language: 'en',
      },
    ]);
  });

  it('participant page: registrants’ documents too, through the manage token; never staff ones', () => {
    const links = itemDocumentLinks(docs, 'en', 'tok');
    expect(links.get('i1')?.map((l) => [l.id, l.href, l.download])).toEqual([
      ['d1', '/api/v1/registrations/manage/tok/documents/d1/file', 'slides.pptx'],
      ['d2', '/api/v1/registrations/manage/tok/documents/d2/file', null],
    ]);
  });
});
