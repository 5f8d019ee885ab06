import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { leadTimeWording } from '@gfmd/contracts';
import { I18n } from '@gfmd/web-shared-util-i18n';

/** "21 days before the informal session" — or a warning when the dialogue comes too late. */
@Component({
  selector: 'gfmd-lead-time',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span [class]="cssClass()">{{ text() }}</span>`,
})
export class LeadTimeComponent {
  private readonly i18n = inject(I18n);

  readonly days = input.required<number | null | undefined>();

  private readonly wording = computed(() => leadTimeWording(this.days()));

  protected readonly text = computed(() => {
    const { case: which, count } = this.wording();
    return this.i18n.t(`lead.${which}`, count === undefined ? undefined : { count });
  });

  protected readonly cssClass = computed(() => (this.wording().warn ? 'gfmd-chip gfmd-chip--warn' : 'gfmd-chip'));
}
