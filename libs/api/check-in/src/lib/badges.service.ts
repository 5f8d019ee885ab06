import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@gfmd/api-auth';
import { LANGUAGES, type Language } from '@gfmd/contracts';
import { DialoguesService } from '@gfmd/api-dialogues';
import { forbidden, notFound, msg } from '@gfmd/api-platform';
import { DelegationRoles } from '@gfmd/api-delegations';
import { CheckInPort, type BadgeFilter } from '@gfmd/api-registrations';
import type { Readable } from 'node:stream';
import { BadgeSheet, BADGES_PER_PAGE } from './badge-sheet';
import { delegateLine, dialogueDates } from './badge-words';
import { CheckInCodes } from './check-in-codes.service';
import type { BadgeLayout, BadgesQuery } from './check-in.dto';

/** Never drawn: codesFor gives every card of the page its codes. */
const NO_CODES = { checkInCode: '', deskCode: '' };
/** Registrations read per query while a batch is written (keyset pages: memory stays flat). */
const PAGE = 200;

/**
 * Badge PDFs: one registration's, or a dialogue's (confirmed by default; a status, group or space
 * filter), streamed as the pages fill. Coordinators get only the registrations of their spaces.
 */
@Injectable()
export class BadgesService {
  constructor(
    private readonly port: CheckInPort,
    private readonly codes: CheckInCodes,
    private readonly dialogues: DialoguesService,
    private readonly delegations: DelegationRoles,
  ) {}

  async one(registrationId: string, layout: BadgeLayout, user: AuthUser): Promise<{ stream: Readable; name: string }> {
    const card = await this.port.card(registrationId);
    if (!card) throw notFound('Registration');
    await this.port.assertReach(card.id, user);
    const sheet = await this.sheet(card.dialogueId, layout);
    const roles = await this.delegations.of([card.id]);
    const codes = await this.codes.codesOf(card.id, card.dialogueId);
    sheet.add(card, codes, delegateLine(roles.get(card.id), card.preferredLanguage));
    sheet.end();
    return { stream: sheet.doc, name: `badge-${card.lastName}` };
  }

  async batch(dialogueId: string, query: BadgesQuery, user: AuthUser): Promise<{ stream: Readable; name: string }> {
    const scope = await this.port.scope(dialogueId, user);
    if (scope && query.spaceId && !scope.includes(query.spaceId)) throw forbidden(msg('agenda.notCoordinator'));
    const filter: BadgeFilter = {
      dialogueId,
      status: query.status ?? 'confirmed',
      stakeholderGroup: query.stakeholderGroup,
      spaceId: query.spaceId,
      onlySpaceIds: scope,
    };
    const layout = query.layout ?? 'a4';
    const sheet = await this.sheet(dialogueId, layout);
    void this.fill(sheet, filter);
    return { stream: sheet.doc, name: 'badges' };
  }

  /** Writes every page, one keyset page of registrations at a time; an error ends the stream with it. */
  private async fill(sheet: BadgeSheet, filter: BadgeFilter): Promise<void> {
    try {
      let after: string | null = null;
      do {
        const { cards, next }: Awaited<ReturnType<CheckInPort['badgePage']>> = await this.port.badgePage(
          filter,
          after,
          PAGE,
        );
        const [codes, roles] = await Promise.all([
          this.codes.codesFor(cards),
          this.delegations.of(cards.map((c) => c.id)),
        ]);
        for (const card of cards)
          sheet.add(card, codes.get(card.id) ?? NO_CODES, delegateLine(roles.get(card.id), card.preferredLanguage));
        after = next;
        // Let the consumer drain what is written before the next page of registrations.
        await new Promise((resolve) => setImmediate(resolve));
      } while (after !== null);
      sheet.end();
    } catch (error) {
      sheet.doc.destroy(error instanceof Error ? error : new Error('badges failed'));
    }
  }

  private async sheet(dialogueId: string, layout: BadgeLayout): Promise<BadgeSheet> {
    const d = await this.dialogues.findRecord(dialogueId);
    // Dates in the first of the dialogue's languages that the date labels are written in.
    const language = d.languages.find((l): l is Language => (LANGUAGES as readonly string[]).includes(l)) ?? 'en';
    return BadgeSheet.create(layout, {
      title: d.title,
      dates: dialogueDates(d.startsAt, d.endsAt, d.timeZone, language),
    });
  }
}

export { BADGES_PER_PAGE };
