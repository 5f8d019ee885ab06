import { HttpClient, HttpParams, type HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { BalanceReport, BalanceReportQuery, ParticipationHistory } from '@gfmd/contracts';
import type { Observable } from 'rxjs';

const params = (query: BalanceReportQuery) => {
  let p = new HttpParams();
  for (const [key, value] of Object.entries(query)) if (value) p = p.set(key, value);
  return p;
};

/** Reports across a process (docs/reports.md): the HTTP edge. */
@Injectable({ providedIn: 'root' })
export class ReportsApi {
  private readonly http = inject(HttpClient);
  private readonly base = '/api/v1';

  balance(processId: string, query: BalanceReportQuery): Observable<BalanceReport> {
    return this.http.get<BalanceReport>(`${this.base}/processes/${encodeURIComponent(processId)}/reports/balance`, {
      params: params(query),
    });
  }

  /** The CSV export with its headers (Content-Disposition names the file). */
  balanceCsv(processId: string, query: BalanceReportQuery): Observable<HttpResponse<Blob>> {
    return this.http.get(`${this.base}/processes/${encodeURIComponent(processId)}/reports/balance.csv`, {
      params: params(query),
      responseType: 'blob',
      observe: 'response',
    });
  }

  history(email: string): Observable<ParticipationHistory> {
    return this.http.get<ParticipationHistory>(`${this.base}/people/history`, { params: { email } });
  }
}
