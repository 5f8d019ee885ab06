import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** Shown when a list has nothing to show; project an action (e.g. "clear filters") inside. */
@Component({
  selector: 'gfmd-empty-state',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="gfmd-state gfmd-state--empty" role="status">
      <p>{{ message() }}</p>
      <ng-content />
    </div>
  `,
})
export class EmptyStateComponent {
  readonly message = input.required<string>();
}
