import { HttpErrorResponse } from '@angular/common/http';
import { submitState } from './submit-state.util';

describe(submitState.name, () => {
  it('is submitting while the action runs, and returns its value', async () => {
    const sut = submitState();
    let seen = false;

    const outcome = await sut.run(async () => {
      seen = sut.submitting();
      return 42;
    });

    expect(seen).toBe(true);
    expect(sut.submitting()).toBe(false);
    expect(outcome).toEqual({ ok: true, value: 42 });
    expect(sut.problem()).toBeNull();
  });

  it('keeps a failure as the problem instead of throwing', async () => {
    const sut = submitState();
    const error = new HttpErrorResponse({
      status: 409,
      error: { type: 'about:blank', title: 'Conflict', status: 409, detail: 'Taken' },
    });

    const outcome = await sut.run(() => Promise.reject(error));

    expect(outcome.ok).toBe(false);
    expect(sut.problem()).toEqual(expect.objectContaining({ status: 409, detail: 'Taken' }));
    expect(sut.submitting()).toBe(false);
  });

  it('reset clears the problem and the confirmation', async () => {
    const sut = submitState();
    await sut.run(() => Promise.reject(new Error('boom')));
    sut.done.set('Saved');

    sut.reset();

    expect(sut.problem()).toBeNull();
    expect(sut.done()).toBe('');
  });
});
