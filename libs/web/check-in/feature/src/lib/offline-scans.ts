import type { CheckInScanRequest } from '@gfmd/contracts';

/** A scan made while the API could not be reached, kept on the device until it is sent. */
export interface PendingScan extends Required<Pick<CheckInScanRequest, 'scanId' | 'scannedAt' | 'dialogueId'>> {
  code?: string;
  registrationId?: string;
  agendaItemId?: string;
  spaceId?: string;
}

/** Where the queue is kept (window.localStorage in the app; a Map in specs). */
export interface ScanStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const KEY = 'gfmd.door.pendingScans';

/**
 * Offline scans, kept in localStorage so a reload or a dead battery does not lose them. Each has
 * the scan id the device chose, so sending it again (a replay after a timeout, another tab) is
 * answered as the first time and never counts twice (POST /check-in/scan is idempotent per scan id).
 */
export class OfflineScans {
  constructor(private readonly storage: ScanStorage) {}

  all(): PendingScan[] {
    try {
      const parsed: unknown = JSON.parse(this.storage.getItem(KEY) ?? '[]');
      return Array.isArray(parsed) ? (parsed as PendingScan[]).filter((s) => typeof s?.scanId === 'string') : [];
    } catch {
      return [];
    }
  }

  add(scan: PendingScan): void {
    const all = this.all().filter((s) => s.scanId !== scan.scanId);
    this.storage.setItem(KEY, JSON.stringify([...all, scan]));
  }

  remove(scanId: string): void {
    this.storage.setItem(KEY, JSON.stringify(this.all().filter((s) => s.scanId !== scanId)));
  }

  /**
   * Sends every pending scan in order; a scan leaves the queue once the API has answered it
   * (accepted or refused), and stays when the network is still down (`send` answers 'offline').
   * Answers how many were sent.
   */
  async replay(send: (scan: PendingScan) => Promise<'answered' | 'offline'>): Promise<number> {
    let sent = 0;
    for (const scan of this.all()) {
      if ((await send(scan)) === 'offline') break;
      this.remove(scan.scanId);
      sent++;
    }
    return sent;
  }
}
