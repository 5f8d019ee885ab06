import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { ProcessListPage } from './process-list.page';

const settle = async (fixture: { whenStable(): Promise<unknown>; detectChanges(): void }): Promise<void> => {
  await new Promise((resolve) => setTimeout(resolve));
  await fixture.whenStable();
  fixture.detectChanges();
};

type Page = {
  form: { patchValue(v: object): void; controls: Record<string, { errors: Record<string, unknown> | null }> };
};

describe(ProcessListPage.name, () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [ProcessListPage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });

  const open = async () => {
    const fixture = TestBed.createComponent(ProcessListPage);
    fixture.detectChanges();
    http.expectOne('/api/v1/processes').flush([
      {
        id: 'gcm',
        slug: 'gcm-2017-2018',
        code: 'GCM',
        title: 'Global Compact for Migration 2017–2018',
        startsAt: '2017-04-01T00:00:00.000Z',
        endsAt: '2018-12-31T23:59:59.000Z',
        phases: [],
        milestones: [],
      },
    ]);
    await settle(fixture);
    return { fixture, page: fixture.componentInstance as unknown as Page, el: fixture.nativeElement as HTMLElement };
  };

  it('lists the processes and creates one from whole days, then opens it', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const { fixture, page, el } = await open();
    expect(el.textContent).toContain('Global Compact for Migration 2017–2018');

    page.form.patchValue({ title: 'GFMD 2027', slug: 'gfmd-2027', startsAt: '2027-01-01', endsAt: '2027-12-31' });
    el.querySelector('form')?.dispatchEvent(new Event('submit'));
    const req = http.expectOne({ method: 'POST', url: '/api/v1/processes' });
    expect(req.request.body).toEqual({
      title: 'GFMD 2027',
      slug: 'gfmd-2027',
      startsAt: '2027-01-01T00:00:00.000Z',
      endsAt: '2028-01-01T00:00:00.000Z',
    });
    req.flush({
      id: 'p2',
      slug: 'gfmd-2027',
      title: 'GFMD 2027',
      startsAt: '2027-01-01T00:00:00.000Z',
      endsAt: '2028-01-01T00:00:00.000Z',
      phases: [],
      milestones: [],
    });
    await settle(fixture);
    expect(navigate).toHaveBeenCalledWith(['/console/processes', 'p2']);
  });

  it('refuses a last day before the first, and shows a taken short name on its field', async () => {
    const { fixture, page, el } = await open();
    page.form.patchValue({ title: 'GFMD 2027', slug: 'gfmd-2027', startsAt: '2027-12-31', endsAt: '2027-01-01' });
    el.querySelector('form')?.dispatchEvent(new Event('submit'));
    http.expectNone('/api/v1/processes');
    expect(page.form.controls['endsAt'].errors).toEqual({ endBeforeStart: true });

    page.form.patchValue({ startsAt: '2027-01-01', endsAt: '2027-12-31' });
    el.querySelector('form')?.dispatchEvent(new Event('submit'));
    http.expectOne({ method: 'POST', url: '/api/v1/processes' }).flush(
      {
        type: 'https://gfmd-dialogues.org/problems/duplicate-process',
        title: 'Conflict',
        status: 409,
        errors: [{ field: 'slug', message: 'this slug is taken' }],
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle(fixture);
    expect(page.form.controls['slug'].errors).toEqual({ server: 'this slug is taken' });
  });
});
