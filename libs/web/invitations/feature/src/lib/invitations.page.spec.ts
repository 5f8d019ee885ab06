import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { DialogueStore } from '@gfmd/web-dialogues-data-access';
import { DialogueFactory } from '@gfmd/web-shared-util-testing';
import { InvitationsPage } from './invitations.page';

const SEND = '/api/v1/dialogues/d1/invitations';
const CHECK = `${SEND}?dryRun=true`;
const SUMMARY = `${SEND}/summary`;
const NOTHING = { queued: 0, sending: 0, sent: 0, failed: 0, closed: 0, total: 0 };
const BATCH = {
  recipients: [
    { email: 'ana@example.org', name: 'Ana Pérez', stakeholderGroup: 'civil_society', preferredLanguage: 'es' },
    { email: 'kofi@example.org' },
  ],
  message: 'Welcome',
};

async function settle(fixture: ComponentFixture<InvitationsPage>): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve));
  await fixture.whenStable();
}

describe(InvitationsPage.name, () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<InvitationsPage>;
  let sut: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [InvitationsPage],
      providers: [DialogueStore, provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(DialogueStore).setDialogue(DialogueFactory.create({ id: 'd1' }));
    fixture = TestBed.createComponent(InvitationsPage);
    sut = fixture.nativeElement;
    await fixture.whenStable();
    flushList();
    flushSummary(NOTHING);
    await settle(fixture);
  });

  afterEach(() => http.verify());

  function flushList(): void {
    http.expectOne((r) => r.method === 'GET' && r.url === SEND).flush({ items: [], total: 0, page: 1, pageSize: 25 });
  }

  function flushSummary(summary: typeof NOTHING): void {
    http.expectOne((r) => r.method === 'GET' && r.url === SUMMARY).flush(summary);
  }

  async function write(index: number, text: string): Promise<void> {
    const el = sut.querySelectorAll('textarea')[index];
    el.value = text;
    el.dispatchEvent(new Event('input'));
    await settle(fixture);
  }

  function button(name: string): HTMLButtonElement | undefined {
    return Array.from(sut.querySelectorAll('button')).find((b) => b.textContent?.trim() === name);
  }

  async function click(name: string): Promise<void> {
    const b = button(name);
    if (!b) throw new Error(`no button ${name}`);
    b.click();
    await settle(fixture);
  }

  async function check(preview: object): Promise<void> {
    await write(0, 'ana@example.org, Ana Pérez, civil_society, es\nkofi@example.org\nnot-an-email');
    await write(1, ' Welcome ');
    await click('Check recipients');
    const req = http.expectOne(CHECK);
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual(BATCH);
    req.flush(preview);
    await settle(fixture);
  }

  it('counts who would be emailed first, then sends exactly the batch that was counted', async () => {
    await check({ wouldSend: 1, skipped: { alreadyInvited: 1, duplicateInRequest: 0 } });

    expect(sut.querySelector('p.gfmd-alert[role=status]')?.textContent?.trim()).toBe(
      'This will email 1 person. Skipped: 1 already invited.',
    );
    http.expectNone((r) => r.url === SEND && r.method === 'POST');

    await click('Confirm and send');
    const req = http.expectOne(SEND);
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual(BATCH);
    req.flush({ queued: 1, skipped: 1 });
    await settle(fixture);
    flushList();
    flushSummary({ ...NOTHING, sent: 1, total: 1 });
    await settle(fixture);
    flushList(); // the delivery moved on: the rows are read again
    await settle(fixture);

    expect(sut.querySelector('.gfmd-alert--ok')?.textContent?.trim()).toBe(
      '1 queued for sending, 1 skipped (already invited).',
    );
    expect(sut.querySelectorAll('textarea')[0].value).toBe('');
    expect(button('Confirm and send')).toBeUndefined();
    expect(button('Check recipients')).toBeDefined();
  });

  it('cannot confirm a batch that would email nobody', async () => {
    await check({ wouldSend: 0, skipped: { alreadyInvited: 2 } });

    expect(sut.textContent).toContain('This will email nobody.');
    expect(button('Confirm and send')?.disabled).toBe(true);
  });

  it('drops the count when the batch changes, and on cancel', async () => {
    await check({ wouldSend: 2, skipped: {} });

    await write(1, 'Another note');
    expect(button('Confirm and send')).toBeUndefined();

    await click('Check recipients');
    http.expectOne(CHECK).flush({ wouldSend: 2, skipped: {} });
    await settle(fixture);
    await click('Cancel');
    expect(button('Confirm and send')).toBeUndefined();
    expect(button('Check recipients')).toBeDefined();
  });

  it('keeps the batch when sending fails, so it can be sent again', async () => {
    await check({ wouldSend: 2, skipped: {} });

    await click('Confirm and send');
    http
      .expectOne(SEND)
      .flush(
        { type: 'about:blank', title: 'Service unavailable', status: 503, detail: 'Try again shortly.' },
        { status: 503, statusText: 'Service Unavailable' },
      );
    await settle(fixture);

    expect(sut.textContent).toContain('Try again shortly.');
    expect(sut.querySelectorAll('textarea')[0].value).toContain('kofi@example.org');
    expect(button('Confirm and send')?.disabled).toBe(false);
  });

  it('follows delivery after a send: progress bar with its accessible label, counts, rows read again in place', async () => {
    await check({ wouldSend: 2, skipped: {} });
    await click('Confirm and send');
    http.expectOne(SEND).flush({ queued: 1000, skipped: 0 });
    await settle(fixture);
    flushList();
    flushSummary({ queued: 988, sending: 0, sent: 12, failed: 0, closed: 0, total: 1000 });
    await settle(fixture);
    http
      .expectOne((r) => r.method === 'GET' && r.url === SEND)
      .flush({
        items: [
          { id: 'i1', dialogueId: 'd1', email: 'ana@example.org', status: 'sent', sentAt: null, lastError: null },
        ],
        total: 1000,
        page: 1,
        pageSize: 25,
      });
    await settle(fixture);

    const bar = sut.querySelector('mat-progress-bar');
    expect(bar?.getAttribute('aria-label')).toBe('12 of 1,000 sent');
    expect(bar?.getAttribute('aria-valuenow')).toBe('1');
    expect(sut.querySelector('gfmd-delivery-progress ul')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'Queued 988 Sent 12 Failed 0',
    );
    expect(sut.textContent).toContain('Updating live');
    expect(sut.querySelector('tbody tr td')?.textContent).toBe('ana@example.org');
    // Nothing is announced while it runs (only the end is).
    expect(sut.querySelector('gfmd-delivery-progress [aria-live=polite]')?.textContent?.trim()).toBe('');
    fixture.destroy(); // the next read is due in 1 s: destroying the page cancels it
  });
});
