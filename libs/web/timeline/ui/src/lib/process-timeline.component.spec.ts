import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ProcessTimeline } from '@gfmd/contracts';
import { I18n } from '@gfmd/web-shared-util-i18n';
import { DialogueFactory, SessionFactory } from '@gfmd/web-shared-util-testing';
import { ProcessTimelineComponent } from './process-timeline.component';
import { buildTimelineView } from './process-timeline.util';

function data(): ProcessTimeline {
  return {
    process: {
      id: 'p',
      slug: 'gcm-2027',
      code: 'GCM',
      title: 'GCM 2027',
      startsAt: '2027-01-01T00:00:00Z',
      endsAt: '2027-12-31T00:00:00Z',
    },
    phases: [
      {
        id: 'ph1',
        processId: 'p',
        kind: 'consultation',
        title: 'Consultation',
        startsAt: '2027-01-01T00:00:00Z',
        endsAt: '2027-07-01T00:00:00Z',
      },
    ],
    milestones: [
      {
        id: 'm1',
        processId: 'p',
        kind: 'stocktaking_meeting',
        title: 'Stocktaking',
        startsAt: '2027-06-04T09:00:00Z',
        endsAt: '2027-06-06T17:00:00Z',
        venue: 'Puerto Vallarta',
        timeZone: 'America/Mexico_City',
      },
    ],
    themes: [],
    sessions: [
      SessionFactory.create({
        id: 's3',
        number: 3,
        title: 'Labour',
        startsAt: '2027-05-26T07:00:00Z',
        endsAt: '2027-05-27T16:00:00Z',
        timeZone: 'Europe/Zurich',
      }),
    ],
    dialogues: [
      DialogueFactory.create({
        id: 'd1',
        title: 'Skills',
        informalSessionId: 's3',
        startsAt: '2027-05-12T07:00:00Z',
        endsAt: '2027-05-12T15:00:00Z',
        timeZone: 'Europe/Zurich',
        leadTimeDays: 14,
      }),
      DialogueFactory.create({
        id: 'd2',
        title: 'Recruitment',
        informalSessionId: 's3',
        startsAt: '2027-05-22T07:00:00Z',
        endsAt: '2027-05-22T15:00:00Z',
        timeZone: 'Europe/Zurich',
        leadTimeDays: 4,
      }),
    ],
  };
}

async function render(now = Date.parse('2028-01-01T00:00:00Z')) {
  TestBed.configureTestingModule({ imports: [ProcessTimelineComponent], providers: [provideRouter([])] });
  const fixture = TestBed.createComponent(ProcessTimelineComponent);
  fixture.componentRef.setInput('view', buildTimelineView(data()));
  fixture.componentRef.setInput('now', now);
  await fixture.whenStable();
  return { fixture, el: fixture.nativeElement as HTMLElement };
}

const names = (root: Element) =>
  Array.from(root.querySelectorAll('[data-tl-item]')).map((e) => e.getAttribute('aria-label'));

