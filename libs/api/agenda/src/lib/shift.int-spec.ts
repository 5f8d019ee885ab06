import { createMailTestApp, type MailTestApp, obliterateQueues } from '@gfmd/api-mail/testing';
import { OutboxService, type TemplateParams } from '@gfmd/api-mail';
import { inTransaction } from '@gfmd/api-platform';
import { RegistrationsModule } from '@gfmd/api-registrations';
import { SpacesModule } from '@gfmd/api-spaces';
import { type ApiClient, DAY, type ReceivedMail, SmtpSink } from '@gfmd/api-testing';
import ICAL from 'ical.js';
import { AgendaModule } from './agenda.module';
import { agendaFixture, type AgendaFixture, HOUR, insertParticipant } from './testing/agenda-fixture';

jest.setTimeout(120_000);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const kindOf = (mail: ReceivedMail) => mail.parsed.headers.get('x-gfmd-kind');
const events = (ics: string) =>
  new ICAL.Component(ICAL.parse(ics))
    .getAllSubcomponents('vevent')
    .map((v) => new ICAL.Event(v))
    .map((e) => ({ uid: e.uid, sequence: e.sequence, start: e.startDate.toJSDate().toISOString() }))
    .sort((a, b) => a.uid.localeCompare(b.uid));

/**
 * POST /dialogues/:id/shift end to end: the dialogue, its whole agenda, its registration window
 * and its pending reminders move in one transaction, and each confirmed participant receives
 * (through the worker and SMTP) exactly one agenda_update with the new .ics.
 */
