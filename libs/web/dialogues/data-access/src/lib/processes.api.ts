import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CreateInformalSessionRequest,
  CreateMilestoneRequest,
  CreatePhaseRequest,
  CreateProcessRequest,
  CreateThemeRequest,
  Dialogue,
  InformalSession,
  InformalSessionChange,
  Milestone,
  Phase,
  Process,
  ProcessTimeline,
  Theme,
  UpdateInformalSessionRequest,
  UpdateMilestoneRequest,
  UpdatePhaseRequest,
  UpdateProcessRequest,
  UpdateThemeRequest,
} from '@gfmd/contracts';
import type { Observable } from 'rxjs';

const id = (value: string) => encodeURIComponent(value);

/** HTTP edge of processes: their phases, milestones, themes and informal sessions, and dialogue shifts. */
@Injectable({ providedIn: 'root' })
export class ProcessesApi {
  private readonly http = inject(HttpClient);
  private readonly base = '/api/v1';

  processes(): Observable<Process[]> {
    return this.http.get<Process[]>(`${this.base}/processes`);
  }
  timeline(processId: string): Observable<ProcessTimeline> {
    return this.http.get<ProcessTimeline>(`${this.base}/processes/${id(processId)}/timeline`);
  }
  createProcess(input: CreateProcessRequest): Observable<Process> {
    return this.http.post<Process>(`${this.base}/processes`, input);
  }
  updateProcess(processId: string, input: UpdateProcessRequest): Observable<Process> {
    return this.http.patch<Process>(`${this.base}/processes/${id(processId)}`, input);
  }

  addPhase(processId: string, input: CreatePhaseRequest): Observable<Phase> {
    return this.http.post<Phase>(`${this.base}/processes/${id(processId)}/phases`, input);
  }
  updatePhase(phaseId: string, input: UpdatePhaseRequest): Observable<Phase> {
    return this.http.patch<Phase>(`${this.base}/phases/${id(phaseId)}`, input);
  }
  deletePhase(phaseId: string): Observable<void> {
    return this.http.delete<void>(`${this.base}/phases/${id(phaseId)}`);
  }

  addMilestone(processId: string, input: CreateMilestoneRequest): Observable<Milestone> {
    return this.http.post<Milestone>(`${this.base}/processes/${id(processId)}/milestones`, input);
  }
  updateMilestone(milestoneId: string, input: UpdateMilestoneRequest): Observable<Milestone> {
    return this.http.patch<Milestone>(`${this.base}/milestones/${id(milestoneId)}`, input);
  }
  deleteMilestone(milestoneId: string): Observable<void> {
    return this.http.delete<void>(`${this.base}/milestones/${id(milestoneId)}`);
  }

  createTheme(input: CreateThemeRequest): Observable<Theme> {
    return this.http.post<Theme>(`${this.base}/themes`, input);
  }
  updateTheme(themeId: string, input: UpdateThemeRequest): Observable<Theme> {
    return this.http.patch<Theme>(`${this.base}/themes/${id(themeId)}`, input);
  }

  createSession(processId: string, input: CreateInformalSessionRequest): Observable<InformalSession> {
    return this.http.post<InformalSession>(`${this.base}/processes/${id(processId)}/informal-sessions`, input);
  }
  updateSession(sessionId: string, input: UpdateInformalSessionRequest): Observable<InformalSessionChange> {
    return this.http.patch<InformalSessionChange>(`${this.base}/informal-sessions/${id(sessionId)}`, input);
  }

  shiftDialogue(dialogueId: string, byMinutes: number): Observable<Dialogue> {
    return this.http.post<Dialogue>(`${this.base}/dialogues/${id(dialogueId)}/shift`, { byMinutes });
  }
}
