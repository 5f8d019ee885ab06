import { TestBed } from '@angular/core/testing';
import { buildAgendaGrid } from '@gfmd/web-agenda-util';
import { AgendaItemFactory, SpaceFactory } from '@gfmd/web-shared-util-testing';
import { type AgendaGridSlot, AgendaGridComponent } from './agenda-grid.component';

describe(AgendaGridComponent.name, () => {
  const biz = SpaceFactory.create({ id: 'biz', name: 'Business' });
  const item = AgendaItemFactory.create({
    id: 'a1',
    title: 'Business lunch',
    spaceId: 'biz',
    room: 'Room XIX',
    startsAt: '2017-04-20T10:00:00Z',
    endsAt: '2017-04-20T11:00:00Z',
  });

  async function render() {
    TestBed.configureTestingModule({ imports: [AgendaGridComponent] });
    const fixture = TestBed.createComponent(AgendaGridComponent);
    fixture.componentRef.setInput('grid', buildAgendaGrid([item], [biz], '2017-04-20', 'Europe/Zurich', 'space', true));
    fixture.componentRef.setInput('grouping', 'space');
    fixture.componentRef.setInput('spaces', [biz]);
    fixture.componentRef.setInput('clashingIds', new Set(['a1']));
    await fixture.whenStable();
    return fixture;
  }

  it('shows each item with its time, space and room, flagged when it clashes', async () => {
    const fixture = await render();
    const el = fixture.nativeElement as HTMLElement;

    const sut = el.querySelector('button.item');

    expect(sut?.textContent?.replace(/\s+/g, ' ').trim()).toBe('12:00–13:00 Business lunch, Business, Room XIXClash');
    expect(sut?.classList).toContain('item--clash');
  });

  it('tells which item or empty slot was pressed', async () => {
    const fixture = await render();
    const el = fixture.nativeElement as HTMLElement;
    const items: string[] = [];
    const slots: AgendaGridSlot[] = [];
    fixture.componentInstance.itemSelected.subscribe((i) => items.push(i.id));
    fixture.componentInstance.slotSelected.subscribe((s) => slots.push(s));

    el.querySelector<HTMLButtonElement>('button.item')?.click();
    el.querySelector<HTMLButtonElement>('button.slot')?.click();

    expect(items).toEqual(['a1']);
    expect(slots).toHaveLength(1);
    expect(slots[0].columnKey).toBe('');
  });

  it('keeps the title of a 30-minute item on the time line, cut short, with the full text as its tooltip', async () => {
    const short = AgendaItemFactory.create({
      id: 's1',
      title: 'A rather long title for a half-hour exchange',
      spaceId: 'biz',
      startsAt: '2017-04-20T12:00:00Z',
      endsAt: '2017-04-20T12:30:00Z',
    });
    TestBed.configureTestingModule({ imports: [AgendaGridComponent] });
    const fixture = TestBed.createComponent(AgendaGridComponent);
    fixture.componentRef.setInput(
      'grid',
      buildAgendaGrid([item, short], [biz], '2017-04-20', 'Europe/Zurich', 'space', true),
    );
    fixture.componentRef.setInput('grouping', 'space');
    fixture.componentRef.setInput('spaces', [biz]);
    fixture.componentRef.setInput('clashingIds', new Set<string>());
    await fixture.whenStable();
    const buttons = [...(fixture.nativeElement as HTMLElement).querySelectorAll<HTMLButtonElement>('button.item')];

    const sut = buttons.find((b) => b.textContent?.includes('half-hour'));

    expect(sut?.classList).toContain('item--short');
    expect(sut?.getAttribute('title')).toBe('14:00–14:30 A rather long title for a half-hour exchange');
    expect(sut?.querySelector('.item__title')?.textContent?.trim()).toBe(
      'A rather long title for a half-hour exchange',
    );
    expect(buttons.find((b) => b !== sut)?.classList).not.toContain('item--short');
  });
});
