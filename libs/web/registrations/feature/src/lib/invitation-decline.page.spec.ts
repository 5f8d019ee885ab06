import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { InvitationDeclineView } from '@gfmd/contracts';
import { I18n } from '@gfmd/web-shared-util-i18n';
import { InvitationDeclinePage } from './invitation-decline.page';

async function settle(fixture: { whenStable(): Promise<unknown> }): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve));
  await fixture.whenStable();
}

const TOKEN = 'A'.repeat(43);
const URL = `/api/v1/invitations/decline/${TOKEN}`;

describe(InvitationDeclinePage.name, () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [InvitationDeclinePage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function render(view: Partial<InvitationDeclineView> | 404) {
    const fixture = TestBed.createComponent(InvitationDeclinePage);
    fixture.componentRef.setInput('token', TOKEN);
    await fixture.whenStable();
    const req = http.expectOne({ method: 'GET', url: URL });
    if (view === 404) {
      req.flush({ status: 404, title: 'Not Found' }, { status: 404, statusText: 'Not Found' });
    } else {
      req.flush({ dialogueId: 'd1', dialogueTitle: 'Dialogue on mobility', language: 'en', status: 'sent', ...view });
    }
    await settle(fixture);
    return fixture;
  }

  it('asks first (opening the page changes nothing), then declines on the button and says so', async () => {
    const fixture = await render({});
    const el = fixture.nativeElement as HTMLElement;
    expect(el.textContent).toContain('Do you want to decline the invitation to Dialogue on mobility?');
    expect(el.querySelector('a[href^="/dialogues/d1/register?invitation="]')).not.toBeNull();

    el.querySelector<HTMLButtonElement>('button')?.click();
    await settle(fixture);
    http.expectOne({ method: 'POST', url: URL }).flush({ status: 'declined' });
    await settle(fixture);

    expect(el.querySelector('[role=status]')?.textContent).toContain(
      'You have declined the invitation to Dialogue on mobility.',
    );
    expect(el.querySelector('button')).toBeNull();
  });

  it('says so in French and Spanish too', async () => {
    await TestBed.inject(I18n).use('fr');
    const el = (await render({ status: 'declined' })).nativeElement as HTMLElement;
    expect(el.textContent).toContain("Vous avez décliné l'invitation à Dialogue on mobility.");
    await TestBed.inject(I18n).use('es');
    expect(TestBed.inject(I18n).t('decline.done', { title: 'X' })).toBe(
      'Ha rechazado la invitación a X. Gracias por avisarnos.',
    );
  });

  it('tells a registered invitee to cancel through their manage link, and an unknown link that it is not valid', async () => {
    const registered = (await render({ status: 'registered' })).nativeElement as HTMLElement;
    expect(registered.textContent).toContain('You have already registered with this invitation.');
    expect(registered.querySelector('button')).toBeNull();

    const unknown = (await render(404)).nativeElement as HTMLElement;
    expect(unknown.querySelector('[role=alert]')?.textContent).toContain('This link is not valid any more.');
  });
});
