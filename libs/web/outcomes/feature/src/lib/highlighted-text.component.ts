import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { splitHighlight } from '@gfmd/web-outcomes-data-access';

/** A search hit's text with its matches in <mark>, rendered as text (never as HTML). */
@Component({
  selector: 'gfmd-highlighted-text',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    mark {
      background: #fff0a0;
      color: inherit;
    }
  `,
  // Each run in its own element: the whitespace between elements is dropped, the runs' own kept.
  template: `
    @for (part of parts(); track $index) {
      @if (part.mark) {
        <mark>{{ part.text }}</mark>
      } @else {
        <span>{{ part.text }}</span>
      }
    }
  `,
})
export class HighlightedTextComponent {
  /** the API's `highlight` (or the plain text when there is none) */
  readonly highlight = input<string | null | undefined>();
  readonly text = input('');
  protected readonly parts = computed(() => {
    const highlight = this.highlight();
    return highlight ? splitHighlight(highlight) : [{ text: this.text(), mark: false }];
  });
}
