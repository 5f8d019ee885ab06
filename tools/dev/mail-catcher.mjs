#!/usr/bin/env node
// Over 400 lines on purpose: one self-contained script (SMTP server, store and a small web inbox
// with its HTML) that `npm start`, the browser tests and Docker users run with plain node.
/**
 * GFMD Dialogues — local mail catcher (development and tests only).
 *
 * An SMTP server that accepts every message (no auth required, any credentials accepted,
 * no STARTTLS, any sender/recipient), parses it with mailparser and keeps the newest
 * `maxMessages` in memory, plus a small web inbox:
 *
 *   GET    /                                  inbox (newest first)
 *   GET    /messages/:id                      one message: HTML (sandboxed iframe), text, headers, attachments
 *   GET    /messages/:id/raw                  the message source (.eml download)
 *   GET    /messages/:id/attachments/:index   attachment download
 *   GET    /api/messages[?to=&subject=&limit=] JSON {items, total}, newest first
 *   GET    /api/messages/:id                  JSON, full message (text, html, headers, attachments)
 *   DELETE /api/messages                      forget every message (204)
 *   DELETE /api/messages/:id                  forget one message (204)
 *
 * Library use (tests):
 *   import { startMailCatcher } from '../../tools/dev/mail-catcher.mjs';
 *   const mail = await startMailCatcher({ smtpPort: 0, httpPort: 0 }); // 0 = any free port
 *   process.env.SMTP_URL = mail.smtpUrl;
 *   const msg = await mail.waitForMessage((m) => m.envelope.to.includes('a@example.org'));
 *   await mail.close();
 *
 * CLI:
 *   node tools/dev/mail-catcher.mjs [--smtp-port 1025] [--http-port 1080] [--host 127.0.0.1]
 */
import http from 'node:http';
import fs from 'node:fs';
import crypto from 'node:crypto';
import { EventEmitter } from 'node:events';
import { fileURLToPath } from 'node:url';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import { listenOnFreePort } from './ports.mjs';

const MAX_MESSAGE_BYTES = 25 * 1024 * 1024;

/**
 * Starts the SMTP server and the HTTP inbox.
 *
 * @param {object}   [options]
 * @param {number}   [options.smtpPort=1025]  preferred SMTP port; the next free one is used when taken; 0 = any
 * @param {number}   [options.httpPort=1080]  preferred HTTP port; same rule
 * @param {string}   [options.host='127.0.0.1'] interface for both servers ('0.0.0.0' to expose)
 * @param {number}   [options.maxMessages=500] messages kept in memory (oldest dropped first)
 * @param {boolean}  [options.strictPorts=false] fail instead of moving to another port when a preferred one is taken
 * @param {(line: string) => void} [options.log] receives one line per caught message; silent by default
 */
