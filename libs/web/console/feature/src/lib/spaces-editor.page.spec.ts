import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { DialogueStore } from '@gfmd/web-dialogues-data-access';
import { provideFeatureDefaults } from '@gfmd/web-shared-ui/form-defaults';
import { I18n } from '@gfmd/web-shared-util-i18n';
import { DialogueFactory, SpaceFactory } from '@gfmd/web-shared-util-testing';
import { SpacesEditorPage } from './spaces-editor.page';

const settle = async (fixture: { whenStable(): Promise<unknown> }): Promise<void> => {
  await new Promise((resolve) => setTimeout(resolve));
  await fixture.whenStable();
};

describe(SpacesEditorPage.name, () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [SpacesEditorPage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideFeatureDefaults(), DialogueStore],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => (document.body.innerHTML = ''));

  async function render() {
    TestBed.inject(DialogueStore).setDialogue(DialogueFactory.create({ id: 'd1', status: 'published' }));
    const fixture = TestBed.createComponent(SpacesEditorPage);
    document.body.append(fixture.nativeElement as HTMLElement);
    await fixture.whenStable();
    // The caller may not list users: coordinator ids are typed.
    http.expectOne('/api/v1/users').flush({ status: 403 }, { status: 403, statusText: 'Forbidden' });
    await settle(fixture);
    const el = fixture.nativeElement as HTMLElement;
    const name = el.querySelector<HTMLInputElement>('input[formcontrolname=name]') as HTMLInputElement;
    const type = async (input: HTMLInputElement, text: string) => {
      input.value = text;
      input.dispatchEvent(new Event('input'));
      await settle(fixture);
    };
    return { fixture, el, name, type };
  }

  it('refuses a space without a name, focusing the name field', async () => {
    const { fixture, el, name } = await render();

    el.querySelector<HTMLButtonElement>('#space-save')?.click();
    await settle(fixture);

    http.expectNone({ method: 'POST', url: '/api/v1/dialogues/d1/spaces' });
    expect(document.activeElement).toBe(name);
    expect(el.querySelector('mat-error')?.textContent).toBeTruthy();
  });

  it('empties the form after adding a space, says so, and puts the focus back on its first field', async () => {
    const { fixture, el, name, type } = await render();
    await type(name, 'Business mechanism');
    await type(el.querySelector<HTMLInputElement>('input[formcontrolname=rooms]') as HTMLInputElement, 'Room XIX');

    el.querySelector<HTMLButtonElement>('#space-save')?.click();
    const req = http.expectOne({ method: 'POST', url: '/api/v1/dialogues/d1/spaces' });
    req.flush(SpaceFactory.create({ id: 's1', name: 'Business mechanism', rooms: ['Room XIX'] }));
    await settle(fixture);

    expect(req.request.body).toEqual(expect.objectContaining({ name: 'Business mechanism', rooms: ['Room XIX'] }));
    expect(name.value).toBe('');
    expect(el.querySelector<HTMLInputElement>('input[formcontrolname=rooms]')?.value).toBe('');
    expect(el.querySelector('#space-form-heading')?.textContent?.trim()).toBe('New space');
    // an empty form again, but no error for the name nobody has typed yet
    expect(el.querySelector('mat-error')).toBeNull();
    expect(el.querySelector('[role=status]')?.textContent).toContain('Business mechanism is added.');
    expect(document.activeElement).toBe(name);
  });

  it("marks the space's name in the status message when the page is in another language (English on a French page)", async () => {
    const i18n = TestBed.inject(I18n);
    await i18n.loadStaff();
    await i18n.use('fr', { remember: false });
    const { fixture, el, name, type } = await render();
    await type(name, 'Business mechanism');

    el.querySelector<HTMLButtonElement>('#space-save')?.click();
    http
      .expectOne({ method: 'POST', url: '/api/v1/dialogues/d1/spaces' })
      .flush(SpaceFactory.create({ id: 's1', name: 'Business mechanism' }));
    await settle(fixture);

    const status = el.querySelector('[role=status]')!;
    expect(status.textContent).toContain('Business mechanism');
    expect(status.querySelector('span[lang="en"]')?.textContent).toBe('Business mechanism');
  });

  it('keeps an edited space in the form after saving it, the focus on Save', async () => {
    const { fixture, el, name, type } = await render();
    const space = SpaceFactory.create({ id: 's1', name: 'Plenary', dialogueId: 'd1' });
    TestBed.inject(DialogueStore).setSpaces([space]);
    await settle(fixture);
    el.querySelector<HTMLButtonElement>('tbody button')?.click();
    await settle(fixture);
    await type(name, 'Opening plenary');

    el.querySelector<HTMLButtonElement>('#space-save')?.click();
    http.expectOne({ method: 'PATCH', url: '/api/v1/spaces/s1' }).flush({ ...space, name: 'Opening plenary' });
    await settle(fixture);

    expect(name.value).toBe('Opening plenary');
    expect(el.querySelector('[role=status]')?.textContent).toContain('Opening plenary is saved.');
    expect(document.activeElement?.id).toBe('space-save');
  });

  it("writes a space's name in the dialogue's other language on its tab, marking what is missing", async () => {
    const { fixture, el, name, type } = await render();
    // render() sets the factory's dialogue; this one lists English and French.
    TestBed.inject(DialogueStore).setDialogue(
      DialogueFactory.create({ id: 'd1', status: 'published', languages: ['en', 'fr'] }),
    );
    await settle(fixture);
    await type(name, 'Plenary');
    const tab = el.querySelector<HTMLButtonElement>('[role=tab]');
    expect(tab?.textContent).toContain('French');
    expect(tab?.textContent).toContain('translation missing');
    expect(el.querySelector('[role=tabpanel]')?.textContent).toContain('Not translated yet');
    const french = el.querySelector<HTMLInputElement>('[role=tabpanel] input') as HTMLInputElement;
    expect(french.getAttribute('lang')).toBe('fr');
    await type(french, 'Plénière');
    expect(tab?.textContent).not.toContain('translation missing');

    el.querySelector<HTMLButtonElement>('#space-save')?.click();
    const req = http.expectOne({ method: 'POST', url: '/api/v1/dialogues/d1/spaces' });
    expect(req.request.body).toEqual(
      expect.objectContaining({ name: 'Plenary', translations: { fr: { name: 'Plénière', description: '' } } }),
    );
    req.flush(SpaceFactory.create({ id: 's1', name: 'Plenary' }));
    await settle(fixture);
  });
});
