import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { ActivatedRoute, convertToParamMap, provideRouter } from '@angular/router';
import { SpaceMessagePage } from './space-message.page';

const SEND = '/api/v1/spaces/s1/messages';
const CHECK = `${SEND}?dryRun=true`;

async function settle(fixture: ComponentFixture<SpaceMessagePage>): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve));
  await fixture.whenStable();
}

describe(SpaceMessagePage.name, () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<SpaceMessagePage>;
  let sut: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [SpaceMessagePage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        {
          provide: ActivatedRoute,
          useValue: { parent: { snapshot: { paramMap: convertToParamMap({ spaceId: 's1' }) } } },
        },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(SpaceMessagePage);
    sut = fixture.nativeElement;
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  function textarea(): HTMLTextAreaElement {
    const el = sut.querySelector('textarea');
    if (!el) throw new Error('no textarea');
    return el;
  }

  async function write(text: string): Promise<void> {
    textarea().value = text;
    textarea().dispatchEvent(new Event('input'));
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

  function text(): string {
    return sut.textContent?.replace(/\s+/g, ' ') ?? '';
  }

  async function check(preview: object): Promise<void> {
    await write('  The room moves to Room XVIII.  ');
    await click('Check recipients');
    const req = http.expectOne(CHECK);
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({ message: 'The room moves to Room XVIII.' });
    req.flush(preview);
    await settle(fixture);
  }

  it('counts the recipients and shows the message before sending exactly that message', async () => {
    await check({ wouldSend: 3, skipped: { addressNotConfirmed: 1 }, remainingToday: 4 });

    expect(sut.querySelector('[role=status]')?.textContent?.trim()).toBe(
      'This will email 3 people. Skipped: 1 whose address is not confirmed yet (they have not opened their manage link). 4 messages left today for this space.',
    );
    expect(sut.querySelector('blockquote')?.textContent).toBe('The room moves to Room XVIII.');
    http.expectNone(SEND);

    await click('Confirm and send');
    const req = http.expectOne(SEND);
    expect(req.request.body).toEqual({ message: 'The room moves to Room XVIII.' });
    req.flush({ queued: 3, skipped: 1, skippedBy: { addressNotConfirmed: 1 } });
    await settle(fixture);

    expect(sut.querySelector('.gfmd-alert--ok')?.textContent?.trim()).toBe('Queued for 3 participants.');
    expect(textarea().value).toBe('');
    expect(button('Check recipients')).toBeDefined();
  });

  it('says so when nobody would receive it, and offers no way to send it', async () => {
    await check({ wouldSend: 0, skipped: { addressNotConfirmed: 2 }, remainingToday: 5 });

    expect(text()).toContain('This will email nobody.');
    expect(sut.querySelector('[role=alert]')?.textContent).toContain('Nobody would receive this message');
    expect(button('Confirm and send')).toBeUndefined();
    expect(sut.querySelector('.gfmd-alert--ok')).toBeNull();
  });

  it('does not offer to send when the space has no messages left today', async () => {
    await check({ wouldSend: 2, skipped: { addressNotConfirmed: 0 }, remainingToday: 0 });

    expect(button('Confirm and send')).toBeUndefined();
    expect(sut.querySelector('[role=status]')?.textContent).toContain('This space has no messages left today.');
  });

  it('is no success when the send reached nobody after all, and keeps the text', async () => {
    await check({ wouldSend: 1, skipped: {}, remainingToday: 5 });

    await click('Confirm and send');
    http.expectOne(SEND).flush({ queued: 0, skipped: 1, skippedBy: { addressNotConfirmed: 1 } });
    await settle(fixture);

    expect(sut.querySelector('.gfmd-alert--ok')).toBeNull();
    expect(sut.querySelector('.gfmd-alert--warn')?.textContent).toContain('Nothing was sent');
    expect(textarea().value).toBe('  The room moves to Room XVIII.  ');
  });

  it('keeps the text and the checked message when sending fails', async () => {
    await check({ wouldSend: 1, skipped: {}, remainingToday: 5 });

    await click('Confirm and send');
    http
      .expectOne(SEND)
      .flush(
        { type: 'about:blank', title: 'Too many messages', status: 429, detail: 'Try again tomorrow.' },
        { status: 429, statusText: 'Too Many Requests' },
      );
    await settle(fixture);

    expect(text()).toContain('Try again tomorrow.');
    expect(textarea().value).toBe('  The room moves to Room XVIII.  ');
    expect(button('Confirm and send')).toBeDefined();
  });

  it('asks for a new count once the text changes, and can be cancelled', async () => {
    await check({ wouldSend: 1, skipped: {}, remainingToday: 5 });

    await write('Another text');
    expect(button('Confirm and send')).toBeUndefined();
    expect(button('Check recipients')).toBeDefined();

    await click('Check recipients');
    http.expectOne(CHECK).flush({ wouldSend: 1, skipped: {}, remainingToday: 5 });
    await settle(fixture);
    await click('Cancel');
    expect(button('Confirm and send')).toBeUndefined();
    expect(textarea().value).toBe('Another text');
  });

  it('follows the delivery of the message sent: progress bar and counts, polling ended with the page', async () => {
    await check({ wouldSend: 3, skipped: {}, remainingToday: 4 });

    await click('Confirm and send');
    http.expectOne(SEND).flush({ messageId: 'm1', queued: 3, skipped: 0, skippedBy: { addressNotConfirmed: 0 } });
    await settle(fixture);
    http.expectOne(`${SEND}/m1/summary`).flush({ queued: 2, sending: 0, sent: 1, failed: 0, closed: 0, total: 3 });
    await settle(fixture);

    expect(sut.querySelector('mat-progress-bar')?.getAttribute('aria-label')).toBe('1 of 3 sent');
    expect(text()).toContain('Queued 2 Sent 1 Failed 0');
    expect(text()).toContain('Updating live');
    fixture.destroy(); // the next read was due in 1 s: destroying the page cancels it
  });
});
