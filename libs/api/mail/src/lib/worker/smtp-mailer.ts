import { Inject, Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@gfmd/api-platform';
import nodemailer, { type Transporter } from 'nodemailer';
import { parseConnectionUrl } from 'nodemailer/lib/shared';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import type { ClaimedEmail } from '../outbox/outbox.repository';
import type { RenderedEmail } from '../templates/template-renderer';
import { headerValue, isHeaderName, oneLine } from '../templates/text.util';
import { MAIL_WORKER_SETTINGS, MailWorkerSettings } from './mail-worker.settings';
import { addressHeader, asciiDomain, buildMimeMessage } from './mime-message.util';

/** Headers the mailer sets itself; a stored header can never replace them. */
const RESERVED = new Set([
  'from',
  'to',
  'cc',
  'bcc',
  'subject',
  'date',
  'message-id',
  'sender',
  'reply-to',
  'return-path',
  'mime-version',
  'content-type',
  'content-transfer-encoding',
  'received',
  'dkim-signature',
]);

// A plain address: no display name, comments, lists or whitespace (those belong to nobody's single recipient).
const PLAIN_ADDRESS = /^[^\s@<>(),;:"\\[\]]+@[^\s@<>(),;:"\\[\]]+\.[^\s@<>(),;:"\\[\]]+$/;

export interface SmtpFailure {
  permanent: boolean;
  message: string;
}

/**
 * Temporary: connection problems, timeouts, 4xx replies, and 530/535 (credentials: an operator
 * fixes them, then the retries succeed). Permanent: any other 5xx reply (550 unknown user…) and
 * a message the relay refuses by its envelope.
 */
export function classifySmtpError(error: unknown): SmtpFailure {
  const e = error as { responseCode?: number; code?: string; response?: string; message?: string };
  const code = typeof e?.responseCode === 'number' ? e.responseCode : undefined;
  const text = oneLine(e?.response ?? e?.message ?? String(error)).slice(0, 500);
  const message = code ? (text.startsWith(String(code)) ? text : `${code} ${text}`) : `${e?.code ?? 'ERROR'}: ${text}`;
  if (code !== undefined && code >= 500 && code < 600 && code !== 530 && code !== 535)
    return { permanent: true, message };
  if (code === undefined && (e?.code === 'EENVELOPE' || e?.code === 'EINVALIDRECIPIENT' || e?.code === 'ESMTPUTF8'))
    return { permanent: true, message };
  return { permanent: false, message };
}

export class InvalidRecipientError extends Error {
  readonly code = 'EINVALIDRECIPIENT';
}

/** The recipient's local part is not ASCII and the relay does not offer SMTPUTF8: no way to deliver it there. */
export class SmtpUtf8NotOfferedError extends Error {
  readonly code = 'ESMTPUTF8';
  constructor() {
    super(
      'the recipient address has non-ASCII characters before the @ and the SMTP relay (SMTP_URL) does not offer SMTPUTF8 (RFC 6531): it cannot carry this address',
    );
  }
}

const NOT_ASCII = /[^\x20-\x7e]/;

/** nodemailer over one pooled SMTP connection set per process (SMTP_URL). */
@Injectable()
export class SmtpMailer {
  private readonly logger = new Logger(SmtpMailer.name);
  private readonly transport: Transporter;
  /** MAIL_FROM as a header and its address (the envelope's sender), worked out once. */
  private readonly from: { header: string; address: string };
  private readonly messageIdDomain: string;
  /** The relay's connection settings, for the one-off connections of internationalized addresses. */
  private readonly connection: SMTPConnection.Options & { auth?: { user?: string; pass?: string } };

  constructor(config: AppConfig, @Inject(MAIL_WORKER_SETTINGS) settings: MailWorkerSettings) {
    this.transport = nodemailer.createTransport({
      url: config.smtpUrl,
      pool: true,
      maxConnections: settings.pool.maxConnections,
      maxMessages: settings.pool.maxMessages,
      // Retries are BullMQ's (visible attempts, exponential backoff with jitter, a limit), not the pool's.
      maxRequeues: 0,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 60_000,
      // Attachments are stored text; never let a stored value make nodemailer read a file or a URL.
      disableFileAccess: true,
      disableUrlAccess: true,
    });
    this.from = addressHeader(headerValue(config.mailFrom, 300));
    this.messageIdDomain = /@([A-Za-z0-9.-]+)/.exec(this.from.address)?.[1] ?? 'gfmd.local';
    this.connection = {
      ...parseConnectionUrl(config.smtpUrl),
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 60_000,
    };
  }

  /** Sends a claimed row with its content. The Message-ID is derived from the row, so a resend after a crash is recognisable. */
  async send(email: ClaimedEmail, content: RenderedEmail): Promise<{ providerMessageId: string }> {
    const recipient = email.recipient.trim();
    if (!PLAIN_ADDRESS.test(recipient) || recipient.length > 320)
      throw new InvalidRecipientError(`invalid recipient address`);
    const to = asciiDomain(recipient);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(email.headers ?? {})) {
      if (!isHeaderName(name) || RESERVED.has(name.toLowerCase())) continue;
      const clean = headerValue(value);
      if (clean) headers[name] = clean;
    }
    headers['X-GFMD-Kind'] = email.kind;
    const messageId = `<${email.id}@${this.messageIdDomain}>`;
    // Built in one pass and sent raw: nodemailer's MIME tree of streams cost more CPU per email
    // than everything else the worker does (docs/performance.md, "Email throughput", session 11).
    const { raw, envelope } = buildMimeMessage({
      from: this.from,
      to,
      subject: headerValue(content.subject, 250),
      text: content.text,
      html: content.html,
      headers,
      messageId,
      date: new Date(),
      boundary: `----=_gfmd_${email.id.replace(/-/g, '')}`,
      attachments: (email.attachments ?? []).map((a) => ({
        filename: headerValue(a.filename, 200) || 'attachment',
        contentType: headerValue(a.contentType, 200) || 'application/octet-stream',
        content: a.content,
      })),
    });
    const international = NOT_ASCII.test(recipient.slice(0, recipient.lastIndexOf('@')));
    const info = international
      ? await this.sendInternational(envelope, raw)
      : await this.transport.sendMail({ envelope, raw, messageId });
    const queuedAs = /queued as ([^\s]+)/i.exec(String(info.response ?? ''))?.[1];
    return { providerMessageId: queuedAs ?? messageId };
  }

  /**
   * An address whose local part is not ASCII can only travel with SMTPUTF8 (RFC 6531): nodemailer
   * asks for it when the relay offers it, and otherwise writes the UTF-8 bytes anyway, which a
   * relay that never agreed may garble or bounce later. So such a message goes over a connection
   * of its own, whose EHLO answer is read first: SMTPUTF8 offered, it is sent there (nodemailer
   * adds the keyword); not offered, a permanent failure, before a byte of the message leaves. A
   * pooled connection's extensions are not visible from outside, and these addresses are rare.
   */
  private sendInternational(envelope: { from: string; to: string[] }, raw: Buffer): Promise<{ response?: string }> {
    const connection = new SMTPConnection(this.connection);
    return new Promise((resolve, reject) => {
      let settled = false;
      const finish = (error: unknown, info?: { response?: string }) => {
        if (settled) return;
        settled = true;
        if (error) {
          connection.close();
          reject(error);
        } else {
          connection.quit();
          resolve(info ?? {});
        }
      };
      connection.on('error', (error: Error) => finish(error));
      connection.connect((error) => {
        if (error) return finish(error);
        // Right after connect, the last reply is the EHLO that listed the extensions (after STARTTLS, the second one).
        if (!/[ -]SMTPUTF8\b/im.test(String(connection.lastServerResponse || '')))
          return finish(new SmtpUtf8NotOfferedError());
        const send = () => connection.send(envelope, raw, (e, info) => finish(e, info));
        const auth = this.connection.auth;
        if (auth?.user && connection.allowsAuth)
          connection.login({ credentials: { user: auth.user, pass: auth.pass ?? '' } }, (e) =>
            e ? finish(e) : send(),
          );
        else send();
      });
    });
  }

  close(): void {
    try {
      this.transport.close();
    } catch (error) {
      this.logger.warn({ err: (error as Error).message }, 'SMTP pool close failed');
    }
  }
}
