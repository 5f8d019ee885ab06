import { Injectable } from '@nestjs/common';
import { withoutBidiControls } from '@gfmd/api-platform';
import { EMAIL_KINDS, type EmailKind, type Language, LANGUAGES } from '@gfmd/contracts';
import type { LinkRef } from '../delivery/mail-link-hooks';
import { COMMON_MESSAGES, KIND_MESSAGES } from './messages';
import { escapeHtml, oneLine, safeUrl } from './text.util';

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/**
 * Parameters a template may use. Every value is escaped when rendered into HTML; subjects and
 * headers never carry CR/LF. All fields are optional: a block whose value is missing is left out.
 */
export interface TemplateParams {
  recipientName?: string;
  dialogueTitle?: string;
  /** Human-readable date and time, already in the dialogue's zone (see formatDialogueWhen). */
  dialogueWhen?: string;
  dialogueVenue?: string;
  /** Link for online/hybrid dialogues. */
  onlineUrl?: string;
  /**
   * The personal link the email carries, by reference (stored on the outbox row): the worker
   * mints it when it sends (EmailComposer) and fills in the URLs below, which are never stored.
   */
  links?: LinkRef;
  /** PUBLIC_URL/manage/<token>: registration kinds, agenda, reminder. Minted at send time. */
  manageUrl?: string;
  /** PUBLIC_URL/dialogues/<id>/register?invitation=<token>: invitation. Minted at send time. */
  registerUrl?: string;
  /** The web page that declines an invitation once confirmed (PUBLIC_URL/invitations/decline/<token>). Minted at send time. */
  declineUrl?: string;
  /** List-Unsubscribe one-click target (the API), when it differs from declineUrl (the web page). Minted at send time. */
  unsubscribeUrl?: string;
  /** PUBLIC_URL/set-password?token=<token>: staff invitation and password reset. Minted at send time. */
  passwordUrl?: string;
  /** PUBLIC_URL/delegations/<token>: a focal point's page (delegation). Minted at send time. */
  delegationUrl?: string;
  /** A delegation's name and its seats (delegation). */
  delegationName?: string;
  seats?: number;
  /**
   * An address check: PUBLIC_URL/contributions/confirm/<token> (contribution_confirm) or a synthesis
   * subscriber's confirm page (subscription_confirm). Minted at send time.
   */
  confirmUrl?: string;
  /** The id of the link row a `staff` link (or the subscriber a `subscription` link) is minted for (not personal). */
  linkId?: string;
  /** A synthesis subscriber's unsubscribe page. Minted at send time. */
  leaveUrl?: string;
  /** The synthesis an email is about (its title, its public page: not personal). */
  synthesisTitle?: string;
  synthesisUrl?: string;
  /** A public page the email's button opens (not personal), e.g. an accepted contribution's page. */
  viewUrl?: string;
  /** A webhook subscription's URL and its failed deliveries in a row (webhook_disabled; not personal). */
  webhookUrl?: string;
  failures?: number;
  /** Free text from organizers / coordinators (invitation, space_message, …). */
  message?: string;
  /** Why (declined, cancelled). */
  reason?: string;
  /** Who writes (space_message): a space or coordinator name. */
  senderName?: string;
  /** Days before the dialogue (reminder). */
  daysBefore?: number;
  /** Invitation sent again to someone who has not registered yet. */
  isReminder?: boolean;
  spaces?: { name: string; status: string }[];
  agenda?: { when: string; title: string; where?: string; documents?: EmailDocument[] }[];
  /** The dialogue's documents the recipient may read (agenda items' are on their lines), as links. */
  documents?: EmailDocument[];
  /** PUBLIC_URL/api/v1/documents: the base of the public documents' links (not personal). */
  documentsUrl?: string;
  /** The base of the registrants' documents' links, through the manage token. Minted at send time. */
  manageDocumentsUrl?: string;
  [key: string]: unknown;
}

/**
 * A document an email links to (never attaches): `public` ones through PUBLIC_URL/api/v1/documents/<id>/file,
 * `registrants` ones through the recipient's manage token (minted at send time; left out without it).
 */
