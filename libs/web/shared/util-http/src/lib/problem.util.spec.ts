import { HttpErrorResponse } from '@angular/common/http';
import { FormControl, FormGroup } from '@angular/forms';
import { applyProblemToForm, toProblem } from './problem.util';

describe(toProblem.name, () => {
  it('reads an application/problem+json body', () => {
    const error = new HttpErrorResponse({
      status: 409,
      error: { type: 'urn:duplicate', title: 'Conflict', status: 409, detail: 'Already registered', errors: [] },
    });

    const sut = toProblem(error);

    expect(sut).toEqual({
      type: 'urn:duplicate',
      title: 'Conflict',
      status: 409,
      detail: 'Already registered',
      errors: [],
    });
  });

  it('describes an unreachable server as status 0', () => {
    const sut = toProblem(new HttpErrorResponse({ status: 0, statusText: 'Unknown Error' }));

    expect(sut.status).toBe(0);
  });
});

describe(applyProblemToForm.name, () => {
  it('maps field errors onto controls and returns the rest', () => {
    const form = new FormGroup({
      email: new FormControl(''),
      speakers: new FormGroup({ 0: new FormGroup({ name: new FormControl('') }) }),
    });

    const unmatched = applyProblemToForm(form, {
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      errors: [
        { field: 'email', message: 'email must be an email' },
        { field: 'speakers.0.name', message: 'name is required' },
        { field: 'nope', message: 'unknown field' },
      ],
    });

    expect(form.controls.email.getError('server')).toBe('email must be an email');
    expect(form.get('speakers.0.name')?.getError('server')).toBe('name is required');
    expect(unmatched).toEqual(['nope: unknown field']);
  });
});
