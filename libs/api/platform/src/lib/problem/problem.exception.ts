import { HttpException } from '@nestjs/common';
import { english, type Message, type MessageKey, msg } from '../i18n/catalogue';
import { problemCatalogueEn } from './messages/problem-catalogue.en';
import { isProblemStatus } from './messages/problem-language';

export interface FieldError {
  field: string;
  message: string;
  /** the refused constraint (`maxLength`, `isEmailAddress`…): clients map it to their own words */
  code?: string;
}

/** A field error as thrown: its message may be a catalogue message, written in the reader's language. */
export interface FieldErrorInput {
  field: string;
  message: string | Message;
  code?: string;
}

/** The English title of a status (see the catalogues in ./messages). */
export function titleFor(status: number): string {
  return isProblemStatus(status) ? problemCatalogueEn.titles[status] : 'Error';
}

/**
 * An error that the problem+json filter writes as it is. `type` is a short slug that becomes
 * `https://gfmd-dialogues.org/problems/<slug>` so clients can branch on it. `detail` and the
 * field errors' messages are catalogue messages (`msg(key, params)`, written in the reader's
 * language) or, for domains not moved to the catalogue yet, English text.
 */
export class ProblemException extends HttpException {
  /** The field errors in English. */
  readonly errors?: FieldError[];
  /** The detail and field messages as given: what the filter translates. */
  readonly messages: { detail: Message | string; errors?: (Message | string)[] };

  constructor(
    status: number,
    readonly slug: string,
    detail: string | Message,
    errors?: FieldErrorInput[],
    readonly extra?: Record<string, unknown>,
  ) {
    super(english(detail), status);
    this.errors = errors?.map((e) => ({ ...e, message: english(e.message) }));
    this.messages = { detail, errors: errors?.map((e) => e.message) };
  }
}

/** What `notFound` names: each has its own sentence in every catalogue (`notFound.<what>`). */
export type NotFoundSubject = MessageKey extends infer K ? (K extends `notFound.${infer W}` ? W : never) : never;

export const badRequest = (detail: string | Message, errors?: FieldErrorInput[]) =>
  new ProblemException(400, 'invalid-input', detail, errors);
export const notFound = (what: NotFoundSubject) =>
  new ProblemException(404, 'not-found', { key: `notFound.${what}` as MessageKey });
export const forbidden = (detail: string | Message = msg('platform.forbidden')) =>
  new ProblemException(403, 'forbidden', detail);
export const conflict = (slug: string, detail: string | Message, extra?: Record<string, unknown>) =>
  new ProblemException(409, slug, detail, undefined, extra);
export const domainRule = (slug: string, detail: string | Message, errors?: FieldErrorInput[]) =>
  new ProblemException(422, slug, detail, errors);
