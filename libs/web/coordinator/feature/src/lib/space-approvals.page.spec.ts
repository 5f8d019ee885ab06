import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { Dialogue, Space } from '@gfmd/contracts';
import type { ComponentFixture } from '@angular/core/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { SpaceApprovalsStore } from '@gfmd/web-coordinator-data-access';
import { DialogueStore } from '@gfmd/web-dialogues-data-access';
import { ConfirmService } from '@gfmd/web-shared-ui/confirm';
import { I18n, messageText, type ContentMessage } from '@gfmd/web-shared-util-i18n';
import { DialogueFactory, RegistrationFactory, SpaceFactory } from '@gfmd/web-shared-util-testing';
import { SpaceApprovalsPage } from './space-approvals.page';

const LIST = '/api/v1/dialogues/d1/registrations';

async function settle(fixture: ComponentFixture<SpaceApprovalsPage>): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }
}

describe(SpaceApprovalsPage.name, () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<SpaceApprovalsPage>;
  let sut: HTMLElement;
  const ask = jest.fn<Promise<boolean>, [{ title: string; message: ContentMessage }]>();
  /** An English dialogue (French second) whose space is named in English only: a fallback on a French page. */
  const dialogue = signal<Dialogue>(DialogueFactory.create({ id: 'd1', languages: ['en', 'fr'] }));
  const spaces = signal<Space[]>([SpaceFactory.create({ id: 's1', name: 'Business space', translations: {} })]);

  const request = (id: string, firstName: string) =>
    RegistrationFactory.create({
      id,
      firstName,
      lastName: 'Diallo',
      organization: 'Migrant Forum',
      status: 'confirmed',
      spaces: [{ spaceId: 's1', status: 'pending' }],
    });
  const buttons = (label: string) =>
    [...sut.querySelectorAll('button')].filter((b) => b.textContent?.trim().startsWith(label));

  beforeEach(async () => {
    ask.mockReset().mockResolvedValue(true);
    TestBed.configureTestingModule({
      imports: [SpaceApprovalsPage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: DialogueStore, useValue: { dialogue, spaces } },
        SpaceApprovalsStore,
        { provide: ConfirmService, useValue: { ask } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    const store = TestBed.inject(SpaceApprovalsStore);
    const opening = store.open('d1', 's1');
    http
      .expectOne((r) => r.url === LIST)
      .flush({ items: [request('r1', 'Amina'), request('r2', 'Omar')], total: 2, page: 1, pageSize: 25 });
    await opening;
    fixture = TestBed.createComponent(SpaceApprovalsPage);
    sut = fixture.nativeElement;
    await settle(fixture);
  });

  afterEach(() => http.verify());

  it('shows one card per person with Approve and Decline', () => {
    const cards = sut.querySelectorAll('li');
    expect(cards).toHaveLength(2);
    expect(cards[0].textContent).toContain('Amina Diallo');
    expect(cards[0].textContent).toContain('Migrant Forum');
    expect(buttons('Approve')).toHaveLength(2);
    expect(buttons('Decline')).toHaveLength(2);
    expect(sut.querySelector('table')).toBeNull();
  });

  it('approves at once and says so', async () => {
    buttons('Approve')[0].click();
    await settle(fixture);
    http
      .expectOne({ method: 'POST', url: '/api/v1/registrations/r1/spaces/s1/approve' })
      .flush({ ...request('r1', 'Amina'), spaces: [{ spaceId: 's1', status: 'confirmed' }] });
    await settle(fixture);
    expect(ask).not.toHaveBeenCalled();
    expect(sut.querySelectorAll('li')).toHaveLength(1);
    expect(sut.querySelector('[role="status"]')?.textContent).toContain('Amina Diallo is approved');
  });

  it('asks before declining, saying an email goes to the person; nothing is sent when cancelled', async () => {
    ask.mockResolvedValue(false);
    buttons('Decline')[1].click();
    await settle(fixture);
    expect(ask).toHaveBeenCalledTimes(1);
    expect(ask.mock.calls[0][0].title).toContain('Omar Diallo');
    expect(messageText(ask.mock.calls[0][0].message)).toContain('email');
    expect(sut.querySelectorAll('li')).toHaveLength(2);

    ask.mockResolvedValue(true);
    buttons('Decline')[1].click();
    await settle(fixture);
    http
      .expectOne({ method: 'POST', url: '/api/v1/registrations/r2/spaces/s1/decline' })
      .flush({ ...request('r2', 'Omar'), spaces: [{ spaceId: 's1', status: 'declined' }] });
    await settle(fixture);
    expect(sut.querySelectorAll('li')).toHaveLength(1);
    expect(sut.querySelector('[role="status"]')?.textContent).toContain('declined');
  });

  it('offers Undo (focused) after a decline; Undo restores the request', async () => {
    buttons('Decline')[0].click();
    await settle(fixture);
    http.expectOne({ method: 'POST', url: '/api/v1/registrations/r1/spaces/s1/decline' }).flush({
      ...request('r1', 'Amina'),
      spaces: [{ spaceId: 's1', status: 'declined' }],
      undoUntil: new Date(Date.now() + 15_000).toISOString(),
    });
    await settle(fixture);
    const undo = buttons('Undo');
    expect(undo).toHaveLength(1);
    expect(document.activeElement).toBe(undo[0]);

    undo[0].click();
    await settle(fixture);
    http
      .expectOne({ method: 'POST', url: '/api/v1/registrations/r1/spaces/s1/undo-decline' })
      .flush(request('r1', 'Amina'));
    await settle(fixture);
    http
      .expectOne((r) => r.url === LIST)
      .flush({ items: [request('r1', 'Amina'), request('r2', 'Omar')], total: 2, page: 1, pageSize: 25 });
    await settle(fixture);
    expect(sut.querySelectorAll('li')).toHaveLength(2);
    expect(buttons('Undo')).toHaveLength(0);
    expect(sut.querySelector('[role="status"]')?.textContent).toContain('undone');
  });

  it("marks the space's name with its language in the confirmation and the status message (a French page)", async () => {
    const i18n = TestBed.inject(I18n);
    await i18n.loadStaff();
    await i18n.use('fr', { remember: false });
    await settle(fixture);

    buttons('Refuser')[0].click();
    await settle(fixture);
    expect(ask.mock.calls[0][0].message).toContainEqual({ text: 'Business space', lang: 'en' });
    expect(messageText(ask.mock.calls[0][0].message)).toBe(
      'Amina Diallo recevra un courriel lui indiquant que sa demande pour Business space est refusée.',
    );
    http.expectOne({ method: 'POST', url: '/api/v1/registrations/r1/spaces/s1/decline' }).flush({
      ...request('r1', 'Amina'),
      spaces: [{ spaceId: 's1', status: 'declined' }],
      undoUntil: new Date(Date.now() + 15_000).toISOString(),
    });
    await settle(fixture);
    const status = sut.querySelector('[role="status"]')!;
    expect(status.textContent).toBe('Amina Diallo : demande pour Business space refusée.');
    expect(status.querySelector('span[lang="en"]')?.textContent).toBe('Business space');
    expect(sut.querySelector('[data-testid=undo-bar] span[lang="en"]')?.textContent).toBe('Business space');

    buttons('Annuler')[0].click();
    await settle(fixture);
    http
      .expectOne({ method: 'POST', url: '/api/v1/registrations/r1/spaces/s1/undo-decline' })
      .flush(request('r1', 'Amina'));
    await settle(fixture);
    http
      .expectOne((r) => r.url === LIST)
      .flush({ items: [request('r1', 'Amina'), request('r2', 'Omar')], total: 2, page: 1, pageSize: 25 });
    await settle(fixture);
    expect(sut.querySelector('[role="status"] span[lang="en"]')?.textContent).toBe('Business space');
  });

  it('shows the problem when the API refuses', async () => {
    buttons('Approve')[0].click();
    await settle(fixture);
    http
      .expectOne({ method: 'POST', url: '/api/v1/registrations/r1/spaces/s1/approve' })
      .flush(
        { type: 'https://gfmd-dialogues.org/problems/forbidden', title: 'Forbidden', status: 403, detail: 'Nope.' },
        { status: 403, statusText: 'Forbidden' },
      );
    await settle(fixture);
    expect(sut.textContent).toContain('Nope.');
    expect(sut.querySelectorAll('li')).toHaveLength(2);
  });
});
