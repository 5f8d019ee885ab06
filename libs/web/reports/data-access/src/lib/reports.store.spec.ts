import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { csvFileName, ReportsStore } from './reports.store';

describe(ReportsStore.name, () => {
  let sut: ReportsStore;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [ReportsStore, provideHttpClient(), provideHttpClientTesting()] });
    sut = TestBed.inject(ReportsStore);
    http = TestBed.inject(HttpTestingController);
  });

  it('keeps the answer of the latest load only', async () => {
    const first = sut.load('p1', {});
    const second = sut.load('p1', { themeId: 't1' });
    const [a, b] = http.match((r) => r.url === '/api/v1/processes/p1/reports/balance');
    b.flush({ processId: 'p1', processTitle: 'second' });
    a.flush({ processId: 'p1', processTitle: 'first' });
    await Promise.all([first, second]);
    expect(sut.balance()?.processTitle).toBe('second');
    expect(sut.loading()).toBe(false);
  });

  it('names the CSV file from Content-Disposition', () => {
    expect(csvFileName('attachment; filename="balance-p1.csv"')).toBe('balance-p1.csv');
    expect(csvFileName(null)).toBeNull();
  });
});
