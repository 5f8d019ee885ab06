import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { DialogueAttendance } from '@gfmd/contracts';
import { CheckInApi } from './check-in.api';

const COUNTS = { dialogueId: 'd1', expected: 2, arrived: 1, byGroup: {}, bySpace: [], byRoom: [], at: 'x' };

describe(CheckInApi.name, () => {
  it('polls the counts with If-None-Match and keeps the last answer on a 304', async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    const http = TestBed.inject(HttpTestingController);
    const sut = TestBed.inject(CheckInApi);

    const first = sut.attendance('d1');
    const req = http.expectOne('/api/v1/dialogues/d1/attendance');
    expect(req.request.headers.has('If-None-Match')).toBe(false);
    req.flush(COUNTS, { headers: { ETag: '"v1"' } });
    expect(await first).toEqual(COUNTS);

    const second = sut.attendance('d1');
    const again = http.expectOne('/api/v1/dialogues/d1/attendance');
    expect(again.request.headers.get('If-None-Match')).toBe('"v1"');
    again.flush(null, { status: 304, statusText: 'Not Modified', headers: { ETag: '"v1"' } });
    expect(await second).toEqual<DialogueAttendance>(COUNTS as DialogueAttendance);
    http.verify();
  });
});
