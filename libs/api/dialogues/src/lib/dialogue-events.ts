import type { DomainEventItem } from '@gfmd/api-platform';
import type { WebhookEvent } from '@gfmd/contracts';
import type { DialogueRecord } from './dialogues.repository';

/** The webhook event a dialogue change is (docs/webhooks.md), or null: published, cancelled, or moved while public. */
export function dialogueEventOf(before: DialogueRecord, after: DialogueRecord): WebhookEvent | null {
  if (after.status === 'published' && before.status === 'draft') return 'dialogue.published';
  if (after.status === 'cancelled' && before.status !== 'cancelled') return 'dialogue.cancelled';
  const moved =
    before.startsAt.getTime() !== after.startsAt.getTime() || before.endsAt.getTime() !== after.endsAt.getTime();
  if (moved && after.firstPublishedAt && after.status !== 'cancelled') return 'dialogue.shifted';
  return null;
}

/** A dialogue's event payload: public fields only (a dialogue holds no personal data). */
export const dialogueEventData = (d: DialogueRecord, before: DialogueRecord): DomainEventItem => ({
  data: {
    dialogueId: d.id,
    informalSessionId: d.informalSessionId,
    title: d.title,
    status: d.status,
    format: d.format,
    startsAt: d.startsAt.toISOString(),
    endsAt: d.endsAt.toISOString(),
    timeZone: d.timeZone,
    ...(before.startsAt.getTime() !== d.startsAt.getTime() || before.endsAt.getTime() !== d.endsAt.getTime()
      ? { previousStartsAt: before.startsAt.toISOString(), previousEndsAt: before.endsAt.toISOString() }
      : {}),
  },
});
