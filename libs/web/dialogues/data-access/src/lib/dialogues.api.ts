import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AgendaItemRequest,
  AgendaItemView,
  AgendaView,
  CreateDialogueRequest,
  CreateSpaceRequest,
  Dialogue,
  DialogueStats,
  InformalSession,
  ListDialoguesRequest,
  Page,
  SendPreview,
  SendResult,
  Space,
  Theme,
  TimelineEntry,
  UpdateAgendaItemRequest,
  UpdateDialogueRequest,
  UpdateSpaceRequest,
} from '@gfmd/contracts';
import { EMPTY, type Observable, expand, map, reduce } from 'rxjs';
import { agendaIcsUrl } from './agenda-ics-url.util';

function params(query: object): HttpParams {
  let result = new HttpParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') {
      result = result.set(key, String(value));
    }
  }
  return result;
}

/** HTTP edge of the dialogues domain: themes, informal sessions, dialogues, spaces, agenda. */
@Injectable({ providedIn: 'root' })
export class DialoguesApi {
  private readonly http = inject(HttpClient);
  private readonly base = '/api/v1';

  themes(): Observable<Theme[]> {
    return this.http.get<Theme[]>(`${this.base}/themes`);
  }

  informalSessions(): Observable<InformalSession[]> {
    return this.http.get<InformalSession[]>(`${this.base}/informal-sessions`);
  }

  /** Every dialogue the caller may see, following the pages. */
  dialogues(query: Omit<ListDialoguesRequest, 'page' | 'pageSize'> = {}): Observable<Dialogue[]> {
    const pageSize = 100;
    const fetch = (page: number): Observable<Page<Dialogue>> =>
      this.http.get<Page<Dialogue>>(`${this.base}/dialogues`, {
        params: params({ ...query, page, pageSize } satisfies ListDialoguesRequest),
      });
    return fetch(1).pipe(
      expand((body, index) => (body.page * body.pageSize < body.total && index < 20 ? fetch(body.page + 1) : EMPTY)),
      reduce<Page<Dialogue>, Dialogue[]>((all, body) => [...all, ...body.items], []),
    );
  }

  dialogue(id: string): Observable<Dialogue> {
    return this.http.get<Dialogue>(`${this.base}/dialogues/${encodeURIComponent(id)}`);
  }

  createDialogue(input: CreateDialogueRequest): Observable<Dialogue> {
    return this.http.post<Dialogue>(`${this.base}/dialogues`, input);
  }

  updateDialogue(id: string, input: UpdateDialogueRequest): Observable<Dialogue> {
    return this.http.patch<Dialogue>(`${this.base}/dialogues/${encodeURIComponent(id)}`, input);
  }

  publish(id: string): Observable<Dialogue> {
    return this.http.post<Dialogue>(`${this.base}/dialogues/${encodeURIComponent(id)}/publish`, {});
  }

  closeRegistration(id: string): Observable<Dialogue> {
    return this.http.post<Dialogue>(`${this.base}/dialogues/${encodeURIComponent(id)}/close-registration`, {});
  }

  cancel(id: string): Observable<Dialogue> {
    return this.http.post<Dialogue>(`${this.base}/dialogues/${encodeURIComponent(id)}/cancel`, {});
  }

  stats(id: string): Observable<DialogueStats> {
    return this.http.get<DialogueStats>(`${this.base}/dialogues/${encodeURIComponent(id)}/stats`);
  }

  timeline(): Observable<TimelineEntry[]> {
    return this.http.get<TimelineEntry[]>(`${this.base}/timeline`);
  }

  spaces(dialogueId: string): Observable<Space[]> {
    return this.http.get<Space[]>(`${this.base}/dialogues/${encodeURIComponent(dialogueId)}/spaces`);
  }

  createSpace(dialogueId: string, input: CreateSpaceRequest): Observable<Space> {
    return this.http.post<Space>(`${this.base}/dialogues/${encodeURIComponent(dialogueId)}/spaces`, input);
  }

  updateSpace(id: string, input: UpdateSpaceRequest): Observable<Space> {
    return this.http.patch<Space>(`${this.base}/spaces/${encodeURIComponent(id)}`, input);
  }

  /** The items of the dialogue's agenda view (or of one space's). */
  agenda(dialogueId: string, spaceId?: string): Observable<AgendaItemView[]> {
    return this.agendaView(dialogueId, spaceId).pipe(map((view) => view.items));
  }

  agendaView(dialogueId: string, spaceId?: string): Observable<AgendaView> {
    return this.http.get<AgendaView>(`${this.base}/dialogues/${encodeURIComponent(dialogueId)}/agenda`, {
      params: params({ spaceId }),
    });
  }

  createAgendaItem(dialogueId: string, input: AgendaItemRequest): Observable<AgendaItemView> {
    return this.http.post<AgendaItemView>(
      `${this.base}/dialogues/${encodeURIComponent(dialogueId)}/agenda-items`,
      input,
    );
  }

  updateAgendaItem(id: string, input: UpdateAgendaItemRequest): Observable<AgendaItemView> {
    return this.http.patch<AgendaItemView>(`${this.base}/agenda-items/${encodeURIComponent(id)}`, input);
  }

  deleteAgendaItem(id: string): Observable<void> {
    return this.http.delete<void>(`${this.base}/agenda-items/${encodeURIComponent(id)}`);
  }

  sendAgenda(dialogueId: string): Observable<SendResult> {
    return this.http.post<SendResult>(`${this.base}/dialogues/${encodeURIComponent(dialogueId)}/agenda/send`, {});
  }

  /** Who `sendAgenda` would email, without sending (`?dryRun=true`). */
  previewAgendaSend(dialogueId: string): Observable<SendPreview> {
    return this.http.post<SendPreview>(
      `${this.base}/dialogues/${encodeURIComponent(dialogueId)}/agenda/send?dryRun=true`,
      {},
    );
  }

  /** Public calendar file of a dialogue's agenda. */
  agendaIcsUrl(dialogueId: string): string {
    return agendaIcsUrl(dialogueId);
  }
}
