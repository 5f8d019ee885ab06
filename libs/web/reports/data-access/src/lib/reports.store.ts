import { Injectable, inject, signal } from '@angular/core';
import type { BalanceReport, BalanceReportQuery, ParticipationHistory, ProblemDetails } from '@gfmd/contracts';
import { toProblem } from '@gfmd/web-shared-util-http';
import { firstValueFrom } from 'rxjs';
import { ReportsApi } from './reports.api';

/** The file name of a Content-Disposition header (`filename="…"`), or null. */
export function csvFileName(disposition: string | null | undefined): string | null {
  const match = /filename="?([^";]+)"?/i.exec(disposition ?? '');
  return match ? match[1] : null;
}

/**
 * A process's reports page: the balance for the chosen filters, its CSV, and a person's
 * participation history. Provide it in the page.
 */
@Injectable()
export class ReportsStore {
  private readonly api = inject(ReportsApi);
  private generation = 0;

  readonly balance = signal<BalanceReport | null>(null);
  readonly loading = signal(false);
  readonly problem = signal<ProblemDetails | null>(null);
  readonly history = signal<ParticipationHistory | null>(null);
  readonly historyLoading = signal(false);
  readonly historyProblem = signal<ProblemDetails | null>(null);

  async load(processId: string, query: BalanceReportQuery): Promise<void> {
    const mine = ++this.generation;
    this.loading.set(true);
    this.problem.set(null);
    try {
      const report = await firstValueFrom(this.api.balance(processId, query));
      if (mine === this.generation) this.balance.set(report);
    } catch (error) {
      if (mine === this.generation) this.problem.set(toProblem(error));
    } finally {
      if (mine === this.generation) this.loading.set(false);
    }
  }

  async exportCsv(
    processId: string,
    query: BalanceReportQuery,
  ): Promise<{ blob: Blob; fileName: string } | ProblemDetails> {
    try {
      const res = await firstValueFrom(this.api.balanceCsv(processId, query));
      return {
        blob: res.body ?? new Blob([]),
        fileName: csvFileName(res.headers.get('content-disposition')) ?? `balance-${processId}.csv`,
      };
    } catch (error) {
      return toProblem(error);
    }
  }

  async searchHistory(email: string): Promise<void> {
    this.historyLoading.set(true);
    this.historyProblem.set(null);
    try {
      this.history.set(await firstValueFrom(this.api.history(email)));
    } catch (error) {
      this.history.set(null);
      this.historyProblem.set(toProblem(error));
    } finally {
      this.historyLoading.set(false);
    }
  }
}
