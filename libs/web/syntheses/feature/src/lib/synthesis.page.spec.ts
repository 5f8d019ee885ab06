import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Synthesis } from '@gfmd/contracts';
import { I18n } from '@gfmd/web-shared-util-i18n';
import { SynthesisPage } from './synthesis.page';
import { splitSynthesisTitle } from './synthesis-title';

const published = (over: Partial<Synthesis>): Synthesis => ({
  informalSessionId: 's1',
  title: 'Informal thematic session 4: Climate and mobility',
  titleLang: 'en',
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

describe(splitSynthesisTitle.name, () => {
  it("cuts a session's title after its number and colon, in each language's catalogue", () => {
    const cases: [string, string, string][] = [
      ['Informal thematic session 4: Climate', 'Informal thematic session 4: ', 'Climate'],
      [
        'Session thématique informelle 4\u202f: Climate 2030: next',
        'Session thématique informelle 4\u202f: ',
        'Climate 2030: next',
      ],
      ['Sesión temática informal 12: Clima', 'Sesión temática informal 12: ', 'Clima'],
      ['الجلسة المواضيعية غير الرسمية ٤: Climate', 'الجلسة المواضيعية غير الرسمية ٤: ', 'Climate'],
    ];
    for (const [title, prefix, own] of cases)
      expect(splitSynthesisTitle(title, 'informal-sessions')).toEqual({ prefix, own });
  });

  it("keeps a milestone's title, or a title without a prefix, whole", () => {
    expect(splitSynthesisTitle('Meeting 2: stocktaking', 'milestones')).toEqual({
      prefix: '',
      own: 'Meeting 2: stocktaking',
    });
    expect(splitSynthesisTitle('Climate', 'informal-sessions')).toEqual({ prefix: '', own: 'Climate' });
  });
});

describe(SynthesisPage.name, () => {
  async function render(language: 'fr' | 'ar' | 'en', synthesis: Synthesis) {
    TestBed.configureTestingModule({
      imports: [SynthesisPage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    await TestBed.inject(I18n).use(language, { remember: false });
    const fixture = TestBed.createComponent(SynthesisPage);
    fixture.componentRef.setInput('target', 'informal-sessions');
    fixture.componentRef.setInput('id', 's1');
    fixture.detectChanges();
    TestBed.inject(HttpTestingController).expectOne('/api/v1/informal-sessions/s1/synthesis').flush(synthesis);
    await new Promise((r) => setTimeout(r));
    await fixture.whenStable();
    const h1 = (fixture.nativeElement as HTMLElement).querySelector('h1#synthesis-title') as HTMLElement;
    const span = h1.querySelectorAll('span')[1];
    return {
      // The heading's text as written: no space before the prefix or between it and the title.
      h1: { lang: h1.getAttribute('lang'), text: h1.textContent },
      span: { lang: span.getAttribute('lang'), dir: span.getAttribute('dir'), text: span.textContent },
    };
  }

  it('marks the session title that fell back to English on a French page, not the French prefix', async () => {
    const title = 'Session thématique informelle 4 : Climate and mobility';
    expect(await render('fr', published({ title, titleLang: 'en' }))).toEqual({
      h1: { lang: null, text: title },
      span: { lang: 'en', dir: null, text: 'Climate and mobility' },
    });
  });

  it('sets the direction too where it differs: an English title on an Arabic page', async () => {
    const title = 'الجلسة المواضيعية غير الرسمية 4: Climate and mobility';
    expect(await render('ar', published({ title, titleLang: 'en' }))).toEqual({
      h1: { lang: null, text: title },
      span: { lang: 'en', dir: 'ltr', text: 'Climate and mobility' },
    });
  });

  it('marks nothing when the title is in the page language', async () => {
    const title = 'Session thématique informelle 4 : Climat et mobilité';
    expect(await render('fr', published({ title, titleLang: 'fr' }))).toEqual({
      h1: { lang: null, text: title },
      span: { lang: null, dir: null, text: 'Climat et mobilité' },
    });
  });
});
