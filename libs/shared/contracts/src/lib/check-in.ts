import type { RegistrationStatus, StakeholderGroup } from './enums';

/** The person the door sees after a scan (nothing more than staff need to let them in). */
export interface CheckInPerson {
  id: string;
  dialogueId: string;
  name: string;
  organization: string;
  country: string;
  stakeholderGroup: StakeholderGroup;
  status: RegistrationStatus;
  checkedInAt: string | null;
  spaces: { spaceId: string; name: string; status: RegistrationStatus }[];
}

/** POST /check-in/scan (or /check-in/manual) body. */
export interface CheckInScanRequest {
  /** The signed check-in code read from the QR (scan) … */
  code?: string;
  /** … or the registration chosen by name (manual). */
  registrationId?: string;
  /** The dialogue the door checks in for: a code of another dialogue answers 422 `other-dialogue`. */
  dialogueId?: string;
  /** A UUID the device chose for this scan; sending it again (an offline replay) never counts twice. */
  scanId?: string;
  /** When the device scanned (offline scans); defaults to when the server received it. */
  scannedAt?: string;
  /** Room mode: the agenda item at whose door the scan was made … */
  agendaItemId?: string;
  /** … or the space (at most one of the two). */
  spaceId?: string;
}

/** A room a door can scan at: a space, or an agenda item (held in a space or for the whole dialogue). */
export interface CheckInRoom {
  kind: 'space' | 'agenda_item';
  id: string;
  name: string;
  /** The space whose people are expected there; null: everyone of the dialogue. */
  spaceId: string | null;
  startsAt: string | null;
}

/**
 * What a scan in room mode did there: `counted` (first time in), `again` (already scanned in
 * there: a warning, not counted twice), `not-registered` (no confirmed seat in the room's space:
 * a warning, not counted there).
 */
export type RoomOutcome = 'counted' | 'again' | 'not-registered';

/** POST /check-in/scan answer. */
export interface CheckInScanResult {
  scanId: string;
  registration: CheckInPerson;
  /** The person was already checked in before this scan (a second scan, nothing counted). */
  alreadyCheckedIn: boolean;
  /** This scan id had been received before (an offline replay): the answer is the first one's. */
  replayed: boolean;
  /** Room mode only: the room and what the scan did there. */
  room?: { kind: CheckInRoom['kind']; id: string; name: string; outcome: RoomOutcome };
}

/** POST /check-in/undo answer. */
export interface CheckInUndoResult {
  scanId: string;
  registration: CheckInPerson;
}

/** GET /dialogues/:id/attendance: confirmed (expected) and checked in (arrived). */
export interface AttendanceCounts {
  expected: number;
  arrived: number;
}
export interface DialogueAttendance extends AttendanceCounts {
  dialogueId: string;
  byGroup: Partial<Record<StakeholderGroup, AttendanceCounts>>;
  bySpace: (AttendanceCounts & { spaceId: string; name: string })[];
  /** Every room (spaces, then agenda items): scanned in at its door / expected there. */
  byRoom: (AttendanceCounts & CheckInRoom)[];
  at: string;
}

/** GET /certificates/:code: what a certificate of attendance states, and nothing more. */
export interface CertificateVerification {
  valid: true;
  name: string;
  dialogue: { title: string; startsAt: string; endsAt: string; timeZone: string };
}

/** GET|PUT /dialogues/:id/door-staff: the `door` users assigned to a dialogue (they scan for it alone). */
export interface DoorStaff {
  dialogueId: string;
  users: { id: string; name: string; email: string; active: boolean }[];
}

/** PUT /dialogues/:id/door-staff body: the whole list (active users with the `door` role). */
export interface DoorStaffRequest {
  userIds: string[];
}

/**
 * GET /check-in/dialogues: the dialogues this staff member may open at the door. `all` for
 * organizers and coordinators (any dialogue, as their reach allows); a door user: those assigned.
 */
export interface DoorDialogues {
  all: boolean;
  dialogueIds: string[];
}
