import { TestBed } from '@angular/core/testing';
import { I18n } from '@gfmd/web-shared-util-i18n';
import { ProblemAlertComponent } from './problem-alert.component';

describe(ProblemAlertComponent.name, () => {
  it('announces a translated headline, the detail and unmatched field errors', async () => {
    TestBed.configureTestingModule({ imports: [ProblemAlertComponent] });
    await TestBed.inject(I18n).use('fr');
    const fixture = TestBed.createComponent(ProblemAlertComponent);
    fixture.componentRef.setInput('problem', {
      type: 'about:blank',
      title: 'Conflict',
      status: 409,
      detail: 'Overlap with Opening',
    });
    fixture.componentRef.setInput('unmatched', ['speakers: duplicate']);
    await fixture.whenStable();
    const sut = fixture.nativeElement as HTMLElement;

    const alert = sut.querySelector('[role=alert]');
    expect(alert?.textContent).toContain('Cela entre en conflit avec des informations existantes.');
    expect(alert?.textContent).toContain('Overlap with Opening');
    expect(alert?.querySelectorAll('li').length).toBe(1);
  });

  it('renders nothing without a problem', async () => {
    TestBed.configureTestingModule({ imports: [ProblemAlertComponent] });
    const fixture = TestBed.createComponent(ProblemAlertComponent);
    await fixture.whenStable();

    expect((fixture.nativeElement as HTMLElement).querySelector('[role=alert]')).toBeNull();
  });
});
