import type { EmailKind, Language } from '@gfmd/contracts';
import type { RenderedEmail, TemplateParams, TemplateRenderer } from '../templates/template-renderer';

/** What an outbox row holds to make its email's content. */
export interface StoredContent {
  kind: EmailKind;
  language: Language;
  subject: string;
  html: string | null;
  text: string | null;
  params: TemplateParams | null;
}

/**
 * The email a row stands for: its stored body when it has one (rows of earlier versions),
 * otherwise the templates rendered from its parameters. The subject is the stored one, the
 * line the outbox has listed all along.
 */
export function emailContent(renderer: TemplateRenderer, row: StoredContent): RenderedEmail {
  if (row.html !== null && row.text !== null) return { subject: row.subject, html: row.html, text: row.text };
  const rendered = renderer.render(row.kind, row.language, row.params ?? {});
  return { ...rendered, subject: row.subject };
}
