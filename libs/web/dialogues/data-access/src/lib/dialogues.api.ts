import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AgendaItem,
  Dialogue,
  DialogueStats,
  DialogueStatus,
  InformalSession,
  Page,
  SendPreview,
  Space,
  Theme,
  TimelineEntry,
} from '@gfmd/contracts';
import { EMPTY, type Observable, expand, map, reduce } from 'rxjs';
import { itemsOf } from '@gfmd/web-shared-util-http';
import { agendaIcsUrl } from './agenda-ics-url.util';

export interface DialogueQuery {
  status?: DialogueStatus;
  informalSessionId?: string;
  themeId?: string;
}

/** Editable fields of a dialogue (POST/PATCH body). */
export type DialogueInput = Omit<
  Dialogue,
  'id' | 'status' | 'leadTimeDays' | 'schedulingWarnings' | 'confirmedCount' | 'createdAt' | 'updatedAt'
>;
export type SpaceInput = Omit<Space, 'id' | 'dialogueId' | 'confirmedCount'>;
export type AgendaItemInput = Omit<AgendaItem, 'id' | 'dialogueId' | 'sequence'>;

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
    return this.http.get<Theme[] | Page<Theme>>(`${this.base}/themes`).pipe(map(itemsOf));
  }

  informalSessions(): Observable<InformalSession[]> {
    return this.http
      .get<InformalSession[] | Page<InformalSession>>(`${this.base}/informal-sessions`)
      .pipe(map(itemsOf));
  }

  /** Every dialogue the caller may see, following the pages if the API paginates. */
  dialogues(query: DialogueQuery = {}): Observable<Dialogue[]> {
    const pageSize = 100;
    const fetch = (page: number): Observable<Dialogue[] | Page<Dialogue>> =>
      this.http.get<Dialogue[] | Page<Dialogue>>(`${this.base}/dialogues`, {
        params: params({ ...query, page, pageSize }),
      });
    return fetch(1).pipe(
      expand((body, index) =>
        !Array.isArray(body) && body.page * body.pageSize < body.total && index < 20 ? fetch(body.page + 1) : EMPTY,
      ),
      reduce<Dialogue[] | Page<Dialogue>, Dialogue[]>((all, body) => [...all, ...itemsOf(body)], []),
    );
  }

  dialogue(id: string): Observable<Dialogue> {
    return this.http.get<Dialogue>(`${this.base}/dialogues/${encodeURIComponent(id)}`);
  }

  createDialogue(input: DialogueInput): Observable<Dialogue> {
    return this.http.post<Dialogue>(`${this.base}/dialogues`, input);
  }

  updateDialogue(id: string, input: Partial<DialogueInput>): Observable<Dialogue> {
    return this.http.patch<Dialogue>(`${this.base}/dialogues/${encodeURIComponent(id)}`, input);
  }

  publish(id: string): Observable<Dialogue> {
    return this.http.post<Dialogue>(`${this.base}/dialogues/${encodeURIComponent(id)}/publish`, {});
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
    return this.http
      .get<Space[] | Page<Space>>(`${this.base}/dialogues/${encodeURIComponent(dialogueId)}/spaces`)
      .pipe(map(itemsOf));
  }

  createSpace(dialogueId: string, input: SpaceInput): Observable<Space> {
    return this.http.post<Space>(`${this.base}/dialogues/${encodeURIComponent(dialogueId)}/spaces`, input);
  }

  updateSpace(id: string, input: Partial<SpaceInput>): Observable<Space> {
    return this.http.patch<Space>(`${this.base}/spaces/${encodeURIComponent(id)}`, input);
  }

  agenda(dialogueId: string, spaceId?: string): Observable<AgendaItem[]> {
    return this.http
      .get<AgendaItem[] | Page<AgendaItem>>(`${this.base}/dialogues/${encodeURIComponent(dialogueId)}/agenda`, {
        params: params({ spaceId }),
      })
      .pipe(map(itemsOf));
  }

  createAgendaItem(dialogueId: string, input: AgendaItemInput): Observable<AgendaItem> {
    return this.http.post<AgendaItem>(`${this.base}/dialogues/${encodeURIComponent(dialogueId)}/agenda-items`, input);
  }

  updateAgendaItem(id: string, input: Partial<AgendaItemInput>): Observable<AgendaItem> {
    return this.http.patch<AgendaItem>(`${this.base}/agenda-items/${encodeURIComponent(id)}`, input);
  }

  deleteAgendaItem(id: string): Observable<void> {
    return this.http.delete<void>(`${this.base}/agenda-items/${encodeURIComponent(id)}`);
  }

  sendAgenda(dialogueId: string): Observable<unknown> {
    return this.http.post(`${this.base}/dialogues/${encodeURIComponent(dialogueId)}/agenda/send`, {});
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
