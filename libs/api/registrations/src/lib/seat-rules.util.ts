import type { RegistrationStatus, SpaceAccess, StakeholderGroup, StakeholderQuotas } from '@gfmd/contracts';
import { type Message, msg } from '@gfmd/api-platform';

/**
 * The seat rules (docs/http-contract.md, "Seats") as pure functions, so they can be unit tested and applied to a
 * whole batch of candidates under one dialogue lock. The caller holds the locks and persists.
 */

/** The dialogue's seats as read under its row lock; `groupConfirmed` counts non-invited seats. */
export interface DialogueSeats {
  capacity: number;
  confirmed: number;
  quotas: StakeholderQuotas | null;
  groupConfirmed: Partial<Record<StakeholderGroup, number>>;
}

export interface SpaceSeats {
  id: string;
  capacity: number | null;
  confirmed: number;
  access: SpaceAccess;
  allowedGroups: StakeholderGroup[] | null;
  coordinatingGroup: StakeholderGroup | null;
}

export interface SeatCandidate {
  stakeholderGroup: StakeholderGroup;
  /** Holds a valid invitation: skips approval and the group quota, never capacity. */
  invited: boolean;
}

/** Whether a candidate fits in the dialogue now (capacity, then the group quota unless invited). */
export function fitsDialogue(seats: DialogueSeats, c: SeatCandidate): boolean {
  if (seats.confirmed >= seats.capacity) return false;
  if (c.invited) return true;
  const quota = seats.quotas?.[c.stakeholderGroup];
  return quota === undefined || quota === null || (seats.groupConfirmed[c.stakeholderGroup] ?? 0) < quota;
}

/** Takes a dialogue seat (mutates the counts). */
export function takeDialogueSeat(seats: DialogueSeats, c: SeatCandidate): void {
  seats.confirmed++;
  if (!c.invited) seats.groupConfirmed[c.stakeholderGroup] = (seats.groupConfirmed[c.stakeholderGroup] ?? 0) + 1;
}

/** Frees a dialogue seat (mutates the counts). */
export function freeDialogueSeat(seats: DialogueSeats, c: SeatCandidate): void {
  seats.confirmed = Math.max(0, seats.confirmed - 1);
  if (!c.invited)
    seats.groupConfirmed[c.stakeholderGroup] = Math.max(0, (seats.groupConfirmed[c.stakeholderGroup] ?? 0) - 1);
}

/**
 * The outcome of a new registration at dialogue level: pending when the dialogue needs
 * approval (unless invited), else confirmed when it fits, else waitlisted. Mutates the counts.
 */
export function admitToDialogue(
  seats: DialogueSeats,
  c: SeatCandidate,
  approvalRequired: boolean,
): 'pending' | 'confirmed' | 'waitlisted' {
  if (approvalRequired && !c.invited) return 'pending';
  if (!fitsDialogue(seats, c)) return 'waitlisted';
  takeDialogueSeat(seats, c);
  return 'confirmed';
}

/** Groups allowed in a group_only space: its allowedGroups, else its coordinating group; none means anyone. */
export function allowedGroupsOf(space: Pick<SpaceSeats, 'allowedGroups' | 'coordinatingGroup'>): StakeholderGroup[] {
  if (space.allowedGroups?.length) return space.allowedGroups;
  return space.coordinatingGroup ? [space.coordinatingGroup] : [];
}

/**
 * Why a person may not ask for a seat in a space, or null when they may. An invitation lets its
 * holder into the invitation_only spaces it names (all of them when it names none).
 */
export function spaceRefusal(
  space: Pick<SpaceSeats, 'id' | 'access' | 'allowedGroups' | 'coordinatingGroup'>,
  group: StakeholderGroup,
  invitation: { spaceIds: string[] } | null,
): Message | null {
  if (space.access === 'invitation_only') {
    if (!invitation) return msg('registrations.spaceInvitedOnly');
    if (invitation.spaceIds.length && !invitation.spaceIds.includes(space.id)) {
      return msg('registrations.spaceNotInInvitation');
    }
  }
  if (space.access === 'group_only') {
    const allowed = allowedGroupsOf(space);
    if (allowed.length && !allowed.includes(group))
      return msg('registrations.spaceGroupsOnly', { groups: allowed.join(', ') });
  }
  return null;
}

/**
 * The outcome of a space seat request once the registration holds a dialogue seat: pending in an
 * approval space (unless invited or approved by staff), else confirmed when the space has room,
 * else waitlisted. Mutates the space count.
 */
export function admitToSpace(
  space: SpaceSeats,
  opts: { invited: boolean; approved?: boolean },
): 'pending' | 'confirmed' | 'waitlisted' {
  if (space.access === 'approval' && !opts.invited && !opts.approved) return 'pending';
  if (space.capacity !== null && space.confirmed >= space.capacity) return 'waitlisted';
  space.confirmed++;
  return 'confirmed';
}

/** Statuses that hold or wait for a seat (one per address and dialogue). */
export const ACTIVE_STATUSES: RegistrationStatus[] = ['pending', 'confirmed', 'waitlisted'];

/** Whether a registration window admits registrations at `now`. */
export function windowRefusal(
  d: { status: string; registrationOpensAt: Date | null; registrationClosesAt: Date | null },
  now: Date,
): { slug: string; detail: Message } | null {
  if (d.status === 'cancelled') return { slug: 'dialogue-cancelled', detail: msg('registrations.dialogueCancelled') };
  if (d.status === 'draft') return { slug: 'registration-not-open', detail: msg('registrations.notOpen') };
  if (d.status !== 'published') return { slug: 'registration-closed', detail: msg('registrations.closed') };
  if (d.registrationOpensAt && now < d.registrationOpensAt) {
    return {
      slug: 'registration-not-open',
      detail: msg('registrations.opensAt', { at: d.registrationOpensAt.toISOString() }),
    };
  }
  if (d.registrationClosesAt && now >= d.registrationClosesAt) {
    return {
      slug: 'registration-closed',
      detail: msg('registrations.closedAt', { at: d.registrationClosesAt.toISOString() }),
    };
  }
  return null;
}
