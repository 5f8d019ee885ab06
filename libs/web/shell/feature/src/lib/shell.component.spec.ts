import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { DeferBlockBehavior, DeferBlockState, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { I18n } from '@gfmd/web-shared-util-i18n';
import { ShellComponent } from './shell.component';

@Component({ selector: 'gfmd-page-a', changeDetection: ChangeDetectionStrategy.OnPush, template: '<h1>Page A</h1>' })
class PageA {}

@Component({
  selector: 'gfmd-page-b',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '<h1>Page B</h1><input aria-label="x" />',
})
class PageB {}

describe(ShellComponent.name, () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [ShellComponent],
      providers: [
        provideRouter([
          { path: 'a', component: PageA },
          { path: 'b', component: PageB },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
  });

  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('renders a skip link, landmarks and the public navigation', async () => {
    const fixture = TestBed.createComponent(ShellComponent);
    await fixture.whenStable();
    const sut = fixture.nativeElement as HTMLElement;

    expect(sut.querySelector('a.skip-link')?.textContent).toContain('Skip to main content');
    expect(sut.querySelector('header')).not.toBeNull();
    expect(sut.querySelector('main#main')).not.toBeNull();
    expect(sut.querySelector('footer')).not.toBeNull();
    const wideNav = sut.querySelector('nav.nav-wide');
    expect(wideNav?.getAttribute('aria-label')).toBe('Main');
    expect(wideNav?.textContent).toContain('Dialogues');
    expect(wideNav?.textContent).not.toContain('Console');
  });

  it('follows a language switch', async () => {
    const fixture = TestBed.createComponent(ShellComponent);
    await fixture.whenStable();

    await TestBed.inject(I18n).use('es');
    await fixture.whenStable();

    const sut = fixture.nativeElement as HTMLElement;
    expect(sut.querySelector('nav.nav-wide')?.textContent).toContain('Diálogos');
  });

  it('opens the language menu pressed before the menus were loaded, once they are', async () => {
    TestBed.configureTestingModule({ deferBlockBehavior: DeferBlockBehavior.Manual });
    const fixture = TestBed.createComponent(ShellComponent);
    document.body.appendChild(fixture.nativeElement);
    await fixture.whenStable();
    const blocks = await fixture.getDeferBlocks();
    for (const block of blocks) await block.render(DeferBlockState.Placeholder);
    const sut = fixture.nativeElement as HTMLElement;
    const standIn = [...sut.querySelectorAll<HTMLButtonElement>('button.shell-button')].find((b) =>
      /Language/.test(b.textContent ?? ''),
    );
    expect(standIn).toBeDefined();
    standIn?.click();
    expect(document.querySelector('[role="menuitemradio"]')).toBeNull(); // not loaded yet
    for (const block of blocks) await block.render(DeferBlockState.Complete);
    await fixture.whenStable();
    await fixture.whenStable();
    expect([...document.querySelectorAll('[role="menuitemradio"]')].map((i) => i.textContent?.trim())).toEqual([
      'English',
      'Français',
      'Español',
      'العربية',
    ]);
    fixture.nativeElement.remove();
  });

  it('offers العربية: choosing it writes the page right to left (<html lang="ar" dir="rtl">)', async () => {
    TestBed.configureTestingModule({ deferBlockBehavior: DeferBlockBehavior.Manual });
    const fixture = TestBed.createComponent(ShellComponent);
    document.body.appendChild(fixture.nativeElement);
    await fixture.whenStable();
    const blocks = await fixture.getDeferBlocks();
    for (const block of blocks) await block.render(DeferBlockState.Complete);
    await fixture.whenStable();
    const sut = fixture.nativeElement as HTMLElement;
    [...sut.querySelectorAll<HTMLButtonElement>('button')].find((b) => /Language/.test(b.textContent ?? ''))?.click();
    await fixture.whenStable();
    const arabic = [...document.querySelectorAll<HTMLElement>('[role="menuitemradio"]')].find(
      (i) => i.textContent?.trim() === 'العربية',
    );
    expect(arabic?.getAttribute('lang')).toBe('ar');
    arabic?.click();
    // the Arabic dictionary loads on demand
    for (let i = 0; i < 50 && TestBed.inject(I18n).language() !== 'ar'; i++)
      await new Promise((r) => setTimeout(r, 20));
    await fixture.whenStable();
    expect(document.documentElement.lang).toBe('ar');
    expect(document.documentElement.dir).toBe('rtl');
    expect(sut.textContent).toContain('الجدول الزمني');
    await TestBed.inject(I18n).use('en');
    expect(document.documentElement.dir).toBe('ltr');
    fixture.nativeElement.remove();
  });

  it('hands the focus of a stand-in to its real button when the menus come in', async () => {
    TestBed.configureTestingModule({ deferBlockBehavior: DeferBlockBehavior.Manual });
    const fixture = TestBed.createComponent(ShellComponent);
    document.body.appendChild(fixture.nativeElement);
    await fixture.whenStable();
    const blocks = await fixture.getDeferBlocks();
    for (const block of blocks) await block.render(DeferBlockState.Placeholder);
    const sut = fixture.nativeElement as HTMLElement;
    const languageButton = () =>
      [...sut.querySelectorAll<HTMLButtonElement>('button.shell-button')].find((b) =>
        /Language/.test(b.textContent ?? ''),
      );
    const standIn = languageButton();
    standIn?.focus();
    expect(document.activeElement).toBe(standIn);

    for (const block of blocks) await block.render(DeferBlockState.Complete);
    await fixture.whenStable();
    await fixture.whenStable();

    const real = languageButton();
    expect(real).not.toBe(standIn);
    expect(real?.classList).toContain('mat-mdc-menu-trigger');
    expect(document.activeElement).toBe(real);
    fixture.nativeElement.remove();
  });

  it('moves focus to the new page heading when the page changes, not when only the query changes', async () => {
    const fixture = TestBed.createComponent(ShellComponent);
    document.body.appendChild(fixture.nativeElement);
    const router = TestBed.inject(Router);
    await router.navigateByUrl('/a');
    await fixture.whenStable();

    await router.navigateByUrl('/b');
    await fixture.whenStable();
    const heading = (fixture.nativeElement as HTMLElement).querySelector('h1');
    expect(heading?.textContent).toBe('Page B');
    expect(document.activeElement).toBe(heading);

    const input = (fixture.nativeElement as HTMLElement).querySelector('input');
    input?.focus();
    await router.navigateByUrl('/b?q=1');
    await fixture.whenStable();
    expect(document.activeElement).toBe(input);
    fixture.nativeElement.remove();
  });
});
