import { TestBed } from '@angular/core/testing';
import { I18n } from '@gfmd/web-shared-util-i18n';
import { PaginatedTableComponent } from './paginated-table.component';

describe(PaginatedTableComponent.name, () => {
  async function render(inputs: Record<string, unknown>, language: 'en' | 'fr' = 'en') {
    await TestBed.inject(I18n).use(language);
    const fixture = TestBed.createComponent(PaginatedTableComponent);
    for (const [k, v] of Object.entries({ pageIndex: 0, pageSize: 50, label: 'Pages', ...inputs }))
      fixture.componentRef.setInput(k, v);
    await fixture.whenStable();
    fixture.detectChanges();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }
  const range = (el: HTMLElement) => el.querySelector('.mat-mdc-paginator-range-label')?.textContent?.trim();

  it('gives an exact total as it is', async () => {
    const { el } = await render({ total: 840 });
    expect(range(el)).toBe('1–50 of 840');
  });

  it('says "about" when the server estimated the total, and stops when it no longer does', async () => {
    const { el, fixture } = await render({ total: 120000, totalIsEstimate: true });
    expect(range(el)).toBe('1–50 of about 120,000');
    fixture.componentRef.setInput('totalIsEstimate', false);
    fixture.componentRef.setInput('total', 900);
    await fixture.whenStable();
    fixture.detectChanges();
    expect(range(el)).toBe('1–50 of 900');
  });

  it('in the page language', async () => {
    const { el } = await render({ total: 5000, totalIsEstimate: true }, 'fr');
    expect(range(el)).toMatch(/^1–50 sur environ 5\s000$/);
  });
});
