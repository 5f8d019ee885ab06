// The "GFMD Dialogues is running" summary printed once the API answers.
import { c } from './output.mjs';
import { redactUrl, seconds } from './processes.mjs';

/**
 * `origin`/`notes`: per service (postgres, redis, smtp) whether it is embedded and how;
 * `timings.build` undefined when the build was skipped.
 */
export function printBanner({ port, env, adminFromEnv, inboxUrl, origin, notes, timings }) {
  const appUrl = `http://localhost:${port}`;
  const describe = (key, envName) =>
    origin[key] === 'embedded'
      ? `embedded  ${c.dim(notes[key])}`
      : `external  ${c.dim(redactUrl(process.env[envName]))}`;
  const rows = [
    ['App', `${appUrl}/`],
    ...(env.PUBLIC_URL.replace(/\/+$/, '') !== appUrl ? [['Public URL', env.PUBLIC_URL]] : []),
    ['API docs', `${appUrl}/api/docs`],
    ['Queues', `${appUrl}/admin/queues ${c.dim('(admins)')}`],
    ['Mail inbox', inboxUrl ?? c.dim('none (SMTP_URL points at an external server)')],
    ['Admin', `${env.ADMIN_EMAIL}  /  ${adminFromEnv ? c.dim('(password from ADMIN_PASSWORD)') : env.ADMIN_PASSWORD}`],
    ['', c.dim('(the admin is created when the database has no user; later changes do not alter it)')],
    ['PostgreSQL', describe('postgres', 'DATABASE_URL')],
    ['Redis', describe('redis', 'REDIS_URL')],
    ['SMTP', describe('smtp', 'SMTP_URL')],
    [
      'Ready in',
      `${seconds(performance.now())} ${c.dim(
        `(build ${timings.build === undefined ? 'skipped' : seconds(timings.build)}, services ${seconds(timings.services)}, api ${seconds(timings.api)})`,
      )}`,
    ],
  ];
  const lines = rows.map(([label, value]) => `  ${c.bold(label.padEnd(11))} ${value}`);
  console.log(
    ['', c.green(c.bold('  GFMD Dialogues is running')), '', ...lines, '', c.dim('  Press Ctrl-C to stop.'), ''].join(
      '\n',
    ),
  );
}