export async function startMailCatcher({
  smtpPort = 1025,
  httpPort = 1080,
  host = '127.0.0.1',
  maxMessages = 500,
  strictPorts = false,
  log = () => undefined,
} = {}) {
  const events = new EventEmitter();
  /** @type {Array<ReturnType<typeof toRecord>>} oldest first */
  let messages = [];
  let nextId = 1;

  const smtp = new SMTPServer({
    name: 'gfmd-mail-catcher',
    banner: 'GFMD Dialogues mail catcher (development only)',
    secure: false,
    disabledCommands: ['STARTTLS'],
    hideSTARTTLS: true,
    authOptional: true,
    allowInsecureAuth: true,
    size: MAX_MESSAGE_BYTES,
    logger: false,
    closeTimeout: 1000,
    // SMTP_URL may carry credentials (smtp://user:pass@host): accept whatever is offered.
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username || 'anonymous' });
    },
    onData(stream, session, callback) {
      const chunks = [];
      stream.on('data', (chunk) => chunks.push(chunk));
      stream.on('error', callback);
      stream.on('end', async () => {
        if (stream.sizeExceeded) {
          const err = new Error('Message exceeds the size limit');
          err.responseCode = 552;
          return callback(err);
        }
        const raw = Buffer.concat(chunks);
        try {
          const parsed = await simpleParser(raw);
          const record = toRecord(String(nextId++), parsed, raw, session.envelope);
          messages.push(record);
          if (messages.length > maxMessages) messages = messages.slice(messages.length - maxMessages);
          events.emit('message', record);
          log(`#${record.id} caught (${record.envelope.to.length} recipient(s)) ${httpUrl}/messages/${record.id}`);
          callback(null, `Queued as ${record.id}`);
        } catch (err) {
          callback(err);
        }
      });
    },
  });
  smtp.on('error', (err) => {
    // Connection-level errors (client hung up…) must not crash the host process.
    if (smtp.server.listening) log(`SMTP error: ${err.message}`);
  });

  const httpServer = http.createServer((req, res) => {
    try {
      handleHttp(req, res);
    } catch (err) {
      sendText(res, 500, `Internal error: ${err.message}`);
    }
  });

  const listenOpts = { host, attempts: strictPorts ? 1 : 20 };
  const boundSmtp = await listenOnFreePort(smtp.server, smtpPort, listenOpts).catch((err) => {
    throw new Error(`mail catcher: cannot listen for SMTP on ${host}:${smtpPort}: ${err.message}`);
  });
  if (strictPorts && smtpPort && boundSmtp !== smtpPort) {
    await new Promise((r) => smtp.close(r));
    throw new Error(`mail catcher: SMTP port ${smtpPort} is in use`);
  }
  let boundHttp;
  try {
    boundHttp = await listenOnFreePort(httpServer, httpPort, listenOpts);
    if (strictPorts && httpPort && boundHttp !== httpPort) throw new Error(`HTTP port ${httpPort} is in use`);
  } catch (err) {
    await new Promise((r) => smtp.close(r));
    httpServer.close();
    throw new Error(`mail catcher: cannot listen for HTTP on ${host}:${httpPort}: ${err.message}`);
  }

  const urlHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  const smtpUrl = `smtp://${urlHost}:${boundSmtp}`;
  const httpUrl = `http://${host === '127.0.0.1' || host === '::1' ? 'localhost' : urlHost}:${boundHttp}`;

  // ---------------------------------------------------------------- HTTP inbox

  function find(id) {
    return messages.find((m) => m.id === id);
  }

  function handleHttp(req, res) {
    const url = new URL(req.url ?? '/', 'http://catcher.invalid');
    const parts = url.pathname.split('/').filter(Boolean);
    const method = req.method ?? 'GET';
    const isRead = method === 'GET' || method === 'HEAD';

    // JSON API
    if (parts[0] === 'api' && parts[1] === 'messages') {
      if (parts.length === 2 && isRead) {
        const to = (url.searchParams.get('to') ?? '').toLowerCase();
        const subject = (url.searchParams.get('subject') ?? '').toLowerCase();
        const limit = Math.max(0, Number.parseInt(url.searchParams.get('limit') ?? '', 10) || 0);
        let items = [...messages].reverse();
        if (to) items = items.filter((m) => allRecipients(m).some((a) => a.toLowerCase().includes(to)));
        if (subject) items = items.filter((m) => m.subject.toLowerCase().includes(subject));
        const total = items.length;
        if (limit) items = items.slice(0, limit);
        return sendJson(res, 200, { items: items.map(summaryJson), total });
      }
      if (parts.length === 2 && method === 'DELETE') {
        messages = [];
        return sendEmpty(res, 204);
      }
      if (parts.length === 3) {
        const message = find(parts[2]);
        if (method === 'DELETE') {
          messages = messages.filter((m) => m !== message);
          return message ? sendEmpty(res, 204) : sendJson(res, 404, { error: 'not found' });
        }
        if (!isRead) return sendJson(res, 405, { error: 'method not allowed' });
        return message ? sendJson(res, 200, fullJson(message)) : sendJson(res, 404, { error: 'not found' });
      }
      return sendJson(res, isRead ? 404 : 405, { error: isRead ? 'not found' : 'method not allowed' });
    }

    if (!isRead) return sendText(res, 405, 'Method not allowed');

    if (parts.length === 0) return sendHtml(res, 200, inboxPage());
    if (parts[0] === 'messages' && parts.length >= 2) {
      const message = find(parts[1]);
      if (!message) return sendHtml(res, 404, notFoundPage());
      if (parts.length === 2) return sendHtml(res, 200, messagePage(message));
      if (parts.length === 3 && parts[2] === 'raw') {
        return sendDownload(res, message.raw, 'message/rfc822', `message-${message.id}.eml`);
      }
      if (parts.length === 4 && parts[2] === 'attachments') {
        const attachment = message.attachments[Number(parts[3])];
        if (!/^\d+$/.test(parts[3]) || !attachment) return sendHtml(res, 404, notFoundPage());
        return sendDownload(res, attachment.content, attachment.contentType, attachment.filename);
      }
    }
    return sendHtml(res, 404, notFoundPage());
  }

  function inboxPage() {
    const rows = [...messages]
      .reverse()
      .map(
        (m) => `<tr>
  <td class="nowrap">${esc(formatTime(m.receivedAt))}</td>
  <td>${esc(m.to || m.envelope.to.join(', '))}</td>
  <td><a href="/messages/${esc(m.id)}">${esc(m.subject || '(no subject)')}</a>${
    m.attachments.length ? ` <span class="muted">📎 ${m.attachments.length}</span>` : ''
  }</td>
  <td class="muted">${esc(m.from)}</td>
</tr>`,
      )
      .join('\n');
    const body = messages.length
      ? `<table><thead><tr><th>Received</th><th>To</th><th>Subject</th><th>From</th></tr></thead><tbody>${rows}</tbody></table>`
      : `<p class="muted">No messages yet. Point SMTP at <code>${esc(smtpUrl)}</code>.</p>`;
    const latest = messages.length ? messages[messages.length - 1].id : '';
    return layout(
      'Inbox',
      `<div class="bar"><h1>Inbox <span class="muted">(${messages.length})</span></h1>
<button type="button" id="clear"${messages.length ? '' : ' disabled'}>Delete all</button></div>
${body}
<p class="muted small">SMTP ${esc(smtpUrl)} · keeps the newest ${esc(maxMessages)} messages in memory · JSON at <a href="/api/messages">/api/messages</a></p>`,
      // Reload when a message arrives or the inbox is cleared elsewhere; wire the "Delete all" button.
      `const latest = ${JSON.stringify(latest)};
document.getElementById('clear').addEventListener('click', async () => {
  if (!confirm('Delete every message?')) return;
  await fetch('/api/messages', { method: 'DELETE' });
  location.reload();
});
setInterval(async () => {
  try {
    const r = await fetch('/api/messages?limit=1');
    const d = await r.json();
    if ((d.items[0]?.id ?? '') !== latest) location.reload();
  } catch {}
}, 3000);`,
    );
  }

  function messagePage(m) {
    const addressRows = [
      ['From', m.from],
      ['To', m.to],
      ['Cc', m.cc],
      ['Reply-To', m.replyTo],
      ['Subject', m.subject],
      ['Date', m.date ? formatTime(m.date) : ''],
      ['Received', formatTime(m.receivedAt)],
      ['Envelope', `${m.envelope.from || '<>'} → ${m.envelope.to.join(', ')}`],
    ]
      .filter(([, v]) => v)
      .map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`)
      .join('');
    // The HTML body goes into a sandboxed iframe (no scripts, no same-origin access, no forms).
    // Links open in a new tab thanks to the injected <base target="_blank">.
    const htmlSection = m.html
      ? `<h2>HTML</h2>
<iframe class="mail" title="HTML body" sandbox="allow-popups allow-popups-to-escape-sandbox" referrerpolicy="no-referrer" srcdoc="${esc(
          `<base target="_blank">${m.html}`,
        )}"></iframe>`
      : '';
    const textSection = m.text ? `<h2>Text</h2><pre>${esc(m.text)}</pre>` : '';
    const attachments = m.attachments.length
      ? `<h2>Attachments</h2><ul>${m.attachments
          .map(
            (a) =>
              `<li><a href="/messages/${esc(m.id)}/attachments/${esc(a.index)}">${esc(a.filename)}</a> <span class="muted">${esc(
                a.contentType,
              )}, ${esc(formatSize(a.size))}${a.related ? ', inline' : ''}</span></li>`,
          )
          .join('')}</ul>`
      : '';
    return layout(
      m.subject || '(no subject)',
      `<p><a href="/">← Inbox</a> · <a href="/messages/${esc(m.id)}/raw">Download .eml</a> · <a href="/api/messages/${esc(
        m.id,
      )}">JSON</a></p>
<h1>${esc(m.subject || '(no subject)')}</h1>
<table class="meta">${addressRows}</table>
${htmlSection}
${textSection}
${attachments}
<h2>Headers</h2><pre>${esc(m.headers.join('\n'))}</pre>`,
    );
  }

  function notFoundPage() {
    return layout('Not found', '<h1>Not found</h1><p><a href="/">← Inbox</a></p>');
  }

  function summaryJson(m) {
    return {
      id: m.id,
      receivedAt: m.receivedAt,
      from: m.from,
      to: m.to,
      cc: m.cc,
      subject: m.subject,
      envelope: m.envelope,
      size: m.size,
      attachments: m.attachments.length,
      url: `${httpUrl}/messages/${m.id}`,
    };
  }

  function fullJson(m) {
    return {
      ...summaryJson(m),
      replyTo: m.replyTo,
      date: m.date,
      messageId: m.messageId,
      text: m.text,
      html: m.html,
      headers: m.headers,
      attachments: m.attachments.map((a) => ({
        index: a.index,
        filename: a.filename,
        contentType: a.contentType,
        size: a.size,
        contentId: a.contentId,
        inline: a.related,
        url: `${httpUrl}/messages/${m.id}/attachments/${a.index}`,
      })),
      rawUrl: `${httpUrl}/messages/${m.id}/raw`,
    };
  }

  // ---------------------------------------------------------------- handle

  return {
    smtpPort: boundSmtp,
    httpPort: boundHttp,
    smtpUrl,
    httpUrl,
    /** Every caught message, newest first (parsed records; includes raw and attachment buffers). */
    get messages() {
      return [...messages].reverse();
    },
    /** The JSON shape of /api/messages/:id for every message, newest first. */
    list() {
      return [...messages].reverse().map(fullJson);
    },
    get(id) {
      const m = find(String(id));
      return m ? fullJson(m) : undefined;
    },
    clear() {
      messages = [];
    },
    /** Subscribe to caught messages: on('message', (record) => …). */
    on: (event, listener) => events.on(event, listener),
    off: (event, listener) => events.off(event, listener),
    /**
     * Resolves with the JSON of the newest already caught message matching `predicate`,
     * else of the next one that arrives; rejects after `timeout` ms.
     */
    waitForMessage(predicate = () => true, { timeout = 10_000 } = {}) {
      const match = (m) => {
        const json = fullJson(m);
        return predicate(json) ? json : undefined;
      };
      for (const m of [...messages].reverse()) {
        const json = match(m);
        if (json) return Promise.resolve(json);
      }
      return new Promise((resolve, reject) => {
        const onMessage = (m) => {
          const json = match(m);
          if (!json) return;
          clearTimeout(timer);
          events.off('message', onMessage);
          resolve(json);
        };
        const timer = setTimeout(() => {
          events.off('message', onMessage);
          reject(new Error(`mail catcher: no matching message within ${timeout} ms`));
        }, timeout);
        events.on('message', onMessage);
      });
    },
    /** Stops both servers (open SMTP sessions are cut after 1 s). */
    async close() {
      await Promise.all([
        new Promise((resolve) => smtp.close(resolve)),
        new Promise((resolve) => {
          httpServer.close(() => resolve());
          httpServer.closeAllConnections?.();
        }),
      ]);
    },
  };
}

