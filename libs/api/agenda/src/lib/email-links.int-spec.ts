import { AppConfig, hashToken } from '@gfmd/api-platform';
import { createMailTestApp, type MailTestApp, obliterateQueues } from '@gfmd/api-mail/testing';
import { InvitationsModule } from '@gfmd/api-invitations';
import { RegistrationsModule } from '@gfmd/api-registrations';
import { SpacesModule } from '@gfmd/api-spaces';
import { type ApiClient, DAY, DialogueFactory, type ReceivedMail, SmtpSink } from '@gfmd/api-testing';
import type { Dialogue, EmailKind } from '@gfmd/contracts';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { AgendaModule } from './agenda.module';
import { sharedSessionId } from './testing/agenda-fixture';

jest.setTimeout(120_000);

const kindOf = (mail: ReceivedMail) => mail.parsed.headers.get('x-gfmd-kind') as EmailKind;
const urlsOf = (mail: ReceivedMail) => [
  ...new Set([...`${mail.parsed.text ?? ''}`.matchAll(/https?:\/\/[^\s<>"')]+/g)].map((m) => m[0])),
];
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * Every personal link of every email kind, end to end: the emails the SMTP sink receives carry
 * links that work (a manage link opens the manage view and its agenda.ics), and no live token is
 * at rest anywhere — in no column of any table, nor in the queue's Redis keys — before or after
 * its email is sent.
 */
describe('Email links (integration: registration, invitation, agenda → worker → SMTP)', () => {
  let sink: SmtpSink;
  let sut: MailTestApp;
  let organizer: ApiClient;
  let coordinator: { id: string; client: ApiClient };
  let publicUrl: string;
  /** Every live token read in an email, with the kind of its email. */
  const tokens = new Map<string, EmailKind>();
  /** Kinds whose links were followed. */
  const followed = new Set<EmailKind>();

  beforeAll(async () => {
    sink = await SmtpSink.start();
    sut = await createMailTestApp({
      sink,
      database: 'gfmd_test_email_links',
      modules: [SpacesModule, RegistrationsModule, InvitationsModule, AgendaModule],
      env: { REMINDER_DAYS_BEFORE: '3', AGENDA_UPDATE_COALESCE_MS: '300' },
    });
    organizer = (await sut.staff('organizer')).client;
    coordinator = await sut.staff('coordinator');
    publicUrl = sut.app.get(AppConfig).publicUrl;
  });
  afterAll(async () => {
    await sut.close();
    await sink.close();
    await obliterateQueues(sut.prefix);
  });

  const person = (over: Record<string, unknown> = {}) => ({
    email: `links-${randomUUID()}@test.gfmd`,
    firstName: 'Amina',
    lastName: 'Diallo',
    organization: 'Migrant Forum',
    stakeholderGroup: 'civil_society',
    country: 'SN',
    preferredLanguage: 'en',
    consent: true,
    ...over,
  });
  const register = async (d: Dialogue, over: Record<string, unknown> = {}) => {
    const body = person(over);
    const res = await sut.api.post(`/dialogues/${d.id}/registrations`, body);
    expect(res.status).toBe(201);
    return { id: res.body.id as string, email: body.email as string };
  };
  /** The one email of a kind to an address, once it has arrived. */
  const mailOf = async (to: string, kind: EmailKind, n = 1) => {
    await sink.waitFor(() => sink.to(to).filter((m) => kindOf(m) === kind).length >= n, 30_000, `${kind} to ${to}`);
    return sink.to(to).filter((m) => kindOf(m) === kind)[n - 1];
  };
  const status = async (url: string, init?: RequestInit) => (await fetch(url, init)).status;

  /** Follows every link of an email (against this test's server) and expects each to answer 200. */
  const follow = async (mail: ReceivedMail) => {
    const kind = kindOf(mail);
    followed.add(kind);
    const urls = urlsOf(mail);
    for (const url of urls) {
      expect(url.startsWith(`${publicUrl}/`)).toBe(true);
      // Web pages are linked at the email's language (`/en/manage/…`, docs/i18n.md "Web addresses").
      expect(url.slice(publicUrl.length)).toMatch(/^\/(en|fr|es|ar)\//);
      const path = url.slice(publicUrl.length).replace(/^\/(en|fr|es|ar)(?=\/)/, '');
      const manage = /^\/manage\/([^/?#]+)$/.exec(path);
      const register = /^\/dialogues\/([0-9a-f-]{36})\/register\?invitation=([^&#]+)$/.exec(path);
      const decline = /^\/invitations\/decline\/([^/?#]+)$/.exec(path);
      if (manage) {
        expect(manage[1]).toMatch(TOKEN);
        tokens.set(manage[1], kind);
        // What the web app's manage page asks of the API: the registration, and the personal calendar.
        expect({ url, status: await status(`${sut.baseUrl}/api/v1/registrations/manage/${manage[1]}`) }).toEqual({
          url,
          status: 200,
        });
        const ics = await fetch(`${sut.baseUrl}/api/v1/registrations/manage/${manage[1]}/agenda.ics`);
        expect({ url: `${url}/agenda.ics`, status: ics.status }).toEqual({ url: `${url}/agenda.ics`, status: 200 });
        expect(await ics.text()).toContain('BEGIN:VCALENDAR');
      } else if (register) {
        expect(register[2]).toMatch(TOKEN);
        tokens.set(register[2], kind);
        // The register page shows the dialogue; the token is live (its decline page opens, changing nothing).
        expect(await status(`${sut.baseUrl}/api/v1/dialogues/${register[1]}`)).toBe(200);
        expect(await status(`${sut.baseUrl}/api/v1/invitations/decline/${register[2]}`)).toBe(200);
      } else if (decline) {
        expect(decline[1]).toMatch(TOKEN);
        tokens.set(decline[1], kind);
        // What the web app's decline page asks of the API (it declines only when the invitee confirms).
        expect({ url, status: await status(`${sut.baseUrl}/api/v1${path}`) }).toEqual({ url, status: 200 });
      } else {
        throw new Error(`a link this test does not know how to follow: ${url}`);
      }
    }
    return urls;
  };
  const manageTokenOf = (mail: ReceivedMail) =>
    /\/manage\/([A-Za-z0-9_-]{43})/.exec(mail.parsed.text ?? '')?.[1] as string;

  /** Every row of every table (cast to text) and every Redis key of the queues that holds one of `needles`. */
  const findAtRest = async (needles: string[]): Promise<string[]> => {
    const found: string[] = [];
    const tables: { table_name: string }[] = await sut.dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    for (const { table_name } of tables) {
      const rows: { tok: string }[] = await sut.dataSource.query(
        `SELECT DISTINCT tok FROM "${table_name}" AS x, unnest($1::text[]) AS tok WHERE position(tok IN x::text) > 0`,
        [needles],
      );
      for (const r of rows) found.push(`${table_name}: ${r.tok}`);
    }
    const redis = new Redis(sut.app.get(AppConfig).redisUrl);
    try {
      for (const key of await redis.keys(`${sut.prefix}*`)) {
        const type = await redis.type(key);
        const values =
          type === 'hash'
            ? Object.values(await redis.hgetall(key))
            : type === 'string'
              ? [(await redis.get(key)) ?? '']
              : type === 'list'
                ? await redis.lrange(key, 0, -1)
                : type === 'zset' || type === 'set'
                  ? type === 'set'
                    ? await redis.smembers(key)
                    : await redis.zrange(key, 0, -1)
                  : [];
        for (const needle of needles) if (values.some((v) => v.includes(needle))) found.push(`redis ${key}: ${needle}`);
      }
    } finally {
      redis.disconnect();
    }
    return found;
  };

  it('sends every kind with links that work, and keeps no live token at rest before or after sending', async () => {
    const sessionId = await sharedSessionId(organizer);
    // ── a dialogue of one seat with a coordinated space: confirmation, waitlisted, cancelled, promoted ──
    const a = await DialogueFactory.createPublished(organizer, { informalSessionId: sessionId, capacity: 1 });
    const space = await organizer.post(`/dialogues/${a.id}/spaces`, {
      name: 'Civil Society space',
      kind: 'civil_society',
      coordinatingGroup: 'civil_society',
      coordinatorUserIds: [coordinator.id],
    });
    expect(space.status).toBe(201);
    const p1 = await register(a, { spaceIds: [space.body.id] });
    const p2 = await register(a, { spaceIds: [space.body.id], preferredLanguage: 'fr' });

    // Before anything is sent, the rows name their links and hold none.
    const unsent: { params: Record<string, unknown> }[] = await sut.dataSource.query(
      `SELECT params FROM outbound_emails WHERE registration_id = ANY($1::uuid[])`,
      [[p1.id, p2.id]],
    );
    for (const row of unsent) {
      expect(row.params['links']).toBe('manage');
      expect(Object.keys(row.params)).not.toEqual(expect.arrayContaining(['manageUrl']));
    }

    const confirmation = await mailOf(p1.email, 'confirmation');
    await follow(confirmation);
    await follow(await mailOf(p2.email, 'waitlisted'));
    expect((await sut.api.post(`/registrations/manage/${manageTokenOf(confirmation)}/cancel`)).status).toBe(200);
    await follow(await mailOf(p1.email, 'cancelled'));
    const promoted = await mailOf(p2.email, 'promoted');
    await follow(promoted);

    // ── agenda, agenda update (a further manage token opens the agenda.ics too), space message ──
    const item = {
      kind: 'panel',
      speakers: [],
      title: 'Opening',
      startsAt: a.startsAt,
      endsAt: new Date(Date.parse(a.startsAt) + 3_600_000).toISOString(),
    };
    expect((await organizer.post(`/dialogues/${a.id}/agenda-items`, item)).status).toBe(201);
    expect((await organizer.post(`/dialogues/${a.id}/agenda/send`)).status).toBe(202);
    await follow(await mailOf(p2.email, 'agenda'));
    const second = {
      ...item,
      title: 'Closing',
      startsAt: item.endsAt,
      endsAt: new Date(Date.parse(item.endsAt) + 3_600_000).toISOString(),
    };
    expect((await organizer.post(`/dialogues/${a.id}/agenda-items`, second)).status).toBe(201);
    await follow(await mailOf(p2.email, 'agenda_update'));
    const message = await coordinator.client.post(`/spaces/${space.body.id}/messages`, {
      message: 'Welcome to the space',
    });
    expect(message.body).toMatchObject({ queued: 1, skipped: 0 });
    await follow(await mailOf(p2.email, 'space_message'));

    // ── approval: pending, approved, declined ──
    const c = await DialogueFactory.createPublished(organizer, {
      informalSessionId: sessionId,
      approvalRequired: true,
    });
    const p3 = await register(c);
    const p4 = await register(c);
    await follow(await mailOf(p3.email, 'pending'));
    expect((await organizer.post(`/registrations/${p3.id}/approve`)).status).toBe(200);
    expect((await organizer.post(`/registrations/${p4.id}/decline`)).status).toBe(200);
    await follow(await mailOf(p3.email, 'approved'));
    await follow(await mailOf(p4.email, 'declined'));

    // ── reminder: a dialogue moved to within REMINDER_DAYS_BEFORE days gets its round ──
    const b = await DialogueFactory.createPublished(organizer, { informalSessionId: sessionId });
    const p5 = await register(b);
    // Opening the confirmation's manage link confirms the address: reminders go to confirmed addresses only.
    await follow(await mailOf(p5.email, 'confirmation'));
    const startsAt = new Date(Date.now() + 2 * DAY);
    const moved = await organizer.patch(`/dialogues/${b.id}`, {
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + DAY / 3).toISOString(),
    });
    expect(moved.status).toBe(200);
    await follow(await mailOf(p5.email, 'reminder'));

    // ── invitation, resent: both emails' links work ──
    const invitee = `invitee-${randomUUID()}@test.gfmd`;
    expect((await organizer.post(`/dialogues/${a.id}/invitations`, { recipients: [{ email: invitee }] })).status).toBe(
      202,
    );
    const firstInvitation = await mailOf(invitee, 'invitation');
    await follow(firstInvitation);
    const [invitation] = (await organizer.get(`/dialogues/${a.id}/invitations`)).body.items;
    expect((await organizer.post(`/invitations/${invitation.id}/resend`)).status).toBe(202);
    const resent = await mailOf(invitee, 'invitation', 2);
    expect(await follow(resent)).not.toEqual(urlsOf(firstInvitation));
    expect(resent.raw).toMatch(/List-Unsubscribe:\s+<http/);
    await follow(firstInvitation); // the first email's link still works after the resend

    expect([...followed].sort()).toEqual(
      [
        'agenda',
        'agenda_update',
        'approved',
        'cancelled',
        'confirmation',
        'declined',
        'invitation',
        'pending',
        'promoted',
        'reminder',
        'space_message',
        'waitlisted',
      ].sort(),
    );
    const kindsWithLinks = new Set(tokens.values());
    for (const kind of [
      'agenda',
      'agenda_update',
      'approved',
      'confirmation',
      'invitation',
      'pending',
      'promoted',
      'reminder',
      'space_message',
      'waitlisted',
    ]) {
      expect([kind, kindsWithLinks.has(kind as EmailKind)]).toEqual([kind, true]);
    }

    // ── no live token at rest: not in any table (only their hashes), nor in Redis ──
    const live = [...tokens.keys()];
    expect(live).toHaveLength(12); // ten manage links (the reminder participant opened their confirmation too), two invitation tokens (register and decline share one)
    expect(await findAtRest(live)).toEqual([]);
    const hashes: { n: number }[] = await sut.dataSource.query(
      `SELECT count(*)::int AS n FROM (SELECT token_hash FROM registration_manage_tokens UNION ALL SELECT token_hash FROM invitation_tokens) h
        WHERE token_hash = ANY($1::text[])`,
      [live.map(hashToken)],
    );
    expect(hashes[0].n).toBe(live.length);

    // And the oldest invitation link still registers.
    const oldToken = /invitation=([A-Za-z0-9_-]{43})/.exec(firstInvitation.parsed.text ?? '')![1];
    const registered = await sut.api.post(
      `/dialogues/${a.id}/registrations`,
      person({ email: invitee, invitationToken: oldToken }),
    );
    expect(registered.status).toBe(201);
  });
  it('a confirmation carries the agenda, when there is one, and the personal .ics', async () => {
    const sessionId = await sharedSessionId(organizer);
    const d = await DialogueFactory.createPublished(organizer, { informalSessionId: sessionId, capacity: 5 });
    const space = await organizer.post(`/dialogues/${d.id}/spaces`, { name: 'Business space', kind: 'business' });
    const at = (h: number) => new Date(Date.parse(d.startsAt) + h * 3_600_000).toISOString();
    const post = (body: Record<string, unknown>) =>
      organizer.post(`/dialogues/${d.id}/agenda-items`, { kind: 'panel', speakers: [], ...body });
    expect((await post({ title: 'Opening plenary', startsAt: at(0), endsAt: at(1) })).status).toBe(201);
    expect(
      (await post({ title: 'Business roundtable', spaceId: space.body.id, startsAt: at(1), endsAt: at(2) })).status,
    ).toBe(201);

    const withSpace = await register(d, { spaceIds: [space.body.id], preferredLanguage: 'fr' });
    const without = await register(d);
    const mail = await mailOf(withSpace.email, 'confirmation');
    expect(mail.parsed.text).toContain('Opening plenary');
    expect(mail.parsed.text).toContain('Business roundtable');
    const [ics] = mail.parsed.attachments.filter((a) => a.filename === 'agenda.ics');
    expect(ics.contentType).toBe('text/calendar');
    const calendar = ics.content.toString('utf8');
    expect(calendar).toContain('BEGIN:VCALENDAR');
    expect(calendar).toContain('SUMMARY:Opening plenary');
    expect(calendar).toContain('SUMMARY:Business roundtable');
    // Only the person's own items: no seat in the space, no space item.
    const other = await mailOf(without.email, 'confirmation');
    const otherIcs = other.parsed.attachments.find((a) => a.filename === 'agenda.ics')!.content.toString('utf8');
    expect(otherIcs).toContain('SUMMARY:Opening plenary');
    expect(otherIcs).not.toContain('Business roundtable');

    // No agenda yet: the confirmation goes without one.
    const bare = await DialogueFactory.createPublished(organizer, { informalSessionId: sessionId });
    const early = await register(bare);
    expect((await mailOf(early.email, 'confirmation')).parsed.attachments).toEqual([]);
  });
});
