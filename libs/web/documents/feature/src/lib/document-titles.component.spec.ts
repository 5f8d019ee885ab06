import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { DocumentView } from '@gfmd/contracts';
import { DocumentTitlesComponent } from './document-titles.component';

const DOC: DocumentView = {
  id: 'doc1',
  dialogueId: 'd1',
  ownerType: 'dialogue',
  ownerId: 'd1',
  kind: 'concept_note',
  title: { fr: 'Note conceptuelle', en: 'Concept note' },
  visibility: 'public',
  language: 'fr',
  fileName: 'note.pdf',
  contentType: 'application/pdf',
  size: 1000,
  createdAt: '2031-01-01T10:00:00Z',
};

describe(DocumentTitlesComponent.name, () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<DocumentTitlesComponent>;
  let sut: HTMLElement;

  const settle = async () => {
    await new Promise((r) => setTimeout(r));
    await fixture.whenStable();
  };

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [DocumentTitlesComponent],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(DocumentTitlesComponent);
    fixture.componentRef.setInput('document', DOC);
    fixture.componentRef.setInput('languages', ['fr', 'en', 'ar']);
    sut = fixture.nativeElement;
    await settle();
  });
  afterEach(() => http.verify());

  it('shows the first language’s title, a tab per other language with the missing one marked, and saves them', async () => {
    const source = sut.querySelector('input[lang=fr]') as HTMLInputElement;
    expect(source.value).toBe('Note conceptuelle');
    const tabs = [...sut.querySelectorAll<HTMLButtonElement>('[role=tab]')];
    expect(tabs.map((t) => t.textContent?.replace(/⚠.*/s, '').trim())).toEqual(['English', 'Arabic']);
    expect(tabs[0].textContent).not.toContain('translation missing');
    expect(tabs[1].textContent).toContain('translation missing');
    tabs[1].click();
    await settle();
    const arabic = sut.querySelector('[role=tabpanel] input') as HTMLInputElement;
    expect(arabic.getAttribute('dir')).toBe('rtl');
    expect(sut.querySelector('[role=tabpanel]')?.textContent).toContain('Note conceptuelle');
    arabic.value = 'مذكرة مفاهيمية';
    arabic.dispatchEvent(new Event('input'));
    await settle();
    expect(tabs[1].textContent).not.toContain('translation missing');

    let saved: DocumentView | undefined;
    fixture.componentInstance.saved.subscribe((d) => (saved = d));
    (sut.querySelector('button[type=submit]') as HTMLButtonElement).click();
    const patch = http.expectOne({ method: 'PATCH', url: '/api/v1/documents/doc1' });
    expect(patch.request.body).toEqual({
      title: { fr: 'Note conceptuelle', en: 'Concept note', ar: 'مذكرة مفاهيمية' },
    });
    patch.flush({ ...DOC, title: patch.request.body.title });
    await settle();
    expect(saved?.title['ar']).toBe('مذكرة مفاهيمية');
    expect(sut.querySelector('[role=status]')?.textContent).toContain('Titles saved.');
  });

  it('shows the server’s field errors', async () => {
    (sut.querySelector('button[type=submit]') as HTMLButtonElement).click();
    http.expectOne({ method: 'PATCH', url: '/api/v1/documents/doc1' }).flush(
      {
        type: 'https://gfmd.example/problems/invalid-input',
        title: 'Some fields are not valid.',
        status: 400,
        errors: [{ field: 'title.ar', message: 'title.ar must not contain control characters or bidi overrides' }],
      },
      { status: 400, statusText: 'Bad Request', headers: { 'content-type': 'application/problem+json' } },
    );
    await settle();
    expect(sut.textContent).toContain('bidi overrides');
  });
});
