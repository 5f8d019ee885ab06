import { ATTENDANCE_MODES, type AttendanceMode } from '@gfmd/contracts';
import { type Message, msg } from '@gfmd/api-platform';
import type { DialogueRow } from './registration.rows';
import type { DialogueSeats } from './seat-rules.util';

/*
 * Attendance for hybrid dialogues (docs/questions.md, "Hybrid attendance"): each registration is
 * in person or online, each mode with its own seats and waiting list. A hybrid dialogue's
 * `capacity`/`confirmed_count` are its in-person seats; `online_capacity` (null: unlimited) and
 * `online_confirmed_count` its online ones. Other dialogues have one mode (attendance null),
 * counted as in person: nothing here costs them a query.
 */

/** No limit of its own: an online capacity left empty. */
const UNLIMITED = Number.MAX_SAFE_INTEGER;

/** The online seats of a hybrid dialogue as the seat rules count them (no group quotas online). */
export function onlineSeats(d: Pick<DialogueRow, 'onlineCapacity' | 'onlineConfirmedCount'>): DialogueSeats {
  return {
    capacity: d.onlineCapacity ?? UNLIMITED,
    confirmed: d.onlineConfirmedCount,
    quotas: null,
    groupConfirmed: {},
  };
}

/** The seat mode a registration counts in: online only for online registrations of a hybrid dialogue. */
export const seatModeOf = (r: { attendance?: AttendanceMode | null }): AttendanceMode =>
  r.attendance === 'online' ? 'online' : 'in_person';

/** The counter deltas (in person, online) of `n` seats in a mode, for SeatLedgerRepository.bumpCounts. */
export const seatDeltas = (mode: AttendanceMode, n: number): [number, number] => (mode === 'online' ? [0, n] : [n, 0]);

/**
 * The attendance stored for a new registration: the mode asked for in a hybrid dialogue (it is
 * required there), null elsewhere (where the format says it and the field is ignored).
 */
export function attendanceFor(
  d: Pick<DialogueRow, 'format'>,
  asked: unknown,
): { attendance: AttendanceMode | null } | { refusal: { slug: string; detail: Message; field: string } } {
  if (d.format !== 'hybrid') return { attendance: null };
  if (!(ATTENDANCE_MODES as readonly unknown[]).includes(asked))
    return {
      refusal: {
        slug: 'attendance-required',
        detail: msg('registrations.attendanceRequired'),
        field: 'attendance',
      },
    };
  return { attendance: asked as AttendanceMode };
}