// ------------------------------------------------------------------ helpers

function addressText(value) {
  return [value ?? []]
    .flat()
    .map((a) => a.text)
    .filter(Boolean)
    .join(', ');
}

function allRecipients(m) {
  return [...m.envelope.to, m.to, m.cc];
}

function toRecord(id, parsed, raw, envelope) {
  return {
    id,
    receivedAt: new Date().toISOString(),
    envelope: {
      from: envelope?.mailFrom?.address || '',
      to: (envelope?.rcptTo ?? []).map((r) => r.address),
    },
    from: addressText(parsed.from),
    to: addressText(parsed.to),
    cc: addressText(parsed.cc),
    replyTo: addressText(parsed.replyTo),
    subject: parsed.subject ?? '',
    date: parsed.date instanceof Date && !Number.isNaN(parsed.date.getTime()) ? parsed.date.toISOString() : null,
    messageId: parsed.messageId ?? null,
    text: parsed.text ?? '',
    html: typeof parsed.html === 'string' ? parsed.html : null,
    headers: (parsed.headerLines ?? []).map((h) => h.line),
    attachments: (parsed.attachments ?? []).map((a, index) => ({
      index,
      filename: a.filename || `attachment-${index + 1}`,
      contentType: a.contentType || 'application/octet-stream',
      size: a.size ?? a.content?.length ?? 0,
      contentId: a.contentId ?? null,
      related: Boolean(a.related),
      content: a.content ?? Buffer.alloc(0),
    })),
    size: raw.length,
    raw,
  };
}

