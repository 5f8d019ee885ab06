import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import type { ContributionView, Outcome, ReaderLanguage, User } from '@gfmd/contracts';
import { AuthStore } from '@gfmd/web-auth-data-access';
import { CatalogStore, DialogueStore } from '@gfmd/web-dialogues-data-access';
import { DialogueFactory, SpaceFactory } from '@gfmd/web-shared-util-testing';
import { OutcomeEditorPage } from './outcome-editor.page';

const URL = '/api/v1/dialogues/d1/outcome';
const ORGANIZER: User = { id: 'u1', email: 'org@example.org', name: 'Olga Organizer', role: 'organizer' };
const COORDINATOR: User = { id: 'c1', email: 'coord@example.org', name: 'Cem Coordinator', role: 'coordinator' };

function outcome(patch: Partial<Outcome> = {}): Outcome {
  return {
    dialogueId: 'd1',
    summary: 'First summary',
    keyMessages: ['Keep it short'],
    rapporteurUserIds: [],
    recommendations: [
      {
        id: 'r1',
        text: 'Protect migrant workers',
        kind: 'policy_recommendation',
        themeIds: [],
        addressedTo: [],
        spaceId: 's1',
      },
      { id: 'r2', text: 'Open more channels', kind: 'good_practice', themeIds: [], addressedTo: [], spaceId: 's2' },
    ],
    status: 'draft',
    version: 1,
    ...patch,
  };
}

