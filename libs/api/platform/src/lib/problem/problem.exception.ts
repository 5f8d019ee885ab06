import { HttpException } from '@nestjs/common';

export interface FieldError {
  field: string;
  message: string;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function titleFor(status: number): string {
  return TITLES[status] ?? 'Error';
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
