import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { I18n } from '../../shared/util-i18n';
import { ShellComponent } from './shell.component';

describe(ShellComponent.name, () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [ShellComponent],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
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
});
