import { HttpErrorResponse } from '@angular/common/http';
import { FormControl, FormGroup, Validators } from '@angular/forms';
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

  it('begin lets a valid form through and stops an invalid one, its fields touched and the first invalid one focused', () => {
    const sut = submitState();
    sut.done.set('Saved');
    const form = new FormGroup({
      name: new FormControl('', Validators.required),
      capacity: new FormControl<number | null>(null, Validators.min(1)),
    });
    const root = document.createElement('form');
    root.innerHTML = '<input id="name" class="ng-invalid" /><input id="capacity" class="ng-valid" />';
    document.body.append(root);

    const stopped = sut.begin(form, root);
    form.controls.name.setValue('Plenary');
    const passed = sut.begin(form, root);

    expect(stopped).toBe(false);
    expect(form.controls.name.touched).toBe(true);
    expect(document.activeElement?.id).toBe('name');
    expect(sut.done()).toBe('');
    expect(passed).toBe(true);
    root.remove();
  });
});
