import { Injectable } from '@nestjs/common';

/**
 * How the registration path guards seats. The defaults are the production behaviour; the
 * integration tests flip `locking` off (a test-only seam) to prove the race test bites.
 */
@Injectable()
export class RegistrationSettings {
  /** Take the dialogue and space row locks before reading the counts. Never false outside the control test. */
  locking = true;
  /**
   * How many concurrent registrations for the same dialogue one API process admits in one
   * transaction (one lock, one commit). 1 = each request in its own transaction. 500 rather than
   * 100: a rush of 500 then needs one or two transactions, not five queued on the lock, and the
   * API's CPU per registration falls with the batches' count (docs/performance.md, session 13).
   */
  maxBatch = 500;
  /** Batches of one dialogue in flight at once per process (one waits for the lock while another commits). */
  maxInFlight = 2;
  /** Test seam: a pause between reading the counts and writing, to widen the unguarded race. */
  unguardedDelayMs = 0;
}
