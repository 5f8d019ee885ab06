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
}

/** POST /check-in/scan answer. */
export interface CheckInScanResult {
  scanId: string;
  registration: CheckInPerson;
  /** The person was already checked in before this scan (a second scan, nothing counted). */
  alreadyCheckedIn: boolean;
  /** This scan id had been received before (an offline replay): the answer is the first one's. */
  replayed: boolean;
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
  at: string;
}

/** GET /certificates/:code: what a certificate of attendance states, and nothing more. */
export interface CertificateVerification {
  valid: true;
  name: string;
  dialogue: { title: string; startsAt: string; endsAt: string; timeZone: string };
}