/** Escapes a value for HTML text and (quoted) attribute context. */
function esc(value) {
  return String(value ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c],
  );
}

function formatTime(iso) {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? String(iso) : d.toLocaleString('sv-SE');
}

function formatSize(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function layout(title, body, script = '') {
  const nonce = crypto.randomBytes(16).toString('base64');
  return {
    nonce,
    html: `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${esc(title)} · GFMD mail catcher</title>
<style>
  body { font: 14px/1.45 system-ui, sans-serif; margin: 0 auto; padding: 1rem 1.5rem; max-width: 72rem; color: #1d2733; }
  h1 { font-size: 1.35rem; margin: .5rem 0 1rem; } h2 { font-size: 1.05rem; margin: 1.5rem 0 .5rem; }
  table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: .35rem .6rem; border-bottom: 1px solid #e2e6ea; vertical-align: top; }
  thead th { background: #f3f5f7; } table.meta th { width: 7rem; color: #5b6773; font-weight: 600; }
  .muted { color: #6b7682; } .small { font-size: .85rem; } .nowrap { white-space: nowrap; }
  .bar { display: flex; align-items: center; justify-content: space-between; }
  pre { background: #f6f8fa; padding: .75rem; overflow: auto; white-space: pre-wrap; word-break: break-word; }
  iframe.mail { width: 100%; height: 70vh; border: 1px solid #d0d7de; resize: vertical; background: #fff; }
  a { color: #0b5cad; } button { font: inherit; padding: .3rem .8rem; }
</style></head>
<body>
${body}
${script ? `<script nonce="${nonce}">${script}</script>` : ''}
</body></html>`,
  };
}

// ------------------------------------------------------------------ responses

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

function sendHtml(res, status, page) {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/html; charset=utf-8',
    // The srcdoc iframe inherits this policy: email HTML may use inline styles and images, never scripts.
    'Content-Security-Policy': [
      "default-src 'none'",
      `script-src 'nonce-${page.nonce}'`,
      "style-src 'unsafe-inline' *",
      'img-src * data:',
      'font-src * data:',
      "connect-src 'self'",
      "frame-ancestors 'self'",
      "form-action 'none'",
    ].join('; '),
    'X-Frame-Options': 'SAMEORIGIN',
  });
  res.end(page.html);
}

