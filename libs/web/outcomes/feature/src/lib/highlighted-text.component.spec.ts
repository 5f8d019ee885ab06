import { TestBed } from '@angular/core/testing';
import { HighlightedTextComponent } from './highlighted-text.component';

describe(HighlightedTextComponent.name, () => {
  async function render(highlight: string | null, text = ''): Promise<HTMLElement> {
    const fixture = TestBed.createComponent(HighlightedTextComponent);
    fixture.componentRef.setInput('highlight', highlight);
    fixture.componentRef.setInput('text', text);
    await fixture.whenStable();
    return fixture.nativeElement;
  }

  it('marks the matches and keeps the text exactly', async () => {
    const el = await render('Protéger les <mark>travailleurs</mark> <mark>migrants</mark>.');
    expect(el.textContent).toBe('Protéger les travailleurs migrants.');
    expect([...el.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['travailleurs', 'migrants']);
  });

  it('never renders markup from the text', async () => {
    const el = await render('<img src=x onerror="alert(1)"> <mark><script>x()</script></mark>');
    expect(el.querySelector('img')).toBeNull();
    expect(el.querySelector('script')).toBeNull();
    expect(el.querySelector('mark')?.textContent).toBe('<script>x()</script>');
    expect(el.textContent).toContain('<img src=x onerror="alert(1)">');
  });

  it('shows the plain text when there is no highlight', async () => {
    const el = await render(null, 'Plain <b>text</b>');
    expect(el.textContent).toBe('Plain <b>text</b>');
    expect(el.querySelector('b, mark')).toBeNull();
  });
});