export interface EmailDocument {
  id: string;
  title: string;
  access: 'public' | 'registrants';
}

/** The link of one listed document, or undefined when it cannot be given (no base, or an id that is no UUID). */
export function documentLink(doc: EmailDocument, params: TemplateParams): string | undefined {
  if (!/^[0-9a-f-]{36}$/i.test(doc.id)) return undefined;
  const base = doc.access === 'public' ? params.documentsUrl : params.manageDocumentsUrl;
  return base ? safeUrl(`${base}/${doc.id}/file`) : undefined;
}

const COLORS = { brand: '#005a9c', text: '#1f2933', muted: '#52606d', border: '#d9e2ec', panel: '#f5f7fa' };
const FONT = "font-family:Arial,'Helvetica Neue',Helvetica,sans-serif;";

/** The languages written right to left. */
const RTL_LANGUAGES: readonly Language[] = ['ar'];
export const isRtlLanguage = (language: Language): boolean => RTL_LANGUAGES.includes(language);

/** `{name}` placeholders, each value escaped by `esc` (HTML) or kept raw (text). */
function fill(template: string, values: Record<string, string>, esc: (s: string) => string): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => esc(values[key] ?? ''));
}

/** Each placeholder's value, from the parameters. */
const PLACEHOLDERS: Record<string, (p: TemplateParams) => string> = {
  title: (p) => oneLine(p.dialogueTitle ?? p.synthesisTitle),
  days: (p) => String(p.daysBefore ?? 3),
  sender: (p) => oneLine(p.senderName) || oneLine(p.spaceName) || '—',
  name: (p) => oneLine(p.recipientName),
  delegation: (p) => oneLine(p.delegationName),
  seats: (p) => String(p.seats ?? ''),
  url: (p) => oneLine(p.webhookUrl),
  failures: (p) => String(p.failures ?? ''),
};

/** Only the placeholders `template` names: a subject needs one or two of the eight. */
function valuesIn(template: string, params: TemplateParams): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [, key] of template.matchAll(/\{(\w+)\}/g))
    if (Object.hasOwn(PLACEHOLDERS, key)) values[key] = PLACEHOLDERS[key](params);
  return values;
}

/**
 * Renders every email kind in English, French, Spanish and Arabic: an HTML part built from tables
 * with inline styles (what Outlook, Gmail and Apple Mail all display the same way) and a plain-text
 * part with the same content. The language falls back to English. Arabic is right to left: the
 * HTML carries `dir="rtl"` (on <html>, <body> and the layout tables, as some clients drop the
 * outer ones) and its inline styles mirror (text-align right, margins and borders on the right);
 * links, addresses and dates stay in their own direction (`dir="ltr"` on URLs).
 */
@Injectable()
export class TemplateRenderer {
  /** The subject line alone (what the outbox lists before the body is rendered for sending). */
  subject(kind: EmailKind, language: Language, params: TemplateParams): string {
    // Written for every row of an admission batch: only the placeholders the subject names are
    // worked out (all eight cost the API 3 % of its CPU per registration in a rush).
    const template = this.subjectTemplate(this.messagesOf(kind, language), params);
    return withoutBidiControls(oneLine(fill(template, valuesIn(template, params), (s) => s))).slice(0, 250);
  }

  private messagesOf(kind: EmailKind, language: Language) {
    const lang: Language = (LANGUAGES as readonly string[]).includes(language) ? language : 'en';
    const k: EmailKind = (EMAIL_KINDS as readonly string[]).includes(kind) ? kind : 'space_message';
    return { lang, k, m: KIND_MESSAGES[lang][k], c: COMMON_MESSAGES[lang] };
  }

  private subjectTemplate({ k, m, c }: ReturnType<TemplateRenderer['messagesOf']>, params: TemplateParams): string {
    return k === 'invitation' && params.isReminder ? c.invitationReminderSubject : m.subject;
  }