function sendJson(res, status, body) {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function sendText(res, status, text) {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}

function sendEmpty(res, status) {
  res.writeHead(status, SECURITY_HEADERS);
  res.end();
}

/** Always a download (never rendered inline), so an HTML attachment cannot run in this origin. */
function sendDownload(res, content, contentType, filename) {
  const fallback = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': /^[\w.+-]+\/[\w.+-]+$/.test(contentType) ? contentType : 'application/octet-stream',
    'Content-Length': content.length,
    'Content-Disposition': `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
    'Content-Security-Policy': 'sandbox',
  });
  res.end(content);
}

// ------------------------------------------------------------------ CLI

function parseCliArgs(argv) {
  const options = {};
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--smtp-port') options.smtpPort = Number(value());
    else if (flag === '--http-port') options.httpPort = Number(value());
    else if (flag === '--host') options.host = value();
    else if (flag === '--max-messages') options.maxMessages = Number(value());
    else if (flag === '--strict-ports') options.strictPorts = true;
    else if (flag === '--help' || flag === '-h') options.help = true;
    else throw new Error(`unknown option ${argv[i]} (try --help)`);
  }
  return options;
}

async function cli() {
  let options;
  try {
    options = parseCliArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`mail-catcher: ${err.message}`);
    process.exit(2);
  }
  if (options.help) {
    console.log(
      'Usage: node tools/dev/mail-catcher.mjs [--smtp-port 1025] [--http-port 1080] [--host 127.0.0.1]\n' +
        '                                       [--max-messages 500] [--strict-ports]\n' +
        'Catches every email sent to the SMTP port and shows it in a web inbox.',
    );
    return;
  }
  delete options.help;
  const catcher = await startMailCatcher({ ...options, log: (line) => console.log(`[mail] ${line}`) });
  console.log(`[mail] SMTP  ${catcher.smtpUrl}   (SMTP_URL=${catcher.smtpUrl})`);
  console.log(`[mail] Inbox ${catcher.httpUrl}/`);
  let closing = false;
  const stop = async () => {
    if (closing) process.exit(1); // second Ctrl-C: give up waiting
    closing = true;
    await catcher.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

const invokedDirectly = (() => {
  try {
    return fs.realpathSync(process.argv[1] ?? '') === fs.realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
})();
if (invokedDirectly) {
  cli().catch((err) => {
    console.error(`mail-catcher: ${err.message}`);
    process.exit(1);
  });
}
