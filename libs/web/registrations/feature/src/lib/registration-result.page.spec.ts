import { Location } from '@angular/common';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RegistrationResultPage } from './registration-result.page';

describe(RegistrationResultPage.name, () => {
  function render(registration: object | undefined, status?: string) {
    TestBed.configureTestingModule({
      imports: [RegistrationResultPage],
      providers: [provideRouter([]), { provide: Location, useValue: { getState: () => ({ registration }) } }],
    });
    const fixture = TestBed.createComponent(RegistrationResultPage);
    fixture.componentRef.setInput('id', 'd1');
    if (status) {
      fixture.componentRef.setInput('status', status);
    }
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  it('tells a waitlisted person their place on the waiting list', () => {
    const el = render({ status: 'waitlisted', email: 'a@example.org', spaces: [], waitlistPosition: 3 });
    expect(el.textContent).toContain('You are on the waiting list');
    expect(el.querySelector('.waitlist-position')?.textContent).toContain('You are number 3 on the waiting list.');
  });

  it('shows no position to a confirmed person, nor when the page was reloaded without it', () => {
    const confirmed = render({ status: 'confirmed', email: 'a@example.org', spaces: [], waitlistPosition: null });
    expect(confirmed.querySelector('.waitlist-position')).toBeNull();
    TestBed.resetTestingModule();
    expect(render(undefined, 'waitlisted').querySelector('.waitlist-position')).toBeNull();
  });
});
