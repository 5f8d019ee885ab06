import { TestBed } from '@angular/core/testing';
import { CiteBoxComponent } from './cite-box.component';

describe(CiteBoxComponent.name, () => {
  const CITE = 'GFMD (2026). Protect migrant workers. GFMD-GCM-T3-D12-R04. https://example.org/r/GFMD-GCM-T3-D12-R04';
  let writeText: jest.Mock;

  beforeEach(() => {
    writeText = jest.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
  });

  async function render(): Promise<{ el: HTMLElement; settle: () => Promise<void> }> {
    const fixture = TestBed.createComponent(CiteBoxComponent);
    fixture.componentRef.setInput('cite', CITE);
    await fixture.whenStable();
    return {
      el: fixture.nativeElement,
      settle: async () => {
        await new Promise((r) => setTimeout(r));
        await fixture.whenStable();
      },
    };
  }

  it('shows the citation and copies it, saying so in a live region', async () => {
    const { el, settle } = await render();
    expect(el.querySelector('h2')?.textContent).toContain('Cite this');
    expect(el.textContent).toContain(CITE);
    el.querySelector('button')?.click();
    await settle();
    expect(writeText).toHaveBeenCalledWith(CITE);
    expect(el.querySelector('[role=status]')?.textContent).toContain('Citation copied');
  });

  it('gives each box its own heading id, and names what it cites on the button when asked', async () => {
    const make = () => {
      const f = TestBed.createComponent(CiteBoxComponent);
      f.componentRef.setInput('cite', CITE);
      f.componentRef.setInput('level', 3);
      f.componentRef.setInput('label', 'GFMD-GCM-T3-D12-R04');
      return f;
    };
    const [a, b] = [make(), make()];
    await a.whenStable();
    await b.whenStable();
    const [ha, hb] = [a, b].map((f) => (f.nativeElement as HTMLElement).querySelector('h3'));
    expect(ha?.id).toBeTruthy();
    expect(ha?.id).not.toBe(hb?.id);
    expect((a.nativeElement as HTMLElement).querySelector('button')?.getAttribute('aria-label')).toBe(
      'Copy the citation of GFMD-GCM-T3-D12-R04',
    );
  });

  it('says when the copy failed', async () => {
    writeText.mockRejectedValue(new Error('denied'));
    const { el, settle } = await render();
    el.querySelector('button')?.click();
    await settle();
    expect(el.querySelector('[role=status]')?.textContent).toContain('Could not copy');
  });
});
