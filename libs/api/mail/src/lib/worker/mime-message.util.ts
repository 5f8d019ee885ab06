import { domainToASCII } from 'node:url';

/**
 * The MIME message of one email, built in one pass into one buffer (RFC 5322, 2045–2047, 2231),
 * and sent by nodemailer as `raw`: its MIME tree of streams cost more CPU than the rest of the
 * worker's work per email (docs/performance.md, "Email throughput", session 11). The shape is
 * nodemailer's for the same mail: multipart/alternative (text, then HTML), inside
 * multipart/mixed when there are attachments; every body part base64 (UTF-8), so no line is too
 * long and no byte needs escaping; non-ASCII header words as RFC 2047 encoded words.
 *
 * Values come cleaned by the caller (SmtpMailer: header values on one line, reserved names
 * refused, a plain recipient address); this module only encodes.
 */

export interface MimeAttachment {
  filename: string;
  contentType: string;
  /** UTF-8 text (the outbox stores calendar files). */
  content: string;
}

export interface MimeInput {
  /** The From header (display name encoded) and its address: addressHeader's answer. */
  from: { header: string; address: string };
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Extra headers, names valid, values on one line. */
  headers: Record<string, string>;
  /** With its angle brackets. */
  messageId: string;
  date: Date;
  attachments: MimeAttachment[];
  /** Unique per message; the base64 alphabet never contains `_`, so the parts cannot hold it. */
  boundary: string;
}

const CRLF = '\r\n';
// Printable ASCII without the characters that would need quoting or encoding in a header.
const PLAIN_HEADER = /^[\x20-\x7e]*$/;
const ATOM_PHRASE = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~ ]*$/;

/** Base64 of UTF-8 text in lines of 76 characters. */
function base64Lines(value: string): string {
  const b64 = Buffer.from(value, 'utf8').toString('base64');
  let out = '';
  for (let i = 0; i < b64.length; i += 76) out += (i ? CRLF : '') + b64.slice(i, i + 76);
  return out;
}

/**
 * RFC 2047 encoded words (`=?UTF-8?B?…?=`), at most 45 bytes of text each (60 characters of base64,
 * so a folded line stays under 78), never splitting a character; folded with CRLF + space.
 */
export function encodeWords(value: string): string {
  const words: string[] = [];
  let chunk = '';
  let bytes = 0;
  for (const ch of value) {
    const n = Buffer.byteLength(ch, 'utf8');
    if (bytes + n > 45 && chunk) {
      words.push(chunk);
      chunk = '';
      bytes = 0;
    }
    chunk += ch;
    bytes += n;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, 'utf8').toString('base64')}?=`).join(`${CRLF} `);
}

/** A header value: as it is when it is printable ASCII, else encoded words. */
export function headerText(value: string): string {
  return PLAIN_HEADER.test(value) ? value : encodeWords(value);
}

/** An address header (`Name <address>`, or an address alone) with its display name quoted or encoded. */
export function addressHeader(value: string): { header: string; address: string } {
  const m = /^\s*(.*?)\s*<([^<>\s]+)>\s*$/.exec(value);
  if (!m) return { header: value.trim(), address: value.trim() };
  const [, name, address] = m;
  if (!name) return { header: `<${address}>`, address };
  const unquoted = name.replace(/^"(.*)"$/, '$1');
  const phrase = ATOM_PHRASE.test(unquoted)
    ? unquoted
    : PLAIN_HEADER.test(unquoted)
      ? `"${unquoted.replace(/(["\\])/g, '\\$1')}"`
      : encodeWords(unquoted);
  return { header: `${phrase} <${address}>`, address };
}

/** A MIME parameter (`name="x.ics"`), RFC 2231 `name*=UTF-8''…` when it is not plain ASCII. */
function parameter(name: string, value: string): string {
  if (/^[\x20-\x7e]*$/.test(value) && !/["\\]/.test(value)) return `${name}="${value}"`;
  return `${name}*=UTF-8''${encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

/** An address with its domain in ASCII (IDNA, as nodemailer writes it); the local part as it is. */
export function asciiDomain(address: string): string {
  if (/^[\x20-\x7e]*$/.test(address)) return address;
  const at = address.lastIndexOf('@');
  return `${address.slice(0, at + 1)}${domainToASCII(address.slice(at + 1)) || address.slice(at + 1)}`;
}

/** The date as RFC 5322 writes it, in UTC. */
const rfc5322Date = (date: Date) => date.toUTCString().replace(/GMT$/, '+0000');

function textPart(type: 'plain' | 'html', body: string): string {
  return (
    `Content-Type: text/${type}; charset=utf-8${CRLF}Content-Transfer-Encoding: base64${CRLF}${CRLF}` +
    base64Lines(body) +
    CRLF
  );
}

function alternative(boundary: string, text: string, html: string): string {
  return (
    `Content-Type: multipart/alternative; boundary="${boundary}"${CRLF}${CRLF}` +
    `--${boundary}${CRLF}${textPart('plain', text)}` +
    `--${boundary}${CRLF}${textPart('html', html)}` +
    `--${boundary}--${CRLF}`
  );
}

function attachmentPart(a: MimeAttachment): string {
  return (
    `Content-Type: ${a.contentType}; ${parameter('name', a.filename)}${CRLF}` +
    `Content-Transfer-Encoding: base64${CRLF}` +
    `Content-Disposition: attachment; ${parameter('filename', a.filename)}${CRLF}${CRLF}` +
    base64Lines(a.content) +
    CRLF
  );
}

/** The whole message (headers and body, CRLF line ends) and its envelope. */
export function buildMimeMessage(input: MimeInput): { raw: Buffer; envelope: { from: string; to: string[] } } {
  const from = input.from;
  let head =
    `From: ${from.header}${CRLF}` +
    `To: ${input.to}${CRLF}` +
    `Subject: ${headerText(input.subject)}${CRLF}` +
    `Message-ID: ${input.messageId}${CRLF}` +
    `Date: ${rfc5322Date(input.date)}${CRLF}` +
    `MIME-Version: 1.0${CRLF}`;
  for (const [name, value] of Object.entries(input.headers)) head += `${name}: ${headerText(value)}${CRLF}`;
  const inner = `${input.boundary}_a`;
  let body: string;
  if (!input.attachments.length) body = alternative(inner, input.text, input.html);
  else {
    const outer = `${input.boundary}_m`;
    body = `Content-Type: multipart/mixed; boundary="${outer}"${CRLF}${CRLF}--${outer}${CRLF}`;
    body += alternative(inner, input.text, input.html);
    for (const a of input.attachments) body += `--${outer}${CRLF}${attachmentPart(a)}`;
    body += `--${outer}--${CRLF}`;
  }
  return { raw: Buffer.from(head + body, 'utf8'), envelope: { from: from.address, to: [input.to] } };
}
