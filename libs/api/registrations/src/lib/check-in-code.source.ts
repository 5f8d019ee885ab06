/**
 * Where the manage view gets a registration's signed check-in code from (the check-in domain
 * provides it, globally; without it the manage view simply has no code). Kept abstract so the
 * registrations domain does not depend on the check-in domain.
 */
export abstract class CheckInCodeSource {
  /** Its current QR code and desk code (`XXXX-XXXX`, to type at the door when the QR cannot be read). */
  abstract codesOf(registrationId: string, dialogueId: string): Promise<{ checkInCode: string; deskCode: string }>;
}
