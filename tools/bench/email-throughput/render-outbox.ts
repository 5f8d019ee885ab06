/**
 * For the email-throughput baseline: the invitation emails of a dialogue as the worker sends
 * them, as JSON on stdout — the body rendered from each outbox row's parameters with links of the
 * minted shape (a fresh 43-character token in the register and decline URLs, as InvitationLinks
 * makes them), through the worker's own EmailComposer (URLs in the reader's language,
 * List-Unsubscribe), plus the headers the worker adds (X-GFMD-Kind, the row's Message-ID).
 * Run with ts-node (swc) + tsconfig-paths, as run.mjs does:
 *   node -r ts-node/register -r tsconfig-paths/register tools/bench/email-throughput/render-outbox.ts <databaseUrl> <dialogueId> <publicUrl>
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { AppConfig } from '../../../libs/api/platform/src';
import { MailLinkHooks } from '../../../libs/api/mail/src/lib/delivery/mail-link-hooks';
import { EmailComposer } from '../../../libs/api/mail/src/lib/outbox/email-composer';
import { TemplateRenderer } from '../../../libs/api/mail/src/lib/templates/template-renderer';

async function main() {
  const [databaseUrl, dialogueId, publicUrl] = process.argv.slice(2);
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const { rows } = await db.query(
    `SELECT id, kind, recipient, language, subject, html, text, params, headers, dialogue_id, registration_id, invitation_id
       FROM outbound_emails WHERE dialogue_id = $1 AND kind = 'invitation'`,
    [dialogueId],
  );
  await db.end();
  // compose() reads the renderer and PUBLIC_URL only (no database: the links are made here).
  const composer = new EmailComposer(
    new TemplateRenderer(),
    new MailLinkHooks(),
    undefined as never,
    {
      publicUrl,
    } as AppConfig,
  );
  const out = rows.map((r) => {
    const token = randomBytes(32).toString('base64url');
    const links = {
      registerUrl: `${publicUrl}/dialogues/${r.dialogue_id}/register?invitation=${token}`,
      declineUrl: `${publicUrl}/invitations/decline/${token}`,
      unsubscribeUrl: `${publicUrl}/api/v1/invitations/decline/${token}`,
    };
    const { content, headers } = composer.compose(
      {
        id: r.id,
        kind: r.kind,
        language: r.language,
        subject: r.subject,
        html: r.html,
        text: r.text,
        params: r.params,
        headers: r.headers ?? {},
        registrationId: r.registration_id,
        invitationId: r.invitation_id,
      },
      links,
    );
    return {
      recipient: r.recipient,
      messageId: `<${r.id}@gfmd.local>`,
      headers: { ...headers, 'X-GFMD-Kind': r.kind },
      ...content,
    };
  });
  process.stdout.write(JSON.stringify(out));
}

main().catch((error: Error) => {
  process.stderr.write(`render-outbox: ${error.message}\n`);
  process.exit(1);
});
