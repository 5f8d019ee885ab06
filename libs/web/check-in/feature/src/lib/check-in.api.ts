import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CheckInPerson,
  CheckInScanRequest,
  CheckInScanResult,
  CheckInUndoResult,
  Dialogue,
  DialogueAttendance,
  Page,
} from '@gfmd/contracts';
import { firstValueFrom } from 'rxjs';

/** The door's calls: scans, undo, search by name, the live counts (POST /check-in/*, GET …/attendance). */
@Injectable({ providedIn: 'root' })
export class CheckInApi {
  private readonly http = inject(HttpClient);

  scan(body: CheckInScanRequest): Promise<CheckInScanResult> {
    const path = body.code ? 'scan' : 'manual';
    return firstValueFrom(this.http.post<CheckInScanResult>(`/api/v1/check-in/${path}`, body));
  }

  undo(scanId: string): Promise<CheckInUndoResult> {
    return firstValueFrom(this.http.post<CheckInUndoResult>('/api/v1/check-in/undo', { scanId }));
  }

  search(dialogueId: string, q: string): Promise<{ items: CheckInPerson[] }> {
    return firstValueFrom(
      this.http.get<{ items: CheckInPerson[] }>(`/api/v1/dialogues/${encodeURIComponent(dialogueId)}/check-in/search`, {
        params: { q },
      }),
    );
  }

  attendance(dialogueId: string): Promise<DialogueAttendance> {
    return firstValueFrom(
      this.http.get<DialogueAttendance>(`/api/v1/dialogues/${encodeURIComponent(dialogueId)}/attendance`),
    );
  }

  dialogue(id: string): Promise<Dialogue> {
    return firstValueFrom(this.http.get<Dialogue>(`/api/v1/dialogues/${encodeURIComponent(id)}`));
  }

  /** Published dialogues (what the door may work on), soonest first. */
  dialogues(): Promise<Page<Dialogue>> {
    return firstValueFrom(this.http.get<Page<Dialogue>>('/api/v1/dialogues', { params: { pageSize: 100 } }));
  }
}
