import { TestBed } from '@angular/core/testing';
import { I18n } from '@gfmd/web-shared-util-i18n';
import { DeliveryProgressComponent } from './delivery-progress.component';

describe(DeliveryProgressComponent.name, () => {
  async function render(inputs: Record<string, unknown>, language: 'en' | 'fr' = 'en') {
    await TestBed.inject(I18n).use(language);
    const fixture = TestBed.createComponent(DeliveryProgressComponent);
    for (const [k, v] of Object.entries(inputs)) fixture.componentRef.setInput(k, v);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }
  const live = (el: HTMLElement) => el.querySelector('[aria-live=polite]')?.textContent?.trim();

  it('shows a determinate bar labelled with what was sent, and announces nothing while delivery runs', async () => {
    const el = await render({
      summary: { queued: 500, sending: 10, sent: 480, failed: 10, closed: 0, total: 1000 },
      live: true,
    });

    const bar = el.querySelector('mat-progress-bar');
    expect(bar?.getAttribute('aria-label')).toBe('480 of 1,000 sent');
    expect(bar?.getAttribute('aria-valuenow')).toBe('49');
    expect(el.textContent).toContain('Sending 10');
    expect(live(el)).toBe('');
  });

  it('announces the end once it has finished, in the page language', async () => {
    const el = await render(
      { summary: { queued: 0, sending: 0, sent: 990, failed: 10, closed: 0, total: 1000 }, finished: true },
      'fr',
    );

    expect(live(el)).toBe('Envoi terminé : 990 envoyés, 10 en échec.');
    expect(el.querySelector('mat-progress-bar')?.getAttribute('aria-label')).toMatch(/^990 sur 1\s000 envoyés$/);
  });
});
