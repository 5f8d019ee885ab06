import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@gfmd/api-auth';
import type { Language, RegistrationStatus, StakeholderGroup } from '@gfmd/contracts';
import { assertCheckInAllowed } from './check-in.rule';
import { ManageLinks } from './manage-links';
import { RegistrationReadsRepository } from './registration-reads.repository';
import type { RegistrationRow } from './registration.rows';
import { RegistrationsRepository } from './registrations.repository';
import { StaffAccess } from './staff-access.service';

/** What the door, a badge and a certificate show of a registration. */
export interface CheckInCard {
  id: string;
  dialogueId: string;
  title: string | null;
  firstName: string;
  lastName: string;
  organization: string;
  country: string;
  stakeholderGroup: StakeholderGroup;
  preferredLanguage: Language;
  status: RegistrationStatus;
  checkedInAt: Date | null;
  spaces: { spaceId: string; name: string; status: RegistrationStatus }[];
}

export interface BadgeFilter {
  dialogueId: string;
  status?: RegistrationStatus;
  stakeholderGroup?: StakeholderGroup;
  spaceId?: string;
  /** Coordinators: only registrations with a seat request in one of these spaces. */
  onlySpaceIds?: string[];
}

/**
 * The port through which the check-in domain (libs/api/check-in) reads and checks in
 * registrations: it never touches the registrations tables itself. The reach and the check-in
 * rule are the ones of POST /registrations/:id/check-in (StaffAccess, assertCheckInAllowed).
 */
@Injectable()
export class CheckInPort {
  constructor(
    private readonly reads: RegistrationReadsRepository,
    private readonly writes: RegistrationsRepository,
    private readonly access: StaffAccess,
    private readonly links: ManageLinks,
  ) {}

  /** A registration's card; null when unknown or erased. */
  async card(id: string): Promise<CheckInCard | null> {
    const reg = await this.reads.byId(id);
    if (!reg || reg.erasedAt) return null;
    return (await this.cards([reg]))[0];
  }

  /** A dialogue's registrations whose id lies in [from, to], as cards (a desk code's candidates). */
  async cardsInIdRange(dialogueId: string, from: string, to: string): Promise<CheckInCard[]> {
    return this.cards(await this.reads.byIdRange(dialogueId, from, to));
  }

  /** The registration a manage token opens, as a card (null: unknown, revoked, erased). */
  async byManageToken(token: string): Promise<CheckInCard | null> {
    const reg = await this.links.resolve(token);
    return reg && !reg.erasedAt ? (await this.cards([reg]))[0] : null;
  }

  /**
   * The staff member's reach and the check-in rule: 404 when a coordinator does not reach the
   * registration, 422 `not-confirmed` when it may not be checked in (by them).
   */
  async assertCheckable(card: CheckInCard, user: AuthUser): Promise<void> {
    this.assertRule(card, await this.reach(card.id, user));
  }

  /**
   * 404 unless the staff member reaches the registration (coordinators: a seat request in their
   * spaces); answers their scope (undefined: everything), for `assertRule`.
   */
  async reach(id: string, user: AuthUser): Promise<string[] | undefined> {
    return (await this.access.target(id, user)).scope;
  }

  /** The check-in rule for a staff member of this scope (422 `not-confirmed`). */
  assertRule(card: CheckInCard, scope: string[] | undefined): void {
    assertCheckInAllowed(card, card.spaces, scope);
  }

  /** 404 unless the staff member reaches the registration. */
  async assertReach(id: string, user: AuthUser): Promise<void> {
    await this.access.target(id, user);
  }

  /** The spaces of a dialogue a staff member may see: undefined for all (404 unknown dialogue, 403 none). */
  scope(dialogueId: string, user: AuthUser): Promise<string[] | undefined> {
    return this.access.scope(dialogueId, user);
  }

  /** Checks in (in the caller's transaction); true when this call did it, false when already checked in. */
  markCheckedIn(id: string, at?: Date): Promise<boolean> {
    return this.writes.checkIn(id, at);
  }

  /** Undoes a check-in (in the caller's transaction); true when the person was checked in. */
  clearCheckIn(id: string): Promise<boolean> {
    return this.writes.clearCheckIn(id);
  }

  /** One keyset page of cards for badges, in arrival order. */
  async badgePage(
    filter: BadgeFilter,
    after: string | null,
    take: number,
  ): Promise<{ cards: CheckInCard[]; next: string | null }> {
    const rows = await this.reads.badgePage(filter, after, take);
    return { cards: await this.cards(rows), next: rows.length === take ? rows[rows.length - 1].arrival : null };
  }

  /** Registrations of a dialogue whose name, organization or email matches `q` (a coordinator: in their spaces). */
  async search(dialogueId: string, q: string, user: AuthUser, take = 20): Promise<CheckInCard[]> {
    const scope = await this.access.scope(dialogueId, user);
    return this.cards(await this.reads.search(dialogueId, q, scope, take));
  }

  /** Arrived and expected (confirmed) by stakeholder group and by space (a coordinator: their spaces). */
  async attendance(dialogueId: string, user: AuthUser) {
    const scope = await this.access.scope(dialogueId, user);
    return this.reads.attendance(dialogueId, scope);
  }

  private async cards(rows: RegistrationRow[]): Promise<CheckInCard[]> {
    const spaces = await this.reads.spacesOf(rows.map((r) => r.id));
    return rows.map((r) => ({
      id: r.id,
      dialogueId: r.dialogueId,
      title: r.title,
      firstName: r.firstName,
      lastName: r.lastName,
      organization: r.organization,
      country: r.country,
      stakeholderGroup: r.stakeholderGroup,
      preferredLanguage: r.preferredLanguage,
      status: r.status,
      checkedInAt: r.checkedInAt,
      spaces: (spaces.get(r.id) ?? []).map((s) => ({ spaceId: s.spaceId, name: s.name, status: s.status })),
    }));
  }
}
