import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import type { AgendaItem, Space } from '@gfmd/contracts';
import { type AgendaGrid, type GridGrouping, hhmm } from '@gfmd/web-agenda-util';
import { I18n, TranslatePipe } from '@gfmd/web-shared-util-i18n';

/** A slot of the grid was pressed: a new item in that column, starting then. */
export interface AgendaGridSlot {
  columnKey: string;
  startMinutes: number;
}

/** One day of an agenda laid out as a grid (see buildAgendaGrid): items to edit, empty slots to fill. */
@Component({
  selector: 'gfmd-agenda-grid',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './agenda-grid.component.scss',
  templateUrl: './agenda-grid.component.html',
})
export class AgendaGridComponent {
  private readonly i18n = inject(I18n);

  readonly grid = input.required<AgendaGrid>();
  readonly grouping = input.required<GridGrouping>();
  readonly spaces = input.required<readonly Space[]>();
  /** items in conflict with another one */
  readonly clashingIds = input.required<ReadonlySet<string>>();
  readonly selectedId = input<string>();

  readonly itemSelected = output<AgendaItem>();
  readonly slotSelected = output<AgendaGridSlot>();

  protected readonly hhmm = hhmm;
  private readonly spacesById = computed(() => new Map(this.spaces().map((s) => [s.id, s])));

  /** Space and room, read after the visible time and title of an item in the grid. */
  protected itemContext(item: AgendaItem): string {
    const space = item.spaceId ? this.spacesById().get(item.spaceId)?.name : this.i18n.t('agenda.forEveryone');
    return [space, item.room].filter(Boolean).join(', ');
  }
}
