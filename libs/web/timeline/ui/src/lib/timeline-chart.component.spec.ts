import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { I18n } from '@gfmd/web-shared-util-i18n';
import { DialogueFactory, SessionFactory } from '@gfmd/web-shared-util-testing';
import { TimelineChartComponent } from './timeline-chart.component';

describe(TimelineChartComponent.name, () => {
  it('draws an accessible chart and the same data as a table with links', async () => {
    TestBed.configureTestingModule({ imports: [TimelineChartComponent], providers: [provideRouter([])] });
    const fixture = TestBed.createComponent(TimelineChartComponent);
    fixture.componentRef.setInput('entries', [
      {
        session: SessionFactory.create({ number: 2, startsAt: '2017-06-20T08:00:00Z', endsAt: '2017-06-21T16:00:00Z' }),
        dialogues: [DialogueFactory.create({ id: 'd9', title: 'Drivers of migration', leadTimeDays: 12 })],
      },
    ]);
    fixture.componentRef.setInput('linkTo', 'console');
    await fixture.whenStable();
    const sut = fixture.nativeElement as HTMLElement;

    const svg = sut.querySelector('svg');
    expect(svg?.getAttribute('role')).toBe('img');
    expect(sut.querySelector('desc')?.textContent).toContain('1 informal session and 1 dialogue');
    expect(sut.querySelectorAll('rect.dialogue').length).toBe(1);
    expect(sut.querySelector('table a')?.getAttribute('href')).toBe('/console/dialogues/d9');
    expect(sut.querySelector('table')?.textContent).toContain('12 days before the informal session');
  });

  it('mirrors the chart in Arabic: time runs from the right', async () => {
    TestBed.configureTestingModule({ imports: [TimelineChartComponent], providers: [provideRouter([])] });
    const entries = [
      {
        session: SessionFactory.create({ number: 2, startsAt: '2017-06-20T08:00:00Z', endsAt: '2017-06-21T16:00:00Z' }),
        dialogues: [DialogueFactory.create({ id: 'd9', title: 'Drivers of migration', leadTimeDays: 12 })],
      },
    ];
    const draw = async () => {
      const fixture = TestBed.createComponent(TimelineChartComponent);
      fixture.componentRef.setInput('entries', entries);
      await fixture.whenStable();
      const el = fixture.nativeElement as HTMLElement;
      const x = (selector: string) => Number(el.querySelector(selector)?.getAttribute('x'));
      return { dialogue: x('rect.dialogue'), session: x('rect.session') };
    };
    const ltr = await draw();
    await TestBed.inject(I18n).use('ar');
    const rtl = await draw();
    await TestBed.inject(I18n).use('en');

    expect(ltr.dialogue).toBeLessThan(ltr.session);
    // the dialogue comes first in time: on the right of its session
    expect(rtl.dialogue).toBeGreaterThan(rtl.session);
  });
});
