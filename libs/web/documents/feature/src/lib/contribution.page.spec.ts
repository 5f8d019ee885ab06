import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ContributionPage as ContributionPageView } from '@gfmd/contracts';
import { ContributionPage } from './contribution.page';

const PAGE: ContributionPageView = {
  id: 'c1',
  dialogueId: 'd1',
  title: 'Portable skills',
  text: 'Skills <script>alert(1)</script> travel with people.',
  organization: 'Migrant Forum in Asia',
  stakeholderGroup: 'civil_society',
  name: 'Amina Diallo',
  status: 'accepted',
  consentToPublish: true,
  documentId: 'doc1',
  submittedAt: '2031-01-01T10:00:00Z',
  decidedAt: '2031-01-02T10:00:00Z',
  citedBy: [
    {
      reference: 'GFMD-GCM-T3-D12-R04',
      text: 'Recognize skills across borders.',
      dialogueTitle: 'Skills dialogue',
      url: 'https://example.org/recommendations/GFMD-GCM-T3-D12-R04',
    },
  ],
};

describe(ContributionPage.name, () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<ContributionPage>;
  let sut: HTMLElement;

  async function open(id: string): Promise<void> {
    TestBed.configureTestingModule({
      imports: [ContributionPage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ContributionPage);
    fixture.componentRef.setInput('id', id);
    sut = fixture.nativeElement;
    await fixture.whenStable();
  }

  async function settle(): Promise<void> {
    await new Promise((r) => setTimeout(r));
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  it('shows the contribution as text, its file and the recommendations that cite it', async () => {
    await open('c1');
    http.expectOne('/api/v1/contributions/c1').flush(PAGE);
    await settle();
    expect(sut.querySelector('h1')?.textContent).toContain('Portable skills');
    expect(sut.querySelector('.text')?.textContent).toContain('<script>alert(1)</script>');
    expect(sut.querySelector('script')).toBeNull();
    expect(sut.textContent).toContain('Migrant Forum in Asia');
    expect(sut.querySelector('a[href="/api/v1/documents/doc1/file"]')).not.toBeNull();
    const cited = sut.querySelector('.cited a[href="/recommendations/GFMD-GCM-T3-D12-R04"]');
    expect(cited?.textContent).toContain('GFMD-GCM-T3-D12-R04');
    expect(sut.querySelector('.cited blockquote')?.textContent).toContain('Recognize skills across borders.');
  });

  it('says when no published recommendation cites it yet', async () => {
    await open('c1');
    http.expectOne('/api/v1/contributions/c1').flush({ ...PAGE, citedBy: [] });
    await settle();
    expect(sut.textContent).toContain('No published recommendation cites this contribution yet.');
  });

  it('answers an unknown or unpublished contribution with the problem', async () => {
    await open('nope');
    http
      .expectOne('/api/v1/contributions/nope')
      .flush({ type: 'about:blank', title: 'Not Found', status: 404 }, { status: 404, statusText: 'Not Found' });
    await settle();
    expect(sut.querySelector('gfmd-problem-alert')).not.toBeNull();
    expect(sut.querySelector('gfmd-loading-state')).toBeNull();
  });
});
