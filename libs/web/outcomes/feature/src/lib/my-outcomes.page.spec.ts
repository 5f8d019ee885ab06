import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Page, RapporteurOutcome } from '@gfmd/contracts';
import { MyOutcomesPage } from './my-outcomes.page';

describe(MyOutcomesPage.name, () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [MyOutcomesPage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  const render = async (page: Page<RapporteurOutcome>) => {
    const fixture = TestBed.createComponent(MyOutcomesPage);
    fixture.detectChanges();
    http.expectOne('/api/v1/outcomes/mine').flush(page);
    await new Promise((r) => setTimeout(r));
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  };

  it('lists the outcomes naming me rapporteur, each opening its editor, with a return comment', async () => {
    const el = await render({
      items: [
        {
          dialogueId: 'd1',
          dialogueTitle: 'Labour mobility',
          status: 'returned',
          version: 5,
          returnComment: 'Name the countries.',
          publishedVersion: null,
          updatedAt: '2026-11-02T10:00:00Z',
        },
        {
          dialogueId: 'd2',
          dialogueTitle: 'Climate and displacement',
          status: 'published',
          version: 9,
          returnComment: null,
          publishedVersion: 9,
          updatedAt: '2026-10-02T10:00:00Z',
        },
      ],
      total: 2,
      page: 1,
      pageSize: 2,
    });
    const links = [...el.querySelectorAll('li h2 a')];
    expect(links.map((a) => [a.textContent?.trim(), a.getAttribute('href')])).toEqual([
      ['Labour mobility', '/workspace/outcomes/d1'],
      ['Climate and displacement', '/workspace/outcomes/d2'],
    ]);
    expect(el.querySelector('li .gfmd-alert--warn')?.textContent).toContain('Name the countries.');
  });

  it('says when I am named on none', async () => {
    const el = await render({ items: [], total: 0, page: 1, pageSize: 1 });
    expect(el.querySelector('gfmd-empty-state')?.textContent).toContain('not named rapporteur');
  });
});
