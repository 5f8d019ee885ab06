import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { Dialogue, DialogueAvailability } from '@gfmd/contracts';
import { I18n } from '@gfmd/web-shared-util-i18n';

type AvailabilityFacts = Pick<
  Dialogue,
  'status' | 'registrationOpensAt' | 'registrationClosesAt' | 'capacity' | 'confirmedCount' | 'availability'
>;

/**
 * Whether registering now gets a place: the API's answer when it gave one, else worked out from
 * the status, the registration window and the counts (older answers, staff lists).
 */
export function dialogueAvailability(d: AvailabilityFacts, now = Date.now()): DialogueAvailability {
  if (d.availability) {
    return d.availability;
  }
  if (d.status === 'draft') {
    return 'not_yet_open';
  }
  if (d.status !== 'published') {
    return 'closed';
  }
  if (d.registrationOpensAt && now < Date.parse(d.registrationOpensAt)) {
    return 'not_yet_open';
  }
  if (d.registrationClosesAt && now >= Date.parse(d.registrationClosesAt)) {
    return 'closed';
  }
  return (d.confirmedCount ?? 0) >= d.capacity ? 'full' : 'open';
}

/** "12 places left" / "Full — join the waiting list" / "Registration closed" / "Registration opens on …". */
@Component({
  selector: 'gfmd-availability',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span [class]="cssClass()">{{ text() }}</span>`,
})
export class AvailabilityComponent {
  private readonly i18n = inject(I18n);

  readonly dialogue = input.required<AvailabilityFacts & Pick<Dialogue, 'placesLeft' | 'timeZone'>>();

  protected readonly availability = computed(() => dialogueAvailability(this.dialogue()));

  protected readonly text = computed(() => {
    const d = this.dialogue();
    switch (this.availability()) {
      case 'open':
        return this.i18n.t('availability.open', {
          count: d.placesLeft ?? Math.max(0, d.capacity - (d.confirmedCount ?? 0)),
        });
      case 'full':
        return this.i18n.t('availability.full');
      case 'not_yet_open':
        return d.registrationOpensAt
          ? this.i18n.t('availability.opensOn', {
              when: this.i18n.formatDate(d.registrationOpensAt, 'date', d.timeZone),
            })
          : this.i18n.t('availability.notYetOpen');
      default:
        return this.i18n.t('availability.closed');
    }
  });

  protected readonly cssClass = computed(() => {
    switch (this.availability()) {
      case 'open':
        return 'gfmd-chip gfmd-chip--ok';
      case 'full':
        return 'gfmd-chip gfmd-chip--warn';
      default:
        return 'gfmd-chip';
    }
  });
}
