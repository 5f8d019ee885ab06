import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { SynthesisDue } from '@gfmd/contracts';
import { I18n } from '@gfmd/web-shared-util-i18n';
import { SynthesisDuesComponent } from './synthesis-dues.component';

const due = (over: Partial<SynthesisDue>): SynthesisDue => ({
  target: 'informal-sessions',
  targetId: 's1',
  title: 'unused: the server’s words are not read',
  titleLang: 'en',
  sessionNumber: 4,
  targetTitle: 'Climate and mobility',
  targetTitleLang: 'en',
  dueAt: '2027-02-01T00:00:00.000Z',
  status: 'missing',
  late: false,
  publishedAt: null,
  ...over,
});

describe(SynthesisDuesComponent.name, () => {
  async function links(language: 'fr' | 'ar', dues: SynthesisDue[]) {
    TestBed.configureTestingModule({ imports: [SynthesisDuesComponent], providers: [provideRouter([])] });
    await TestBed.inject(I18n).use(language, { remember: false });
    const fixture = TestBed.createComponent(SynthesisDuesComponent);
    fixture.componentRef.setInput('dues', dues);
    fixture.detectChanges();
    return [...(fixture.nativeElement as HTMLElement).querySelectorAll('li a')].map((a) => {
      const span = a.querySelector('span') as HTMLElement;
      return {
        text: a.textContent,
        lang: span.getAttribute('lang'),
        dir: span.getAttribute('dir'),
        title: span.textContent,
      };
    });
  }

  it('writes the heading in the page’s words and marks only the title that fell back to English', async () => {
    expect(
      await links('fr', [
        due({}),
        due({ targetId: 's2', sessionNumber: 5, targetTitle: 'Migration et climat', targetTitleLang: 'fr' }),
      ]),
    ).toEqual([
      {
        text: 'Session thématique informelle 4 : Climate and mobility',
        lang: 'en',
        dir: null, // same direction as the page
        title: 'Climate and mobility',
      },
      {
        text: 'Session thématique informelle 5 : Migration et climat',
        lang: null,
        dir: null,
        title: 'Migration et climat',
      },
    ]);
  });

  it('gives a milestone its own title alone, marked left to right on an Arabic page', async () => {
    const [link] = await links('ar', [
      due({ target: 'milestones', sessionNumber: undefined, targetTitle: 'Stocktaking meeting' }),
    ]);
    expect(link).toEqual({ text: 'Stocktaking meeting', lang: 'en', dir: 'ltr', title: 'Stocktaking meeting' });
  });
});
