import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Synthesis } from '@gfmd/contracts';
import { I18n } from '@gfmd/web-shared-util-i18n';
import { SynthesisPage } from './synthesis.page';

const published = (over: Partial<Synthesis>): Synthesis => ({
  informalSessionId: 's1',
  title: 'Informal thematic session 4: Climate and mobility',
  titleLang: 'en',
  sessionNumber: 4,
  targetTitle: 'Climate and mobility',
  targetTitleLang: 'en',
  introduction: 'Intro',
  introductionLang: 'en',
  dueAt: '2027-02-01T00:00:00.000Z',
  dueAtSet: false,
  status: 'published',
  version: 2,
  sections: [],
  publishedVersion: 2,
  publishedAt: '2027-01-20T00:00:00.000Z',
  late: false,
  recommendations: [],
  ...over,
});

describe(SynthesisPage.name, () => {
  async function render(
    language: 'fr' | 'ar' | 'en',
    synthesis: Synthesis,
    target: 'informal-sessions' | 'milestones' = 'informal-sessions',
  ) {
    TestBed.configureTestingModule({
      imports: [SynthesisPage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    await TestBed.inject(I18n).use(language, { remember: false });
    const fixture = TestBed.createComponent(SynthesisPage);
    fixture.componentRef.setInput('target', target);
    fixture.componentRef.setInput('id', 's1');
    fixture.detectChanges();
    TestBed.inject(HttpTestingController).expectOne(`/api/v1/${target}/s1/synthesis`).flush(synthesis);
    await new Promise((r) => setTimeout(r));
    await fixture.whenStable();
    const h1 = (fixture.nativeElement as HTMLElement).querySelector('h1#synthesis-title') as HTMLElement;
    const span = h1.querySelector('span') as HTMLElement;
    return {
      // The heading's text as written: no space before the words or between them and the title.
      h1: { lang: h1.getAttribute('lang'), text: h1.textContent },
      span: { lang: span.getAttribute('lang'), dir: span.getAttribute('dir'), text: span.textContent },
    };
  }

  it('marks the session title that fell back to English on a French page, not the French words', async () => {
    // The API's own `title` is not read: the heading is the page's words around `targetTitle`.
    expect(await render('fr', published({ title: 'unused', targetTitle: 'Climate and mobility' }))).toEqual({
      h1: { lang: null, text: 'Session thématique informelle 4 : Climate and mobility' },
      span: { lang: 'en', dir: null, text: 'Climate and mobility' },
    });
  });

  it('sets the direction too where it differs: an English title on an Arabic page, the number in Arabic digits', async () => {
    expect(await render('ar', published({}))).toEqual({
      h1: { lang: null, text: 'الجلسة المواضيعية غير الرسمية ٤: Climate and mobility' },
      span: { lang: 'en', dir: 'ltr', text: 'Climate and mobility' },
    });
  });

  it('marks nothing when the title is in the page language', async () => {
    const synthesis = published({ targetTitle: 'Climat et mobilité', targetTitleLang: 'fr' });
    expect(await render('fr', synthesis)).toEqual({
      h1: { lang: null, text: 'Session thématique informelle 4 : Climat et mobilité' },
      span: { lang: null, dir: null, text: 'Climat et mobilité' },
    });
  });

  it('keeps a title of any shape whole (digits and colons of its own), marked as a whole', async () => {
    const title = 'Agenda 2030: 3 steps';
    expect(await render('fr', published({ targetTitle: title, sessionNumber: 12 }))).toEqual({
      h1: { lang: null, text: `Session thématique informelle 12 : ${title}` },
      span: { lang: 'en', dir: null, text: title },
    });
  });

  it("heads a milestone's synthesis with its own title alone", async () => {
    const milestone = published({
      informalSessionId: undefined,
      milestoneId: 's1',
      title: 'Stocktaking meeting 2: Geneva',
      sessionNumber: undefined,
      targetTitle: 'Stocktaking meeting 2: Geneva',
    });
    expect(await render('ar', milestone, 'milestones')).toEqual({
      h1: { lang: null, text: 'Stocktaking meeting 2: Geneva' },
      span: { lang: 'en', dir: 'ltr', text: 'Stocktaking meeting 2: Geneva' },
    });
  });
});
