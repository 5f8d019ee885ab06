import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { DialogueFactory, PageFactory, SessionFactory } from '@gfmd/web-shared-util-testing';
import { DialogueEditorPage } from './dialogue-editor.page';

const settle = async (fixture: { whenStable(): Promise<unknown> }): Promise<void> => {
  await new Promise((resolve) => setTimeout(resolve));
  await fixture.whenStable();
};

describe(DialogueEditorPage.name, () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [DialogueEditorPage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });

  it('creates a draft with times typed on the venue clock sent as UTC instants, and warns about lead time', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const fixture = TestBed.createComponent(DialogueEditorPage);
    await fixture.whenStable();
    http.expectOne('/api/v1/themes').flush([]);
    http
      .expectOne('/api/v1/informal-sessions')
      .flush([SessionFactory.create({ id: 's1', startsAt: '2017-05-08T08:00:00Z', endsAt: '2017-05-09T16:00:00Z' })]);
    http.expectOne((r) => r.url === '/api/v1/dialogues').flush(PageFactory.create([]));
    await settle(fixture);

    const form = (fixture.componentInstance as unknown as { form: { patchValue(v: object): void } }).form;
    form.patchValue({
      title: 'Dialogue on human rights',
      summary: 'Ahead of the first informal session',
      informalSessionId: 's1',
      timeZone: 'America/New_York',
      startsAt: '2017-05-10T09:00',
      endsAt: '2017-05-10T17:00',
    });
    await settle(fixture);
    const el = fixture.nativeElement as HTMLElement;
    expect(el.textContent).toContain('does not end before its informal session starts');

    el.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    const req = http.expectOne({ method: 'POST', url: '/api/v1/dialogues' });
    expect(req.request.body).toEqual(
      expect.objectContaining({
        timeZone: 'America/New_York',
        startsAt: '2017-05-10T13:00:00.000Z',
        endsAt: '2017-05-10T21:00:00.000Z',
        stakeholderQuotas: null,
        languages: ['en', 'fr', 'es'],
      }),
    );
    req.flush(DialogueFactory.create({ id: 'new-id' }));
    await settle(fixture);

    expect(navigate).toHaveBeenCalledWith(['/console/dialogues', 'new-id']);
  });
});
