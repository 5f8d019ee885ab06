import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { DialogueStore } from '@gfmd/web-dialogues-data-access';
import { AgendaViewFactory, DialogueFactory, SpaceFactory } from '@gfmd/web-shared-util-testing';
import { SpaceDetailsPage } from './space-details.page';

async function settle(fixture: ComponentFixture<SpaceDetailsPage>): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }
}

describe(SpaceDetailsPage.name, () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<SpaceDetailsPage>;
  let sut: HTMLElement;

  const space = SpaceFactory.create({
    id: 's1',
    dialogueId: 'd1',
    name: 'Civil society space',
    description: 'Run by civil society.',
    rooms: ['Room 2'],
    translations: { fr: { description: 'Animé par la société civile.' } },
  });

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [SpaceDetailsPage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), DialogueStore],
    });
    http = TestBed.inject(HttpTestingController);
    const loading = TestBed.inject(DialogueStore).load('d1');
    http.expectOne('/api/v1/dialogues/d1').flush(DialogueFactory.create({ id: 'd1', languages: ['en', 'fr', 'ar'] }));
    http.expectOne('/api/v1/dialogues/d1/spaces').flush([space]);
    http.expectOne((r) => r.url.startsWith('/api/v1/dialogues/d1/agenda')).flush(AgendaViewFactory.create());
    await loading;
    fixture = TestBed.createComponent(SpaceDetailsPage);
    fixture.componentRef.setInput('spaceId', 's1');
    sut = fixture.nativeElement;
    await settle(fixture);
  });

  afterEach(() => http.verify());

  it('shows the rooms, the description and one translation tab per other language (description only)', () => {
    expect(sut.querySelector<HTMLInputElement>('input[formcontrolname=rooms]')?.value).toBe('Room 2');
    expect(sut.querySelector<HTMLTextAreaElement>('textarea[formcontrolname=description]')?.value).toBe(
      'Run by civil society.',
    );
    const tabs = [...sut.querySelectorAll('[role=tab]')].map((t) => t.textContent?.trim());
    expect(tabs).toHaveLength(2);
    expect(tabs[0]).toContain('French');
    expect(tabs[1]).toContain('Arabic');
    // The French description as stored; no field for the name (the organizers').
    const panel = sut.querySelector('[role=tabpanel]')!;
    expect(panel.querySelectorAll('textarea, input')).toHaveLength(1);
    expect(panel.querySelector('textarea')?.value).toBe('Animé par la société civile.');
  });

  it('sends only what a coordinator may change: rooms, description and its translations', async () => {
    const arabicTab = [...sut.querySelectorAll<HTMLButtonElement>('[role=tab]')][1];
    arabicTab.click();
    await settle(fixture);
    const arabic = sut.querySelector<HTMLTextAreaElement>('[role=tabpanel] textarea')!;
    arabic.value = 'يديره المجتمع المدني.';
    arabic.dispatchEvent(new Event('input'));
    const rooms = sut.querySelector<HTMLInputElement>('input[formcontrolname=rooms]')!;
    rooms.value = 'Room 2, Room 2b';
    rooms.dispatchEvent(new Event('input'));
    sut.querySelector<HTMLButtonElement>('#space-details-save')!.click();
    await settle(fixture);
    const req = http.expectOne({ method: 'PATCH', url: '/api/v1/spaces/s1' });
    expect(req.request.body).toEqual({
      rooms: ['Room 2', 'Room 2b'],
      description: 'Run by civil society.',
      translations: {
        fr: { description: 'Animé par la société civile.' },
        ar: { description: 'يديره المجتمع المدني.' },
      },
    });
    req.flush({ ...space, rooms: ['Room 2', 'Room 2b'], translations: req.request.body.translations });
    await settle(fixture);
    expect(sut.querySelector('[role=status]')?.textContent).toContain('Civil society space is saved.');
  });
});
