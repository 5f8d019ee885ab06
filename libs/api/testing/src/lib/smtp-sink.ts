import { type ParsedMail, simpleParser } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';

export interface ReceivedMail {
  /** `smtpUtf8`: the client asked for SMTPUTF8 in its MAIL FROM (RFC 6531). */
  envelope: { from: string; to: string[]; smtpUtf8: boolean };
  raw: string;
  parsed: ParsedMail;
}

/** Answer to RCPT TO: undefined accepts, `{ code, message }` refuses (e.g. 421 busy, 550 unknown user). */
export type RcptRule = (recipient: string, attempt: number) => { code: number; message: string } | undefined;

/** What a message's `parsed` is when the sink was told not to parse: any use of it throws. */
const NOT_PARSED = new Proxy({} as ParsedMail, {
  get(_target, key) {
    // not a promise, and printable (inspect and Jest's printers ask for symbols and toJSON)
    if (key === 'then' || key === 'toJSON' || typeof key === 'symbol') return undefined;
    throw new Error(
      `SmtpSink: message not parsed (parseMessages was false when it arrived); read ${String(key)} from raw`,
    );
  },
});

/**
 * A real SMTP server in process (smtp-server), every message parsed with mailparser.
 * `rule` decides per recipient and attempt what the server answers.
 */
export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  readonly attempts = new Map<string, number>();
  rule: RcptRule = () => undefined;
  /**
   * False: messages are kept with their envelope and raw text only (`parsed` throws when read).
   * For a test that counts thousands of messages by envelope: mailparser takes over 1 ms of CPU
   * per message (11–13 s for 10,000 small ones), on the event loop the app under test shares.
   */
  parseMessages = true;
  /** Milliseconds to wait before accepting each message (a slow relay). */
  delayMs = 0;
  /**
   * Connection errors the server reported (a client that died mid-transaction resets its socket:
   * smtp-server emits that as an `error` event, which would throw without a listener).
   */
  readonly connectionErrors: Error[] = [];
  private readonly waiters: (() => void)[] = [];

  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
  ) {}

  static async start(): Promise<SmtpSink> {
    // The server's callbacks reach the sink through this holder (the sink needs the server's port first).
    const ref: { sink?: SmtpSink } = {};
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      size: 25 * 1024 * 1024,
      onRcptTo(address: SMTPServerAddress, _session, callback) {
        const sink = ref.sink as SmtpSink;
        const to = address.address.toLowerCase();
        const attempt = (sink.attempts.get(to) ?? 0) + 1;
        sink.attempts.set(to, attempt);
        const refusal = sink.rule(to, attempt);
        if (!refusal) return callback();
        const error = new Error(refusal.message) as Error & { responseCode: number };
        error.responseCode = refusal.code;
        callback(error);
      },
      onData(stream, session, callback) {
        const sink = ref.sink as SmtpSink;
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          new Promise((r) => setTimeout(r, sink.delayMs))
            .then(() => (sink.parseMessages ? simpleParser(raw) : NOT_PARSED))
            .then((parsed) => {
              sink.received.push({
                envelope: {
                  from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
                  to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
                  smtpUtf8: session.envelope.smtpUtf8 === true,
                },
                raw,
                parsed,
              });
              for (const w of sink.waiters.splice(0)) w();
              callback(null, `Message queued as sink-${sink.received.length}`);
            })
            .catch((error: Error) => callback(error));
        });
      },
    });
    server.on('error', (error: Error) => ref.sink?.connectionErrors.push(error));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    ref.sink = new SmtpSink(server, (server.server.address() as AddressInfo).port);
    return ref.sink;
  }

  /** Whether the EHLO answer lists SMTPUTF8 (it does by default); read by smtp-server at each EHLO, so it holds for new connections. */
  offerSmtpUtf8(offer: boolean): void {
    (this.server as unknown as { options: { hideSMTPUTF8?: boolean } }).options.hideSMTPUTF8 = !offer;
  }

  get url() {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Messages whose envelope goes to `address`. */
  to(address: string): ReceivedMail[] {
    const a = address.toLowerCase();
    return this.received.filter((m) => m.envelope.to.includes(a));
  }

  /**
   * Resolves once `predicate` holds (checked on every message). Rejects when `timeoutMs` pass
   * without a new message: a budget measured from the last sign of progress, not from the start,
   * so a slow but moving delivery (a loaded machine) is waited for and a stalled one still fails.
   */
  async waitFor(predicate: () => boolean, timeoutMs = 20_000, what = 'messages'): Promise<void> {
    let deadline = Date.now() + timeoutMs;
    let count = this.received.length;
    while (!predicate()) {
      if (this.received.length !== count) {
        count = this.received.length;
        deadline = Date.now() + timeoutMs;
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what} (received ${count}, none new for ${timeoutMs} ms)`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.min(left, 250));
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
