import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { UpdateManagedRegistrationRequest } from '@gfmd/contracts';
import { AgendaViewFactory, DialogueFactory, RegistrationFactory } from '@gfmd/web-shared-util-testing';
import { ManagePage } from './manage.page';

async function settle(fixture: { whenStable(): Promise<unknown> }): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve));
  await fixture.whenStable();
}

describe(ManagePage.name, () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [ManagePage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function render() {
    const fixture = TestBed.createComponent(ManagePage);
    fixture.componentRef.setInput('token', 'secret-token');
    await fixture.whenStable();
    http.expectOne('/api/v1/registrations/manage/secret-token').flush({
      ...RegistrationFactory.create({ dialogueId: 'd1', title: 'Dr', jobTitle: 'Director', country: 'SN' }),
      accessibilityNeeds: 'Step-free access',
    });
    await settle(fixture);
    http.expectOne('/api/v1/dialogues/d1').flush(DialogueFactory.create({ id: 'd1' }));
    http.expectOne('/api/v1/dialogues/d1/spaces').flush([]);
    http.expectOne((r) => r.url === '/api/v1/dialogues/d1/agenda').flush(AgendaViewFactory.create());
    await settle(fixture);
    return fixture;
  }

  function clear(el: HTMLElement, selector: string): void {
    const field = el.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector);
    if (!field) {
      throw new Error(`no ${selector}`);
    }
    field.value = '';
    field.dispatchEvent(new Event('input'));
  }

  it('clears the optional details with null, as the API asks (an omitted field would stay as it was)', async () => {
    const fixture = await render();
    const el = fixture.nativeElement as HTMLElement;
    clear(el, 'input[name=title]');
    clear(el, 'input[name=jobTitle]');
    el.querySelector('form')?.dispatchEvent(new Event('submit'));
    await settle(fixture);

    const req = http.expectOne({ method: 'PATCH', url: '/api/v1/registrations/manage/secret-token' });
    const body = req.request.body as UpdateManagedRegistrationRequest;
    expect(body.title).toBeNull();
    expect(body.jobTitle).toBeNull();
    expect(body.accessibilityNeeds).toBe('Step-free access');
    req.flush(RegistrationFactory.create({ dialogueId: 'd1' }));
    await settle(fixture);
  });
});
