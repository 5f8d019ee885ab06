import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { Outcome } from '@gfmd/contracts';
import { OutcomeStore } from './outcome.store';

const URL = '/api/v1/dialogues/d1/outcome';

function outcome(patch: Partial<Outcome> = {}): Outcome {
  return {
    dialogueId: 'd1',
    summary: 'Summary',
    keyMessages: [],
    rapporteurUserIds: [],
    recommendations: [],
    status: 'draft',
    version: 1,
    ...patch,
  };
}

describe(OutcomeStore.name, () => {
  let http: HttpTestingController;
  let store: OutcomeStore;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [OutcomeStore, provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    store = TestBed.inject(OutcomeStore);
  });

  afterEach(() => http.verify());

  async function load(o: Outcome): Promise<void> {
    const done = store.load('d1');
    http.expectOne({ method: 'GET', url: URL }).flush(o);
    await new Promise((r) => setTimeout(r));
    if (o.status === 'submitted' || o.status === 'approved') {
      http.expectOne({ method: 'GET', url: `${URL}/diff` }).flush({
        from: 2,
        to: 3,
        fields: [],
        keyMessages: { added: [], removed: [] },
        recommendations: { added: [], removed: [], changed: [] },
      });
    }
    await done;
  }

  it('loads the working copy, and the diff only while under review', async () => {
    await load(outcome());
    expect(store.outcome()?.version).toBe(1);
    expect(store.diff()).toBeNull();

    await load(outcome({ status: 'submitted', version: 3 }));
    expect(store.diff()?.from).toBe(2);
  });

  it('saves with the version read and keeps the answer', async () => {
    await load(outcome());
    const saving = store.save({ summary: 'New', recommendations: [], version: 1 });
    const req = http.expectOne({ method: 'PUT', url: URL });
    expect(req.request.body).toEqual({ summary: 'New', recommendations: [], version: 1 });
    req.flush(outcome({ summary: 'New', version: 2 }));
    await expect(saving).resolves.toMatchObject({ kind: 'saved' });
    expect(store.outcome()?.version).toBe(2);
  });

  it('reports a stale version with the other copy and keeps its own state', async () => {
    await load(outcome());
    const saving = store.save({ summary: 'Mine', recommendations: [], version: 1 });
    http.expectOne({ method: 'PUT', url: URL }).flush(
      {
        type: 'https://gfmd.example/problems/stale-version',
        title: 'stale-version',
        status: 409,
        currentVersion: 4,
        current: outcome({ summary: 'Theirs', version: 4 }),
      },
      { status: 409, statusText: 'Conflict' },
    );
    const result = await saving;
    expect(result).toEqual({ kind: 'stale', currentVersion: 4, current: outcome({ summary: 'Theirs', version: 4 }) });
    expect(store.outcome()?.summary).toBe('Summary');
  });

  it('keeps the problem of a refused transition (own draft)', async () => {
    await load(outcome({ status: 'submitted', version: 3 }));
    const approving = store.transition('approve');
    http
      .expectOne({ method: 'POST', url: `${URL}/approve` })
      .flush(
        { type: 'about:blank', title: 'own-draft', status: 403, detail: 'You drafted this outcome.' },
        { status: 403, statusText: 'Forbidden' },
      );
    const problem = await approving;
    expect(problem?.detail).toBe('You drafted this outcome.');
    expect(store.problem()?.status).toBe(403);
  });

  it('returns with a comment and names rapporteurs at the current version', async () => {
    await load(outcome({ version: 5 }));
    const naming = store.setRapporteurs(['u2']);
    const patch = http.expectOne({ method: 'PATCH', url: URL });
    expect(patch.request.body).toEqual({ rapporteurUserIds: ['u2'], version: 5 });
    patch.flush(outcome({ version: 6, rapporteurUserIds: ['u2'] }));
    await expect(naming).resolves.toBeNull();

    const returning = store.returnForChanges('Shorter please');
    const post = http.expectOne({ method: 'POST', url: `${URL}/return` });
    expect(post.request.body).toEqual({ comment: 'Shorter please' });
    post.flush(outcome({ version: 7, status: 'returned', returnComment: 'Shorter please' }));
    await returning;
    expect(store.outcome()?.status).toBe('returned');
  });
});