describe(ProcessTimelineComponent.name, () => {
  it('gives every item on the chart a full accessible name, in time order', async () => {
    const { el } = await render();
    expect(names(el.querySelector('.chart') as Element)).toEqual([
      'Phase: Consultation, 1 Jan 2027 – 30 Jun 2027',
      'Dialogue: Skills, 12 May 2027, 14 days before Informal session 3',
      'Dialogue: Recruitment, 22 May 2027, 4 days before Informal session 3. Warning: less than 7 days to carry its outcome into the session',
      'Informal session 3: Labour, 26 May 2027 – 27 May 2027, Geneva',
      'Milestone: Stocktaking, 4 Jun 2027 – 6 Jun 2027, Puerto Vallarta',
    ]);
    expect(el.querySelector('.chart a')?.getAttribute('href')).toBe('/dialogues/d1');
    // the list for phones carries the same items in the same order
    expect(names(el.querySelector('.list') as Element)).toEqual(names(el.querySelector('.chart') as Element).slice(1));
    expect(el.querySelector('.list h2')?.textContent).toContain('Consultation');
    // the phase's last day, not the next day's midnight its range ends at
    expect(el.querySelector('.list h2 small')?.textContent).toContain('1 Jan 2027 – 30 Jun 2027');
    expect(el.querySelector('.list h3')?.textContent).toContain('May 2027');
  });

  it('runs right to left in Arabic: items placed from the inline start, ArrowLeft goes forward in time', async () => {
    const { fixture, el } = await render();
    await TestBed.inject(I18n).use('ar');
    await fixture.whenStable();
    document.body.appendChild(el);
    const items = Array.from(el.querySelectorAll<HTMLElement>('.chart [data-tl-item]'));
    const placed = el.querySelector<HTMLElement>('.chart .item--phase');
    expect(placed?.getAttribute('style')).toContain('inset-inline-start');
    expect(placed?.getAttribute('style')).not.toMatch(/(^|[ ;])left:/);
    items[0].focus();
    items[0].dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true, cancelable: true }));
    expect(document.activeElement).toBe(items[1]);
    items[1].dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, cancelable: true }));
    expect(document.activeElement).toBe(items[0]);
    el.remove();
    await TestBed.inject(I18n).use('en');
  });

  it('moves the focus along time with the arrow keys, Home and End', async () => {
    const { el } = await render();
    document.body.appendChild(el);
    const items = Array.from(el.querySelectorAll<HTMLElement>('.chart [data-tl-item]'));
    const press = (key: string) =>
      (document.activeElement as HTMLElement).dispatchEvent(
        new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }),
      );
    items[0].focus();
    press('ArrowRight');
    expect(document.activeElement).toBe(items[1]);
    press('ArrowDown');
    expect(document.activeElement).toBe(items[2]);
    press('ArrowLeft');
    expect(document.activeElement).toBe(items[1]);
    press('End');
    expect(document.activeElement).toBe(items[4]);
    press('ArrowRight');
    expect(document.activeElement).toBe(items[4]);
    press('Home');
    expect(document.activeElement).toBe(items[0]);
    // every item is in the Tab order too
    expect(items.every((i) => i.tabIndex === 0)).toBe(true);
    el.remove();
  });

  it('offers "Today" while the process is under way; on a phone it focuses the next item of the list', async () => {
    const { el } = await render(Date.parse('2027-05-20T00:00:00Z'));
    document.body.appendChild(el);
    const today = Array.from(el.querySelectorAll('button')).find((b) => b.textContent?.trim() === 'Today');
    expect(el.querySelector('.today')).not.toBeNull();
    // jsdom lays nothing out, so the chart counts as hidden, as on a phone
    today?.click();
    expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^Dialogue: Recruitment, 22 May 2027/);
    el.remove();
  });

  it('zooms: a quarter is wider than the whole process, and the pressed button says so', async () => {
    const { fixture, el } = await render();
    const canvas = () => el.querySelector<HTMLElement>('.canvas');
    const processWidth = parseFloat(canvas()?.style.width ?? '0');
    const quarter = Array.from(el.querySelectorAll<HTMLButtonElement>('.toolbar__zoom button')).find((b) =>
      b.textContent?.includes('Quarter'),
    );
    quarter?.click();
    await fixture.whenStable();
    expect(parseFloat(canvas()?.style.width ?? '0')).toBeGreaterThan(processWidth * 3);
    expect(quarter?.getAttribute('aria-pressed')).toBe('true');
  });

  it('shows a real table sortable by date instead of the chart', async () => {
    const { fixture, el } = await render();
    const toggle = Array.from(el.querySelectorAll('button')).find((b) => b.textContent?.includes('Show as table'));
    toggle?.click();
    await fixture.whenStable();
    expect(toggle?.getAttribute('aria-pressed')).toBe('true');
    expect(el.querySelector('.chart')).toBeNull();
    const titles = () =>
      Array.from(el.querySelectorAll('tbody th')).map((th) => th.textContent?.trim().replace(/\s+/g, ' '));
    expect(titles()).toEqual(['Consultation', 'Skills', 'Recruitment', 'Informal session 3: Labour', 'Stocktaking']);
    const header = el.querySelector('thead th');
    expect(header?.getAttribute('aria-sort')).toBe('ascending');
    expect(el.querySelector('tbody')?.textContent).toContain('4 days before Informal session 3');
    expect(el.querySelector('tbody .gfmd-chip--warn')?.textContent).toContain('less than 7 days');
    header?.querySelector('button')?.click();
    await fixture.whenStable();
    expect(header?.getAttribute('aria-sort')).toBe('descending');
    expect(titles()[0]).toBe('Stocktaking');
  });
});