  private start(kind: EmailKind, language: Language, params: TemplateParams) {
    const messages = this.messagesOf(kind, language);
    const values: Record<string, string> = Object.fromEntries(
      Object.entries(PLACEHOLDERS).map(([key, valueOf]) => [key, valueOf(params)]),
    );
    const subject = withoutBidiControls(oneLine(fill(this.subjectTemplate(messages, params), values, (s) => s))).slice(
      0,
      250,
    );
    return { ...messages, values, subject };
  }

  render(kind: EmailKind, language: Language, params: TemplateParams): RenderedEmail {
    const { lang, k, m, c, values, subject } = this.start(kind, language, params);
    const raw = (s: string) => s;

    const greeting = values['name'] ? c.greetingNamed : c.greeting;
    const body = values['days'] === '1' && m.bodyOneDay ? m.bodyOneDay : m.body;
    const paragraphs = [...(k === 'invitation' && params.isReminder ? [c.invitationReminderIntro] : []), ...body];
    const details: [string, string][] = [];
    if (params.dialogueWhen) details.push([c.when, oneLine(params.dialogueWhen)]);
    if (params.dialogueVenue) details.push([c.where, oneLine(params.dialogueVenue)]);
    const onlineUrl = safeUrl(params.onlineUrl);
    if (onlineUrl) details.push([c.online, onlineUrl]);
    const spaces = (params.spaces ?? []).map(
      (s) => `${oneLine(s.name)} (${c.statuses[s.status] ?? oneLine(s.status)})`,
    );
    const links = (docs: EmailDocument[] | undefined) =>
      (docs ?? []).flatMap((d) => {
        const url = documentLink(d, params);
        return url ? [{ title: oneLine(d.title) || url, url }] : [];
      });
    const agenda = (params.agenda ?? []).map((a) => ({
      when: oneLine(a.when),
      title: oneLine(a.title),
      where: oneLine(a.where),
      documents: links(a.documents),
    }));
    const documents = links(params.documents);
    const message = typeof params.message === 'string' ? params.message.replace(/\r\n?/g, '\n').trim() : '';
    const reason = typeof params.reason === 'string' ? params.reason.trim() : '';
    const ctaUrl =
      m.cta === 'register'
        ? safeUrl(params.registerUrl)
        : m.cta === 'manage'
          ? safeUrl(params.manageUrl)
          : m.cta === 'password'
            ? safeUrl(params.passwordUrl)
            : m.cta === 'delegation'
              ? safeUrl(params.delegationUrl)
              : m.cta === 'confirm'
                ? safeUrl(params.confirmUrl)
                : m.cta === 'view'
                  ? safeUrl(params.viewUrl ?? params.synthesisUrl)
                  : undefined;
    // A public page is not a personal link: no "do not forward" under it.
    const personal = m.cta !== 'view';
    const leaveUrl = m.leave ? safeUrl(params.leaveUrl) : undefined;
    const declineUrl = k === 'invitation' ? safeUrl(params.declineUrl) : undefined;
    const messageLabel = k === 'space_message' ? values['sender'] : c.messageFromOrganizers;

    // ── plain text ────────────────────────────────────────────────────────────────────────
    const t: string[] = [fill(greeting, values, raw), ''];
    for (const p of paragraphs) t.push(fill(p, values, raw), '');
    if (details.length) {
      for (const [label, value] of details) t.push(`${label}: ${value}`);
      t.push('');
    }
    if (spaces.length) t.push(`${c.spaces}:`, ...spaces.map((s) => `  - ${s}`), '');
    if (agenda.length)
      t.push(
        `${c.agenda}:`,
        ...agenda.flatMap((a) => [
          `  - ${a.when}  ${a.title}${a.where ? ` (${a.where})` : ''}`,
          ...a.documents.map((d) => `      ${c.itemDocuments}: ${d.title} <${d.url}>`),
        ]),
        '',
      );
    if (documents.length) t.push(`${c.documents}:`, ...documents.map((d) => `  - ${d.title}: ${d.url}`), '');
    if (message) t.push(`${messageLabel}:`, ...message.split('\n').map((l) => `  ${l}`), '');
    if (reason) t.push(`${c.reason}: ${reason}`, '');
    if (ctaUrl && m.ctaLabel) t.push(`${m.ctaLabel}:`, ctaUrl, '', ...(personal ? [c.manageHint, ''] : []));
    if (declineUrl) t.push(c.declineIntro, `${c.declineLabel}: ${declineUrl}`, '');
    if (leaveUrl && m.leave) t.push(m.leave.intro, `${m.leave.label}: ${leaveUrl}`, '');
    t.push('--', c.footer);
    const text = t.join('\n');

    // ── HTML ──────────────────────────────────────────────────────────────────────────────
    const e = escapeHtml;
    const rtl = isRtlLanguage(lang);
    const dir = rtl ? 'rtl' : 'ltr';
    /** The side a line starts on, and the other one (inline styles, as logical CSS properties are not read everywhere). */
    const start = rtl ? 'right' : 'left';
    const end = rtl ? 'left' : 'right';
    const ALIGN = `text-align:${start};`;
    const p = (inner: string, style = '') =>
      `<p dir="${dir}" style="margin:0 0 16px 0;${FONT}${ALIGN}font-size:16px;line-height:24px;color:${COLORS.text};${style}">${inner}</p>`;
    const h: string[] = [];
    h.push(p(e(fill(greeting, values, raw))));
    for (const para of paragraphs) h.push(p(fill(para, values, e)));
    if (details.length) {
      h.push(
        `<table role="presentation" dir="${dir}" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 16px 0;background:${COLORS.panel};border:1px solid ${COLORS.border};">` +
          details
            .map(
              ([label, value]) =>
                `<tr><td style="padding:8px 12px;${FONT}${ALIGN}font-size:14px;color:${COLORS.muted};width:90px;vertical-align:top;">${e(label)}</td>` +
                `<td style="padding:8px 12px;${FONT}${ALIGN}font-size:14px;color:${COLORS.text};">${
                  label === c.online
                    ? `<a href="${e(value)}" dir="ltr" style="color:${COLORS.brand};">${e(value)}</a>`
                    : e(value)
                }</td></tr>`,
            )
            .join('') +
          '</table>',
      );
    }
    if (spaces.length) {
      h.push(p(`<strong>${e(c.spaces)}</strong>`, 'margin-bottom:4px;'));
      h.push(
        `<ul dir="${dir}" style="margin:0;margin-bottom:16px;margin-${start}:20px;padding:0;${FONT}${ALIGN}font-size:15px;color:${COLORS.text};">${spaces.map((s) => `<li>${e(s)}</li>`).join('')}</ul>`,
      );
    }
    if (agenda.length) {
      h.push(p(`<strong>${e(c.agenda)}</strong>`, 'margin-bottom:4px;'));
      h.push(
        `<table role="presentation" dir="${dir}" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 16px 0;border-top:1px solid ${COLORS.border};">` +
          agenda
            .map(
              (a) =>
                `<tr><td style="padding:6px 0;padding-${end}:8px;${FONT}${ALIGN}font-size:14px;color:${COLORS.muted};white-space:nowrap;vertical-align:top;border-bottom:1px solid ${COLORS.border};">${e(a.when)}</td>` +
                `<td style="padding:6px 0;${FONT}${ALIGN}font-size:14px;color:${COLORS.text};border-bottom:1px solid ${COLORS.border};">${e(a.title)}${
                  a.where ? `<br><span style="color:${COLORS.muted};">${e(a.where)}</span>` : ''
                }${a.documents
                  .map(
                    (d) => `<br><a href="${e(d.url)}" style="color:${COLORS.brand};font-size:13px;">${e(d.title)}</a>`,
                  )
                  .join('')}</td></tr>`,
            )
            .join('') +
          '</table>',
      );
    }
    if (documents.length) {
      h.push(p(`<strong>${e(c.documents)}</strong>`, 'margin-bottom:4px;'));
      h.push(
        `<ul dir="${dir}" style="margin:0;margin-bottom:16px;margin-${start}:20px;padding:0;${FONT}${ALIGN}font-size:15px;color:${COLORS.text};">${documents
          .map((d) => `<li><a href="${e(d.url)}" style="color:${COLORS.brand};">${e(d.title)}</a></li>`)
          .join('')}</ul>`,
      );
    }
    if (message) {
      h.push(
        `<table role="presentation" dir="${dir}" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 16px 0;"><tr><td style="border-${start}:4px solid ${COLORS.brand};padding:8px 12px;background:${COLORS.panel};${FONT}${ALIGN}font-size:15px;line-height:22px;color:${COLORS.text};">` +
          `<strong>${e(messageLabel)}</strong><br>${e(message).replace(/\n/g, '<br>')}</td></tr></table>`,
      );
    }
    if (reason) h.push(p(`<strong>${e(c.reason)}:</strong> ${e(reason)}`));
    if (ctaUrl && m.ctaLabel) {
      h.push(
        `<table role="presentation" dir="${dir}" align="${start}" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 16px 0;"><tr><td bgcolor="${COLORS.brand}" style="border-radius:4px;">` +
          `<a href="${e(ctaUrl)}" style="display:inline-block;padding:12px 24px;${FONT}font-size:16px;font-weight:bold;color:#ffffff;text-decoration:none;border-radius:4px;">${e(m.ctaLabel)}</a>` +
          '</td></tr></table>',
      );
      h.push(
        p(
          `${e(c.linkFallback)}<br><a href="${e(ctaUrl)}" dir="ltr" style="color:${COLORS.brand};word-break:break-all;">${e(ctaUrl)}</a>`,
          `font-size:13px;line-height:18px;color:${COLORS.muted};`,
        ),
      );
      if (personal) h.push(p(e(c.manageHint), `font-size:13px;line-height:18px;color:${COLORS.muted};`));
    }
    if (declineUrl) {
      h.push(
        p(
          `${e(c.declineIntro)} <a href="${e(declineUrl)}" style="color:${COLORS.brand};">${e(c.declineLabel)}</a>`,
          `font-size:14px;color:${COLORS.muted};`,
        ),
      );
    }

    if (leaveUrl && m.leave) {
      h.push(
        p(
          `${e(m.leave.intro)} <a href="${e(leaveUrl)}" style="color:${COLORS.brand};">${e(m.leave.label)}</a>`,
          `font-size:14px;color:${COLORS.muted};`,
        ),
      );
    }

    const html =
      `<!DOCTYPE html><html lang="${lang}" dir="${dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
      `<meta name="color-scheme" content="light"><title>${e(subject)}</title></head>` +
      `<body dir="${dir}" style="margin:0;padding:0;background:${COLORS.panel};">` +
      `<table role="presentation" dir="${dir}" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:${COLORS.panel};"><tr><td align="center" style="padding:24px 12px;">` +
      `<table role="presentation" dir="${dir}" width="600" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:600px;background:#ffffff;border:1px solid ${COLORS.border};">` +
      `<tr><td dir="ltr" style="background:${COLORS.brand};padding:16px 24px;${FONT}${ALIGN}font-size:14px;font-weight:bold;letter-spacing:1px;color:#ffffff;">GFMD</td></tr>` +
      `<tr><td dir="${dir}" style="padding:24px;${ALIGN}">` +
      `<h1 dir="${dir}" style="margin:0 0 16px 0;${FONT}${ALIGN}font-size:22px;line-height:28px;color:${COLORS.text};">${e(m.heading)}</h1>` +
      h.join('') +
      `</td></tr><tr><td dir="${dir}" style="padding:16px 24px;border-top:1px solid ${COLORS.border};${FONT}${ALIGN}font-size:12px;color:${COLORS.muted};">${e(c.footer)}</td></tr>` +
      '</table></td></tr></table></body></html>';

    // Names and titles come from rows: any bidi control a row still holds is dropped from every
    // part (the API refuses them in what it is given; docs/i18n.md, "Bidirectional text").
    return { subject, html: withoutBidiControls(html), text: withoutBidiControls(text) };
  }
}

export { escapeHtml, oneLine };
