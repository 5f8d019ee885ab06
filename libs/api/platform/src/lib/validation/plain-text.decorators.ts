import { applyDecorators } from '@nestjs/common';
import { IsString, MaxLength, registerDecorator, type ValidationOptions } from 'class-validator';

/*
 * One set of characters refused in text, everywhere: C0 controls (tab allowed; line feed and
 * carriage return only in multi-line text), DEL, C1 controls, the bidirectional embeddings,
 * overrides and isolates (U+202A–U+202E, U+2066–U+2069: they make "moc.live" read as
 * "evil.com"), and in one-line text the Unicode line and paragraph separators.
 */
// eslint-disable-next-line no-control-regex
const ONE_LINE_FORBIDDEN = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex
const MULTILINE_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
/** A surrogate not paired: the text is not Unicode (it would be mangled on the way to the database or the email). */
const LONE_SURROGATE = /\p{Cs}/u;

/** True when a string holds characters refused in text (see above); tabs are always allowed. */
export const hasControlChars = (s: string, multiline = false) =>
  (multiline ? MULTILINE_FORBIDDEN : ONE_LINE_FORBIDDEN).test(s) || LONE_SURROGATE.test(s);

/** True when a string is well-formed UTF-16 (no lone surrogate). */
export const isWellFormedText = (s: string) => !LONE_SURROGATE.test(s);

/**
 * Text without control characters, bidi overrides or lone surrogates; line breaks only when
 * multiline. null and undefined pass (other decorators decide about them).
 */
export function IsPlainText(multiline = false, options?: ValidationOptions) {
  return (object: object, key: string | symbol) =>
    registerDecorator({
      name: 'isPlainText',
      target: object.constructor,
      propertyName: String(key),
      options: {
        message: multiline
          ? `${String(key)} must not contain control characters`
          : `${String(key)} must not contain control characters or line breaks`,
        ...options,
      },
      validator: {
        validate: (v: unknown) =>
          v === null || v === undefined || (typeof v === 'string' && !hasControlChars(v, multiline)),
      },
    });
}

/** Something that reads as a link or an address: "://", "www.", "@". */
const LINK_LIKE = /:\/\/|www\.|@/i;

/** Longest first name, last name or invitee name. */
export const NAME_MAX_LENGTH = 100;

/**
 * A person's name, honorific or organization: one line of plain text of at most `maxLength`
 * characters, without anything that reads as a link or an email address. Names are put in the
 * greeting of emails, and a public form must not let anyone put their link there.
 */
export function IsPersonName(maxLength = NAME_MAX_LENGTH) {
  const noLinks = (object: object, key: string | symbol) =>
    registerDecorator({
      name: 'isPersonName',
      target: object.constructor,
      propertyName: String(key),
      options: { message: `${String(key)} must not contain links or email addresses` },
      validator: { validate: (v: unknown) => typeof v !== 'string' || !LINK_LIKE.test(v) },
    });
  return applyDecorators(IsString(), MaxLength(maxLength), IsPlainText(), noLinks);
}
