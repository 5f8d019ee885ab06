import { Injectable } from '@nestjs/common';
import type { DialogueRecord } from '@gfmd/api-dialogues';
import { OutboxService, dialogueTemplateParams } from '@gfmd/api-mail';
import type { AfterCommit } from '@gfmd/api-platform';
import { randomUUID } from 'node:crypto';
import type { DelegationRow } from './delegations.repository';

/**
 * The focal point's email: the delegation, its seats, and the private link (named on the outbox
 * row, minted when the worker sends it: DelegationLinks). Written in the caller's transaction.
 */
@Injectable()
export class DelegationMailer {
  constructor(private readonly outbox: OutboxService) {}

  /** `first`: the email of a delegation's creation or new focal point (once per link round); else a resend. */
  async sendLink(
    afterCommit: AfterCommit,
    dialogue: Pick<DialogueRecord, 'id' | 'title' | 'startsAt' | 'endsAt' | 'timeZone' | 'venue'> &
      Partial<Pick<DialogueRecord, 'languages' | 'translations'>>,
    delegation: Pick<DelegationRow, 'id' | 'name' | 'focalPointEmail' | 'focalPointLanguage' | 'linkRound'>,
    seats: number,
    first = true,
  ): Promise<void> {
    const { onlineUrl: _online, ...when } = dialogueTemplateParams(
      { ...dialogue, onlineUrl: null },
      delegation.focalPointLanguage,
    );
    await this.outbox.write(afterCommit, [
      {
        kind: 'delegation',
        to: delegation.focalPointEmail,
        language: delegation.focalPointLanguage,
        idempotencyKey: `delegation:${delegation.id}:${delegation.linkRound}${first ? '' : `:${randomUUID()}`}`,
        links: 'delegation',
        dialogueId: dialogue.id,
        params: { ...when, linkId: delegation.id, delegationName: delegation.name, seats },
      },
    ]);
  }
}
