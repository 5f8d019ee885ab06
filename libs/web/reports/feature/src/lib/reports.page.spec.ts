import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { BalanceReport } from '@gfmd/contracts';
import { ReportsPage } from './reports.page';

const settle = async (fixture: { whenStable(): Promise<unknown>; detectChanges(): void }): Promise<void> => {
  await new Promise((resolve) => setTimeout(resolve));
  await fixture.whenStable();
  fixture.detectChanges();
};

const count = (confirmed: number, checkedIn = 0) => ({ confirmed, checkedIn });

const REPORT: BalanceReport = {
  processId: 'p1',
  processTitle: 'GFMD 2027',
  filters: {},
  totals: { ...count(5, 1), dialogues: 2, erasedDialogues: 1 },
  byGroup: [
    { group: 'government', ...count(3) },
    { group: 'civil_society', ...count(2, 1) },
  ],
  byRegion: [
    { region: 'africa', ...count(2, 1) },
    { region: 'europe', ...count(3) },
    { region: 'unknown', ...count(0) },
  ],
  bySubRegion: [
    { subRegion: 'sub_saharan_africa', region: 'africa', ...count(2, 1) },
    { subRegion: 'western_europe', region: 'europe', ...count(3) },
  ],
  byDialogue: [
    {
      dialogueId: 'd1',
      title: 'Labour mobility',
      startsAt: '2027-03-01T09:00:00.000Z',
      status: 'concluded',
      erased: true,
      ...count(2, 1),
      organizations: null,
    },
    {
      dialogueId: 'd2',
      title: 'Climate and migration',
      startsAt: '2027-05-01T09:00:00.000Z',
      status: 'published',
      erased: false,
      ...count(3),
      organizations: { firstTime: 1, returning: 2 },
    },
  ],
  organizations: { firstTime: 1, returning: 2, unknownDialogues: 1 },
};

describe(ReportsPage.name, () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [ReportsPage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });

  const open = async () => {
    const fixture = TestBed.createComponent(ReportsPage);
    fixture.componentRef.setInput('id', 'p1');
    fixture.detectChanges();
    await settle(fixture);
    http.expectOne('/api/v1/processes/p1/timeline').flush({
      process: { id: 'p1', title: 'GFMD 2027' },
      phases: [],
      milestones: [],
      themes: [],
      sessions: [],
      dialogues: [],
    });
    http.expectOne((r) => r.url === '/api/v1/processes/p1/reports/balance').flush(REPORT);
    await settle(fixture);
    return { fixture, el: fixture.nativeElement as HTMLElement };
  };

  it('draws the balance as SVG charts with accessible names, and the same figures as tables', async () => {
    const { fixture, el } = await open();
    const charts = [...el.querySelectorAll('figure[role="img"]')];
    expect(charts).toHaveLength(3);
    for (const chart of charts) expect(chart.getAttribute('aria-label')?.length).toBeGreaterThan(10);
    expect(el.querySelectorAll('gfmd-bar-chart svg rect').length).toBeGreaterThan(4);
    expect(el.querySelectorAll('table')).toHaveLength(1); // the dialogues

    const tablesToggle = [...el.querySelectorAll('mat-button-toggle button')][1] as HTMLButtonElement;
    tablesToggle.click();
    await settle(fixture);
    expect(el.querySelectorAll('figure[role="img"]')).toHaveLength(0);
    expect(el.querySelectorAll('table')).toHaveLength(4);
    expect(el.textContent).toContain('Labour mobility');
  });

  it('reloads with the filters and looks a person up', async () => {
    const { fixture, el } = await open();
    const page = fixture.componentInstance as unknown as {
      filterForm: { patchValue(v: object): void };
      historyForm: { patchValue(v: object): void };
    };
    page.filterForm.patchValue({ dialogueId: 'd2' });
    el.querySelector('form.filters')?.dispatchEvent(new Event('submit'));
    await settle(fixture);
    const req = http.expectOne((r) => r.url === '/api/v1/processes/p1/reports/balance');
    expect(req.request.params.get('dialogueId')).toBe('d2');
    expect(req.request.params.has('phaseId')).toBe(false);
    req.flush(REPORT);

    page.historyForm.patchValue({ email: 'ana@example.org' });
    el.querySelector('form.history-form')?.dispatchEvent(new Event('submit'));
    await settle(fixture);
    http
      .expectOne((r) => r.url === '/api/v1/people/history' && r.params.get('email') === 'ana@example.org')
      .flush({
        email: 'ana@example.org',
        items: [
          {
            dialogueId: 'd2',
            dialogueTitle: 'Climate and migration',
            startsAt: '2027-05-01T09:00:00.000Z',
            processId: 'p1',
            status: 'confirmed',
            stakeholderGroup: 'government',
            checkedIn: true,
            registeredAt: '2027-01-01T09:00:00.000Z',
          },
        ],
      });
    await settle(fixture);
    expect(el.querySelector('section[aria-labelledby="history"] table')?.textContent).toContain(
      'Climate and migration',
    );
    http.verify();
  });
});
