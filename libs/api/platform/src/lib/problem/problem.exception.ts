import { HttpException } from '@nestjs/common';
import { problemCatalogueEn } from './messages/problem-catalogue.en';
import { isProblemStatus } from './messages/problem-language';

export interface FieldError {
  field: string;
  message: string;
  /** the refused constraint (`maxLength`, `isEmailAddress`…): clients map it to their own words */
  code?: string;
}

/** The English title of a status (see the catalogues in ./messages). */
export function titleFor(status: number): string {
  return isProblemStatus(status) ? problemCatalogueEn.titles[status] : 'Error';
}

/**
 * An error that the problem+json filter writes as it is. `type` is a short slug that becomes
 * `https://gfmd-dialogues.org/problems/<slug>` so clients can branch on it.
 */
export class ProblemException extends HttpException {
  constructor(
    status: number,
    readonly slug: string,
    detail: string,
    readonly errors?: FieldError[],
    readonly extra?: Record<string, unknown>,
  ) {
    super(detail, status);
  }
}

export const badRequest = (detail: string, errors?: FieldError[]) =>
  new ProblemException(400, 'invalid-input', detail, errors);
export const notFound = (what: string) => new ProblemException(404, 'not-found', `${what} not found.`);
export const forbidden = (detail = 'You may not do this.') => new ProblemException(403, 'forbidden', detail);
export const conflict = (slug: string, detail: string, extra?: Record<string, unknown>) =>
  new ProblemException(409, slug, detail, undefined, extra);
export const domainRule = (slug: string, detail: string, errors?: FieldError[]) =>
  new ProblemException(422, slug, detail, errors);