describe(OutcomeEditorPage.name, () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<OutcomeEditorPage>;
  let sut: HTMLElement;

  async function settle(): Promise<void> {
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setTimeout(r));
      await fixture.whenStable();
    }
  }

  async function start(
    user: User,
    first: Outcome,
    contributions: Partial<ContributionView>[] = [],
    links: { recommendationId: string; contributionIds: string[] }[] = [],
    languages: ReaderLanguage[] = ['en'],
  ): Promise<void> {
    TestBed.configureTestingModule({
      imports: [OutcomeEditorPage],
      providers: [
        DialogueStore,
        provideHttpClient(),
        provideHttpClientTesting(),
        {
          provide: AuthStore,
          useValue: { user: signal(user), canOrganize: signal(user.role === 'organizer') },
        },
        { provide: CatalogStore, useValue: { load: () => Promise.resolve(), themes: signal([]) } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    const dialogues = TestBed.inject(DialogueStore);
    dialogues.setDialogue(DialogueFactory.create({ id: 'd1', languages }));
    dialogues.setSpaces([
      SpaceFactory.create({ id: 's1', name: 'Civil society space', coordinatorUserIds: ['c1'] }),
      SpaceFactory.create({ id: 's2', name: 'Business space', coordinatorUserIds: [] }),
    ]);
    fixture = TestBed.createComponent(OutcomeEditorPage);
    fixture.componentRef.setInput('id', 'd1');
    sut = fixture.nativeElement;
    await fixture.whenStable();
    if (user.role === 'organizer') {
      http.expectOne('/api/v1/users').flush({ items: [ORGANIZER], total: 1, page: 1, pageSize: 100 });
    }
    http.expectOne({ method: 'GET', url: '/api/v1/dialogues/d1/contributions' }).flush(contributions);
    http.expectOne({ method: 'GET', url: `${URL}/contribution-links` }).flush(links);
    http.expectOne({ method: 'GET', url: URL }).flush(first);
    await settle();
  }

  afterEach(() => http.verify());

  function summary(): HTMLTextAreaElement {
    return sut.querySelector('textarea[name=summary]') as HTMLTextAreaElement;
  }

  function button(text: string): HTMLButtonElement {
    const found = [...sut.querySelectorAll('button')].find((b) => b.textContent?.trim() === text);
    if (!found) throw new Error(`no button ${text}`);
    return found;
  }

  it('has a tab per dialogue language after the source (French here), marks what is missing, and saves the English summary and key message', async () => {
    await start(ORGANIZER, outcome(), [], [], ['fr', 'en', 'ar']);
    const [texts] = [...sut.querySelectorAll('gfmd-translation-fields')];
    const tabs = [...texts.querySelectorAll<HTMLButtonElement>('[role=tab]')];
    expect(tabs.map((t) => t.textContent?.replace(/⚠.*/s, '').trim())).toEqual(['English', 'Arabic']);
    // Every other language lacks the summary and the key message: said in words, with a sign.
    expect(tabs[0].textContent).toContain('translation missing');
    expect(summary().getAttribute('lang')).toBe('fr');
    const english = [...texts.querySelectorAll<HTMLTextAreaElement>('[role=tabpanel] textarea')];
    expect(english.map((t) => t.getAttribute('lang'))).toEqual(['en', 'en']);
    expect(texts.querySelector('[role=tabpanel]')?.textContent).toContain('Keep it short');
    expect(texts.querySelector('[role=tabpanel]')?.textContent).toContain('Not translated yet');
    english[0].value = 'What the dialogue said.';
    english[0].dispatchEvent(new Event('input'));
    english[1].value = 'Keep it brief.';
    english[1].dispatchEvent(new Event('input'));
    await settle();
    tabs[1].click();
    await settle();
    expect(texts.querySelector('[role=tabpanel] textarea')?.getAttribute('dir')).toBe('rtl');
    button('Save').click();
    await settle();
    const put = http.expectOne({ method: 'PUT', url: URL });
    expect(put.request.body.translations).toEqual({
      en: { summary: 'What the dialogue said.', 'keyMessages.0': 'Keep it brief.' },
      ar: { summary: '', 'keyMessages.0': '' },
    });
    expect(put.request.body.summary).toBe(outcome().summary);
    put.flush(outcome({ version: 2 }));
    await settle();
  });

  it('names the languages translated that the dialogue does not list, and keeps their translations on save', async () => {
    const first = outcome({ translations: { ru: { summary: 'Первое резюме' } }, unlistedLanguages: ['ru'] });
    first.recommendations[1] = {
      ...first.recommendations[1],
      translations: { zh: { text: '开放更多渠道' } },
      unlistedLanguages: ['zh'],
    };
    await start(ORGANIZER, first, [], [], ['fr', 'en']);
    const notice = sut.querySelector('.unlisted');
    expect(notice?.textContent).toContain('Russian');
    expect(notice?.textContent).toContain('Chinese');
    const tabs = [...sut.querySelectorAll<HTMLButtonElement>('gfmd-translation-fields [role=tab]')];
    expect(tabs.map((t) => t.textContent?.replace(/⚠.*/s, '').trim())).not.toContain('Russian');
    button('Save').click();
    await settle();
    const put = http.expectOne({ method: 'PUT', url: URL });
    expect(put.request.body.translations.ru.summary).toBe('Первое резюме');
    expect(put.request.body.recommendations[1].translations.zh.text).toBe('开放更多渠道');
    put.flush(outcome({ version: 2 }));
    await settle();
    expect(sut.querySelector('.unlisted')).toBeNull();
  });

  it('says nothing of unlisted languages when there are none', async () => {
    await start(ORGANIZER, outcome(), [], [], ['en', 'fr']);
    expect(sut.querySelector('.unlisted')).toBeNull();
  });

  it('moves the key messages’ translations up when one is removed', async () => {
    await start(
      ORGANIZER,
      outcome({
        keyMessages: ['First', 'Second'],
        translations: { en: { 'keyMessages.0': 'Premier', 'keyMessages.1': 'Deuxième' } },
      }),
      [],
      [],
      ['fr', 'en'],
    );
    button('Remove — Key message 1').click();
    await settle();
    button('Save').click();
    await settle();
    const put = http.expectOne({ method: 'PUT', url: URL });
    expect(put.request.body.keyMessages).toEqual(['Second']);
    expect(put.request.body.translations).toEqual({ en: { summary: '', 'keyMessages.0': 'Deuxième' } });
    put.flush(outcome({ version: 2 }));
    await settle();
  });

  it('keeps the user’s text on a stale save, shows their version, then saves over it', async () => {
    await start(ORGANIZER, outcome());
    summary().value = 'My better summary';
    summary().dispatchEvent(new Event('input'));
    button('Save').click();
    await settle();
    http.expectOne({ method: 'PUT', url: URL }).flush(
      {
        type: 'about:blank',
        title: 'stale-version',
        status: 409,
        currentVersion: 2,
        current: outcome({ summary: 'Their summary', version: 2 }),
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();
    expect(sut.querySelector('[role=alert]')?.textContent).toContain('Someone else saved meanwhile');
    expect(sut.querySelector('[role=status]')?.textContent).toContain('Someone else saved meanwhile');
    expect(summary().value).toBe('My better summary');

    button('Load their version and compare').click();
    await settle();
    expect(sut.querySelector('.compare')?.textContent).toContain('Their summary');
    expect(summary().value).toBe('My better summary');

    button('Save').click();
    await settle();
    const again = http.expectOne({ method: 'PUT', url: URL });
    expect(again.request.body).toMatchObject({ summary: 'My better summary', version: 2 });
    again.flush(outcome({ summary: 'My better summary', version: 3 }));
    await settle();
    expect(sut.querySelector('[role=status]')?.textContent).toContain('Outcome saved (version 3)');
    expect(sut.querySelector('.compare')).toBeNull();
  });

  it('shows the API’s message when an organizer may not approve their own draft', async () => {
    await start(ORGANIZER, outcome({ status: 'submitted', version: 4 }));
    http.expectOne({ method: 'GET', url: `${URL}/diff` }).flush({
      from: 2,
      to: 4,
      fields: [{ field: 'summary', before: 'Old', after: 'First summary' }],
      keyMessages: { added: ['Keep it short'], removed: [] },
      recommendations: { added: [], removed: [], changed: [] },
    });
    await settle();
    expect(sut.textContent).toContain('Changes since the last submission');
    expect(sut.querySelector('gfmd-outcome-diff')?.textContent).toContain('Keep it short');

    button('Approve').click();
    await settle();
    http.expectOne({ method: 'POST', url: `${URL}/approve` }).flush(
      {
        type: 'about:blank',
        title: 'own-draft',
        status: 403,
        detail: 'You drafted this outcome: another organizer approves it.',
      },
      { status: 403, statusText: 'Forbidden' },
    );
    await settle();
    expect(sut.querySelector('[role=alert]')?.textContent).toContain('another organizer approves it');
  });

  it('lets a coordinator edit only their space’s recommendations and sends only those fields', async () => {
    await start(COORDINATOR, outcome());
    const fieldsets = [...sut.querySelectorAll<HTMLFieldSetElement>('.recommendation fieldset')];
    expect(fieldsets.map((f) => f.disabled)).toEqual([false, true]);
    expect(summary().readOnly).toBe(true);
    button('Save').click();
    await settle();
    const put = http.expectOne({ method: 'PUT', url: URL });
    expect(Object.keys(put.request.body).sort()).toEqual(['recommendations', 'version']);
    expect(put.request.body.recommendations.map((r: { id: string }) => r.id)).toEqual(['r1', 'r2']);
    put.flush(outcome({ version: 2 }));
    await settle();
  });

  it('lets an organizer link accepted contributions to a saved recommendation, saved at once', async () => {
    await start(
      ORGANIZER,
      outcome(),
      [
        { id: 'c1', title: 'Portable pensions', organization: 'MFA', status: 'accepted' },
        { id: 'c2', title: 'Not yet decided', organization: null, status: 'submitted' },
      ],
      [{ recommendationId: 'r1', contributionIds: ['c1'] }],
    );
    const fields = sut.querySelectorAll('gfmd-outcome-contributions');
    expect(fields).toHaveLength(2);
    expect(fields[0].textContent).toContain('Contributions it draws on');
    const select = fields[1].querySelector('mat-select') as HTMLElement;
    select.click();
    await settle();
    const options = [...document.querySelectorAll('mat-option')] as HTMLElement[];
    expect(options.map((o) => o.textContent?.trim())).toEqual(['Portable pensions — MFA']);
    options[0].click();
    await settle();
    const put = http.expectOne({ method: 'PUT', url: `${URL}/recommendations/r2/contributions` });
    expect(put.request.body).toEqual({ contributionIds: ['c1'] });
    put.flush({ recommendationId: 'r2', contributions: [] });
    await settle();
  });
});
