import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, withManager } from '@gfmd/api-platform';
import { localizeWebUrl } from '@gfmd/contracts';
import type { DataSource } from 'typeorm';
import { type LinkRef, MailLinkHooks, type MintedLinks } from '../delivery/mail-link-hooks';
import type { RenderedEmail } from '../templates/template-renderer';
import { TemplateRenderer } from '../templates/template-renderer';
import { safeUrl } from '../templates/text.util';
import { emailContent, type StoredContent } from './email-content.util';

/** What an outbox row holds that the composer needs. */
export interface ComposableEmail extends StoredContent {
  id: string;
  headers: Record<string, string>;
  registrationId: string | null;
  invitationId: string | null;
}

export interface ComposedEmail {
  content: RenderedEmail;
  headers: Record<string, string>;
}

/** The link a row names, and whose (its registration or invitation), or null. */
export function linkRequest(row: ComposableEmail): { ref: LinkRef; id: string } | null {
  const ref = row.params?.links;
  const linkId = typeof row.params?.linkId === 'string' ? row.params.linkId : null;
  const id =
    ref === 'manage'
      ? row.registrationId
      : ref === 'invitation'
        ? row.invitationId
        : ref === 'staff' || ref === 'delegation' || ref === 'contribution' || ref === 'subscription'
          ? linkId
          : null;
  return ref && id ? { ref, id } : null;
}

/**
 * Makes the email of an outbox row at the moment it is sent: mints the personal links the row
 * names (the owning domain stores only their hashes, see MailLinkHooks), then renders the body
 * with them. The links live in memory only, for the time of the sending.
 */
@Injectable()
export class EmailComposer {
  constructor(
    private readonly renderer: TemplateRenderer,
    private readonly hooks: MailLinkHooks,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  /**
   * Mints the links of the rows that name one, one statement (committed on its own, before any of
   * them is sent) per kind of link. Answers per row id: the links, or null when the link may no
   * longer be given (registration ended, invitation used or declined, person erased). Rows naming
   * no link are absent.
   */
  async mintLinks(rows: ComposableEmail[]): Promise<Map<string, MintedLinks | null>> {
    const out = new Map<string, MintedLinks | null>();
    const wanted = rows.flatMap((row) => {
      const request = linkRequest(row);
      return request ? [{ row, request }] : [];
    });
    if (!wanted.length) return out;
    // No explicit transaction: each minter writes its hashes in one statement, atomic by itself
    // (the data source's manager is made current, whatever context the batch was started from).
    const minted = await withManager(this.dataSource.manager, () => this.hooks.mint(wanted.map((w) => w.request)));
    for (const { row, request } of wanted) out.set(row.id, minted.get(`${request.ref}:${request.id}`) ?? null);
    return out;
  }

  /** The row's content with its minted links, and its headers (List-Unsubscribe: an invitation's decline link, a synthesis subscriber's unsubscribe link). */
  compose(row: ComposableEmail, links?: MintedLinks | null): ComposedEmail {
    const params = this.inReaderLanguage({ ...(row.params ?? {}), ...(links ?? {}) }, row.language);
    const headers = { ...row.headers };
    const unsubscribeUrl =
      row.kind === 'invitation'
        ? safeUrl(params.unsubscribeUrl ?? params.declineUrl)
        : row.kind === 'synthesis_published'
          ? safeUrl(params.unsubscribeUrl)
          : undefined;
    if (unsubscribeUrl) {
      // RFC 2369 + RFC 8058: mail clients show "unsubscribe", which declines the invitation in one click.
      headers['List-Unsubscribe'] = `<${unsubscribeUrl}>`;
      headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
    }
    return { content: emailContent(this.renderer, { ...row, params }), headers };
  }

  /**
   * The links of the email to the web app's public pages (dialogue, manage link, invitation,
   * delegation, confirmations…) open the page in the email's language: `PUBLIC_URL/fr/manage/…`
   * (docs/i18n.md, "Web addresses"). Links to the API (files, one-click unsubscribe) and to staff
   * pages are left as they are.
   */
  private inReaderLanguage<T extends Record<string, unknown>>(params: T, language: string): T {
    const out: Record<string, unknown> = { ...params };
    for (const [name, value] of Object.entries(out))
      if (typeof value === 'string') out[name] = localizeWebUrl(value, this.config.publicUrl, language);
    return out as T;
  }

  /** Mints and composes one row (OutboxService.contentOf: the email as the worker would send it). */
  async composeNow(row: ComposableEmail): Promise<ComposedEmail> {
    const links = await this.mintLinks([row]);
    return this.compose(row, links.get(row.id));
  }
}
