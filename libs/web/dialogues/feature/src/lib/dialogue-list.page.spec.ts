import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { DialogueFactory, PageFactory, SessionFactory, ThemeFactory } from '@gfmd/web-shared-util-testing';
import { DialogueListPage } from './dialogue-list.page';

const settle = async (fixture: { whenStable(): Promise<unknown> }): Promise<void> => {
  await new Promise((resolve) => setTimeout(resolve));
  await fixture.whenStable();
};

const defaultDialogues = () => [
  DialogueFactory.create({ title: 'Dialogue on cooperation', informalSessionId: 's3' }),
  DialogueFactory.create({ title: 'Dialogue on rights', informalSessionId: 's1', leadTimeDays: 21 }),
];

describe(DialogueListPage.name, () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [DialogueListPage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });

  async function render(session?: string, dialogues = defaultDialogues()) {
    const fixture = TestBed.createComponent(DialogueListPage);
    if (session) {
      fixture.componentRef.setInput('session', session);
    }
    await fixture.whenStable();
    const s3 = SessionFactory.create({ id: 's3', number: 3, title: 'International cooperation' });
    const s1 = SessionFactory.create({ id: 's1', number: 1, title: 'Human rights' });
    http.expectOne('/api/v1/themes').flush([ThemeFactory.create()]);
    http.expectOne('/api/v1/informal-sessions').flush([s3, s1]);
    http.expectOne((r) => r.url === '/api/v1/dialogues').flush(PageFactory.create(dialogues));
    await settle(fixture);
    return fixture.nativeElement as HTMLElement;
  }

  it('groups dialogues under their informal session with the lead time', async () => {
    const sut = await render();

    const headings = Array.from(sut.querySelectorAll('h2')).map((h) => h.textContent?.trim());
    expect(headings).toEqual([
      'Informal thematic session 1: Human rights',
      'Informal thematic session 3: International cooperation',
    ]);
    expect(sut.textContent).toContain('21 days before the informal session');
  });

  it('shows an empty state with a way out when filters match nothing', async () => {
    const sut = await render('no-such-session');

    expect(sut.textContent).toContain('No dialogue is open to the public yet.');
    expect(sut.textContent).toContain('Clear filters');
  });

  it('shows on each card whether places are left, the waiting list or closed, and never the staff status', async () => {
    const sut = await render(undefined, [
      DialogueFactory.create({ title: 'A', informalSessionId: 's1', placesLeft: 12, availability: 'open' }),
      DialogueFactory.create({ title: 'B', informalSessionId: 's1', placesLeft: 0, availability: 'full' }),
      DialogueFactory.create({
        title: 'C',
        informalSessionId: 's3',
        status: 'registration_closed',
        availability: 'closed',
      }),
      // an older answer without availability: worked out from the counts
      DialogueFactory.create({ title: 'D', informalSessionId: 's3', capacity: 10, confirmedCount: 9 }),
    ]);

    const chips = Array.from(sut.querySelectorAll('.card')).map((card) =>
      card.querySelector('.gfmd-card__chips')?.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(chips[0]).toContain('12 places left');
    expect(chips[1]).toContain('Full — join the waiting list');
    expect(chips[2]).toContain('Registration closed');
    expect(chips[3]).toContain('1 place left');
    expect(sut.textContent).not.toContain('Published');
  });

  it("offers the calendar feed to subscribe to (webcal) or download, in the reader's language", async () => {
    const sut = await render();

    const links = Array.from(sut.querySelectorAll<HTMLAnchorElement>('.gfmd-list-feed a'));
    expect(links.map((a) => a.textContent?.trim())).toEqual([
      'Subscribe to the calendar of dialogues',
      'download it (.ics)',
    ]);
    expect(links[0].getAttribute('href')).toMatch(/^webcal:\/\/[^/]*\/api\/v1\/feeds\/dialogues\.ics\?lang=en$/);
    expect(links[1].getAttribute('href')).toBe('/api/v1/feeds/dialogues.ics?lang=en');
  });
});
