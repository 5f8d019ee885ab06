import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
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

  protected readonly text = computed(() => {
    const days = this.days();
    if (days === null || days === undefined) {
      return this.i18n.t('lead.unknown');
    }
    if (days > 0) {
      return this.i18n.t('lead.before', { count: days });
    }
    if (days === 0) {
      return this.i18n.t('lead.sameDay');
    }
    return this.i18n.t('lead.after', { count: -days });
  });

  protected readonly cssClass = computed(() => {
    const days = this.days();
    return days !== null && days !== undefined && days <= 0 ? 'gfmd-chip gfmd-chip--warn' : 'gfmd-chip';
  });
}
