import { HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import type { TranslationKey } from '@gfmd/web-shared-util-i18n';
import { constraintKey, localizeProblemBody, localizeProblemResponse, problemKey } from './problem-language.util';

const t = (key: TranslationKey) => `«${key}»`;
const body = {
  type: 'https://gfmd-dialogues.org/problems/invalid-input',
  title: 'Bad Request',
  status: 400,
  detail: 'The request has invalid or unknown fields.',
  errors: [
    { field: 'email', message: 'email must be an email address', code: 'isEmailAddress' },
    { field: 'x', message: 'x is odd', code: 'somethingNew' },
  ],
};

describe('problem-language.util', () => {
  it('maps constraint codes to the app dictionary, unknown ones to a generic message', () => {
    expect(constraintKey('isEmailAddress')).toBe('validation.email');
    expect(constraintKey('maxLength')).toBe('validation.maxLength');
    expect(constraintKey('notNull')).toBe('validation.required');
    expect(constraintKey('toString')).toBe('validation.invalid');
    expect(constraintKey(undefined)).toBe('validation.invalid');
  });

  it('maps known problem types, else the status', () => {
    expect(problemKey('https://gfmd-dialogues.org/problems/registration-closed', 422)).toBe(
      'dialogue.registrationClosed',
    );
    expect(problemKey('https://gfmd-dialogues.org/problems/invitation-used', 422)).toBe('problem.invitation-used');
    expect(problemKey('https://gfmd-dialogues.org/problems/space-declined', 422)).toBe('errors.rule');
    expect(problemKey('https://gfmd-dialogues.org/problems/invalid-input', 400)).toBe('errors.invalid');
    expect(problemKey('about:blank', 503)).toBe('errors.server');
    expect(problemKey(undefined, 418)).toBe('errors.generic');
  });

  it('puts a whole problem body in the app words', () => {
    expect(localizeProblemBody(body, t)).toEqual({
      ...body,
      title: '«errors.invalid»',
      detail: '«errors.invalid»',
      errors: [
        { field: 'email', message: '«validation.email»', code: 'isEmailAddress' },
        { field: 'x', message: '«validation.invalid»', code: 'somethingNew' },
      ],
    });
  });

  it('keeps an answer written in the page language and rewrites one in another', () => {
    const answer = (language: string) =>
      new HttpErrorResponse({ error: body, status: 400, headers: new HttpHeaders({ 'Content-Language': language }) });
    const french = answer('fr');
    expect(localizeProblemResponse(french, 'fr', t)).toBe(french);
    const english = localizeProblemResponse(answer('en'), 'fr', t);
    expect(english).toBeInstanceOf(HttpErrorResponse);
    expect((english as HttpErrorResponse).error).toMatchObject({ detail: '«errors.invalid»', status: 400 });
    const offline = new HttpErrorResponse({ status: 0, error: new ProgressEvent('error') });
    expect(localizeProblemResponse(offline, 'fr', t)).toBe(offline);
  });
});