describe('Dialogue shift (integration: API → outbox → worker → SMTP)', () => {
  let sink: SmtpSink;
  let sut: MailTestApp;
  let organizer: ApiClient;
  let ids: { coordinatorId: string; otherCoordinatorId: string };

  beforeAll(async () => {
    sink = await SmtpSink.start();
    sut = await createMailTestApp({
      sink,
      database: 'gfmd_test_shift',
      modules: [SpacesModule, RegistrationsModule, AgendaModule],
      env: { AGENDA_UPDATE_COALESCE_MS: '300', REMINDER_DAYS_BEFORE: '3' },
    });
    organizer = (await sut.staff('organizer')).client;
    ids = {
      coordinatorId: (await sut.staff('coordinator')).id,
      otherCoordinatorId: (await sut.staff('coordinator')).id,
    };
  });
  afterAll(async () => {
    await sut.close();
    await sink.close();
    await obliterateQueues(sut.prefix);
  });

  const item = async (f: AgendaFixture, body: Record<string, unknown>) => {
    const res = await organizer.post(`/dialogues/${f.dialogue.id}/agenda-items`, {
      kind: 'panel',
      speakers: [],
      ...body,
    });
    if (res.status !== 201) throw new Error(`${res.status} ${res.text}`);
    return res.body as { id: string; startsAt: string; endsAt: string; sequence: number };
  };
  const state = async (dialogueId: string) => ({
    dialogue: (await organizer.get(`/dialogues/${dialogueId}`)).body,
    items: (
      await sut.dataSource.query(
        'SELECT id, starts_at, ends_at, sequence FROM agenda_items WHERE dialogue_id = $1 ORDER BY id',
        [dialogueId],
      )
    ).map((r: { id: string; starts_at: Date; ends_at: Date; sequence: number }) => ({
      id: r.id,
      startsAt: r.starts_at.toISOString(),
      endsAt: r.ends_at.toISOString(),
      sequence: r.sequence,
    })),
    rounds: (
      await sut.dataSource.query('SELECT starts_at FROM reminder_rounds WHERE dialogue_id = $1', [dialogueId])
    ).map((r: { starts_at: Date }) => r.starts_at.toISOString()),
    reminders: (
      await sut.dataSource.query(
        `SELECT send_after, status FROM outbound_emails WHERE dialogue_id = $1 AND kind = 'reminder'`,
        [dialogueId],
      )
    ).map((r: { send_after: Date; status: string }) => ({ sendAfter: r.send_after.toISOString(), status: r.status })),
    updates: Number(
      (
        await sut.dataSource.query(
          `SELECT count(*) AS n FROM outbound_emails WHERE dialogue_id = $1 AND kind = 'agenda_update'`,
          [dialogueId],
        )
      )[0].n,
    ),
  });
  const plus = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

  it('moves the dialogue, its agenda, its registration window and its pending reminders; one agenda_update per confirmed participant', async () => {
    const start = Date.now() + 30 * DAY;
    const f = await agendaFixture(organizer, ids, {
      dialogue: {
        registrationOpensAt: new Date(Date.now() + DAY).toISOString(),
        registrationClosesAt: new Date(start - DAY).toISOString(),
      },
    });
    // Back-to-back items in the same space and room: a one-hour shift moves each onto the
    // slot of the next, which must not trip the no-overlap constraints half-way through.
    await item(f, { spaceId: f.plenary.id, room: 'Room 1', title: 'Opening', startsAt: f.at(0), endsAt: f.at(1) });
    await item(f, { spaceId: f.plenary.id, room: 'Room 1', title: 'Keynote', startsAt: f.at(1), endsAt: f.at(2) });
    await item(f, {
      spaceId: f.civil.id,
      room: 'Room 2',
      title: 'Civil society caucus',
      startsAt: f.at(2),
      endsAt: f.at(3),
    });
    const a = await insertParticipant(sut, f.dialogue.id, { spaces: [{ spaceId: f.civil.id, status: 'confirmed' }] });
    const b = await insertParticipant(sut, f.dialogue.id, { language: 'fr' });
    const waiting = await insertParticipant(sut, f.dialogue.id, { status: 'waitlisted' });
    // A reminder round already done for the current start, and a reminder written to go out later.
    await sut.dataSource.query('INSERT INTO reminder_rounds (dialogue_id, starts_at, reminders) VALUES ($1, $2, 1)', [
      f.dialogue.id,
      f.dialogue.startsAt,
    ]);
    const outbox = sut.app.get(OutboxService);
    await inTransaction(sut.dataSource, (_m, afterCommit) =>
      outbox.write(afterCommit, [
        {
          kind: 'reminder',
          to: a.email,
          language: 'en',
          idempotencyKey: `reminder:${a.id}`,
          params: { dialogueTitle: f.dialogue.title } as TemplateParams,
          dialogueId: f.dialogue.id,
          registrationId: a.id,
          sendAfter: new Date(Date.parse(f.dialogue.startsAt) - 3 * DAY),
        },
      ]),
    );
    const uidsBefore = events((await sut.api.get(`/dialogues/${f.dialogue.id}/agenda.ics`)).text);
    const before = await state(f.dialogue.id);

    const byMinutes = 7 * 24 * 60 + 60; // a week and an hour later
    const ms = byMinutes * 60_000;
    const res = await organizer.post(`/dialogues/${f.dialogue.id}/shift`, { byMinutes });
    expect(res.status).toBe(200);
    const after = await state(f.dialogue.id);

    expect(res.body).toMatchObject({
      startsAt: plus(f.dialogue.startsAt, ms),
      endsAt: plus(f.dialogue.endsAt, ms),
      registrationOpensAt: plus(before.dialogue.registrationOpensAt, ms),
      registrationClosesAt: plus(before.dialogue.registrationClosesAt, ms),
    });
    expect(after.items).toEqual(
      before.items.map((i: { startsAt: string; endsAt: string; sequence: number }) => ({
        ...i,
        startsAt: plus(i.startsAt, ms),
        endsAt: plus(i.endsAt, ms),
        sequence: i.sequence + 1,
      })),
    );
    expect(after.rounds).toEqual([plus(f.dialogue.startsAt, ms)]);
    expect(after.reminders).toEqual([{ sendAfter: plus(before.reminders[0].sendAfter, ms), status: 'pending' }]);

    // One agenda_update per confirmed participant, none for the waiting one.
    const updates = (email: string) => sink.to(email).filter((m) => kindOf(m) === 'agenda_update');
    await sink.waitFor(() => updates(a.email).length >= 1 && updates(b.email).length >= 1, 30_000, 'agenda updates');
    await sleep(1500); // a second one would have arrived by now
    expect([updates(a.email).length, updates(b.email).length, sink.to(waiting.email).length]).toEqual([1, 1, 0]);
    expect(after.updates).toBe(2);
    const ics = updates(b.email)[0].parsed.attachments.find((x) => x.filename === 'agenda.ics');
    expect(ics).toBeDefined();
    const moved = events(ics!.content.toString('utf8'));
    // b holds no space seat: the plenary items (the civil space item is a's only).
    const plenaryUids = uidsBefore.filter((e) => moved.some((m) => m.uid === e.uid));
    expect(plenaryUids.length).toBeGreaterThanOrEqual(2);
    for (const e of plenaryUids) {
      const m = moved.find((x) => x.uid === e.uid)!;
      expect(m.sequence).toBe(e.sequence + 1);
      expect(m.start).toBe(plus(e.start, ms));
    }
    expect(events(updates(a.email)[0].parsed.attachments[0].content.toString('utf8')).length).toBe(3);
  });

  it('refuses bad shifts with a problem and changes nothing', async () => {
    const f = await agendaFixture(organizer, ids);
    const kept = await item(f, {
      spaceId: f.plenary.id,
      room: 'Room 1',
      title: 'Opening',
      startsAt: f.at(0),
      endsAt: f.at(1),
    });
    const before = await state(f.dialogue.id);
    const shift = (body: unknown, id = f.dialogue.id) => organizer.post(`/dialogues/${id}/shift`, body);

    for (const body of [{ byMinutes: 0 }, { byMinutes: 1.5 }, { byMinutes: '60' }, {}, { byMinutes: 10_000_000 }]) {
      const res = await shift(body);
      expect([JSON.stringify(body), res.status, res.body.type]).toEqual([
        JSON.stringify(body),
        400,
        'https://gfmd-dialogues.org/problems/invalid-input',
      ]);
    }
    expect((await shift({ byMinutes: 60 }, '00000000-0000-4000-8000-000000000000')).status).toBe(404);

    // Data made before the rules (written straight to the table): an item outside the dialogue…
    await sut.dataSource.query(
      `INSERT INTO agenda_items (dialogue_id, space_id, title, kind, starts_at, ends_at, speakers)
       VALUES ($1, $2, 'Late', 'panel', $3, $4, '[]')`,
      [f.dialogue.id, f.business.id, plus(f.dialogue.endsAt, HOUR), plus(f.dialogue.endsAt, 2 * HOUR)],
    );
    const outside = await shift({ byMinutes: 30 });
    expect(outside.status).toBe(422);
    expect(outside.body.type).toBe('https://gfmd-dialogues.org/problems/agenda-outside-dialogue');
    await sut.dataSource.query(`DELETE FROM agenda_items WHERE dialogue_id = $1 AND title = 'Late'`, [f.dialogue.id]);
    // …and a speaker in two places at once.
    const speaker = [{ name: 'Dr. Ana Ruiz', role: 'speaker' }];
    await sut.dataSource.query(`UPDATE agenda_items SET speakers = $2 WHERE id = $1`, [
      kept.id,
      JSON.stringify(speaker),
    ]);
    await sut.dataSource.query(
      `INSERT INTO agenda_items (dialogue_id, space_id, title, kind, starts_at, ends_at, speakers)
       VALUES ($1, $2, 'Twice', 'panel', $3, $4, $5)`,
      [f.dialogue.id, f.business.id, f.at(0), f.at(1), JSON.stringify(speaker)],
    );
    const clash = await shift({ byMinutes: 30 });
    expect(clash.status).toBe(409);
    expect(clash.body.type).toBe('https://gfmd-dialogues.org/problems/agenda-overlap');
    await sut.dataSource.query(`DELETE FROM agenda_items WHERE dialogue_id = $1 AND title = 'Twice'`, [f.dialogue.id]);
    await sut.dataSource.query(`UPDATE agenda_items SET speakers = '[]' WHERE id = $1`, [kept.id]);

    // A cancelled dialogue does not move.
    const cancelled = await agendaFixture(organizer, ids);
    await organizer.post(`/dialogues/${cancelled.dialogue.id}/cancel`);
    const closed = await shift({ byMinutes: 60 }, cancelled.dialogue.id);
    expect(closed.status).toBe(422);

    expect(await state(f.dialogue.id)).toEqual(before);
  });

  it('is for organizers and admins only', async () => {
    const f = await agendaFixture(organizer, ids);
    const coordinator = await sut.staff('coordinator');
    const admin = await sut.staff('admin');
    const call = (c: ApiClient) => c.post(`/dialogues/${f.dialogue.id}/shift`, { byMinutes: 15 });
    expect([
      (await call(sut.api)).status,
      (await call(coordinator.client)).status,
      (await call(organizer)).status,
      (await call(admin.client)).status,
    ]).toEqual([401, 403, 200, 200]);
  });
});
