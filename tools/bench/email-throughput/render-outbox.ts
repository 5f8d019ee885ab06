/**
 * For the email-throughput baseline: the invitation emails of a dialogue as the worker sends
 * them (the body rendered from each outbox row's parameters), as JSON on stdout.
 * Run with ts-node (swc) + tsconfig-paths, as run.mjs does:
 *   node -r ts-node/register -r tsconfig-paths/register tools/bench/email-throughput/render-outbox.ts <databaseUrl> <dialogueId>
 */
import { Client } from 'pg';
import { emailContent } from '../../../libs/api/mail/src/lib/outbox/email-content.util';
import { TemplateRenderer } from '../../../libs/api/mail/src/lib/templates/template-renderer';

async function main() {
  const [databaseUrl, dialogueId] = process.argv.slice(2);
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const { rows } = await db.query(
    `SELECT kind, recipient, language, subject, html, text, params, headers FROM outbound_emails
      WHERE dialogue_id = $1 AND kind = 'invitation'`,
    [dialogueId],
  );
  await db.end();
  const renderer = new TemplateRenderer();
  const out = rows.map((r) => ({ recipient: r.recipient, headers: r.headers, ...emailContent(renderer, r) }));
  process.stdout.write(JSON.stringify(out));
}

main().catch((error: Error) => {
  process.stderr.write(`render-outbox: ${error.message}\n`);
  process.exit(1);
});
