import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CheckInPerson,
  CheckInScanRequest,
  CheckInScanResult,
  CheckInUndoResult,
  Dialogue,
  DialogueAttendance,
  DoorDialogues,
  DoorStaff,
  Page,
  User,
} from '@gfmd/contracts';
import { firstValueFrom } from 'rxjs';

/** The door's calls: scans, undo, search by name, the live counts (POST /check-in/*, GET …/attendance). */
@Injectable({ providedIn: 'root' })
export class CheckInApi {
  private readonly http = inject(HttpClient);
  /** The last counts of each dialogue and their ETag: a poll that finds nothing new gets a 304 and no body. */
  private readonly lastCounts = new Map<string, { etag: string; body: DialogueAttendance }>();

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

  /** The live counts, read again with If-None-Match: unchanged counts come back as a 304 without a body. */
  async attendance(dialogueId: string): Promise<DialogueAttendance> {
    const last = this.lastCounts.get(dialogueId);
    try {
      const res = await firstValueFrom(
        this.http.get<DialogueAttendance>(`/api/v1/dialogues/${encodeURIComponent(dialogueId)}/attendance`, {
          observe: 'response',
          headers: last ? { 'If-None-Match': last.etag } : {},
        }),
      );
      const etag = res.headers.get('ETag');
      if (!res.body) throw new Error('attendance: empty answer');
      if (etag) this.lastCounts.set(dialogueId, { etag, body: res.body });
      return res.body;
    } catch (error) {
      if (last && error instanceof HttpErrorResponse && error.status === 304) return last.body;
      throw error;
    }
  }

  dialogue(id: string): Promise<Dialogue> {
    return firstValueFrom(this.http.get<Dialogue>(`/api/v1/dialogues/${encodeURIComponent(id)}`));
  }

  /** Published dialogues (what the door may work on), soonest first. */
  dialogues(): Promise<Page<Dialogue>> {
    return firstValueFrom(this.http.get<Page<Dialogue>>('/api/v1/dialogues', { params: { pageSize: 100 } }));
  }

  /** The dialogues this staff member may open at the door (a door user: those assigned to them). */
  doorDialogues(): Promise<DoorDialogues> {
    return firstValueFrom(this.http.get<DoorDialogues>('/api/v1/check-in/dialogues'));
  }

  /** The door users assigned to a dialogue (organizers). */
  doorStaff(dialogueId: string): Promise<DoorStaff> {
    return firstValueFrom(this.http.get<DoorStaff>(`/api/v1/dialogues/${encodeURIComponent(dialogueId)}/door-staff`));
  }

  /** Replaces the dialogue's door staff with these users (organizers). */
  saveDoorStaff(dialogueId: string, userIds: string[]): Promise<DoorStaff> {
    return firstValueFrom(
      this.http.put<DoorStaff>(`/api/v1/dialogues/${encodeURIComponent(dialogueId)}/door-staff`, { userIds }),
    );
  }

  /** The staff accounts with the door role (organizers pick door staff among them). */
  async doorUsers(): Promise<User[]> {
    const page = await firstValueFrom(this.http.get<Page<User>>('/api/v1/users', { params: { role: 'door' } }));
    return page.items;
  }
}
