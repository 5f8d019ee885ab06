import { AuthModule } from '@gfmd/api-auth';
import { DialoguesModule, SeedService } from '@gfmd/api-dialogues';
import { MailModule, OutboxService } from '@gfmd/api-mail';
import { PlatformModule } from '@gfmd/api-platform';
import { SpacesModule } from '@gfmd/api-spaces';
import { createTestApp, TestApp } from '@gfmd/api-testing';
import type { ApiClient } from '@gfmd/api-testing';
import ICAL from 'ical.js';
import { AgendaModule } from './agenda.module';
import { agendaFixture, AgendaFixture, insertParticipant, TestParticipant } from './testing/agenda-fixture';

interface Row {
  id: string;
  kind: string;
  recipient: string;
  language: string;
  subject: string;
  status: string;
  idempotency_key: string;
  send_after: Date | null;
  attachments: { filename: string; contentType: string; content: string }[];
}

const uids = (ics: string) =>
  new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return { uid: e.uid, summary: e.summary, sequence: e.sequence };
  });

describe('Agenda mail (integration)', () => {
  let sut: TestApp;
  let organizer: ApiClient;
  let ids: { coordinatorId: string; otherCoordinatorId: string };

  beforeAll(async () => {
    sut = await createTestApp([PlatformModule, AuthModule, MailModule, DialoguesModule, SpacesModule, AgendaModule]);
    await sut.app.get(SeedService).seedProcess();
    organizer = (await sut.staff('organizer')).client;
    ids = {
      coordinatorId: (await sut.staff('coordinator')).id,
      otherCoordinatorId: (await sut.staff('coordinator')).id,
    };
  });
  afterAll(() => sut.close());

  const rows = async (registrationId: string, kind?: string): Promise<Row[]> =>
    sut.dataSource.query(
      `SELECT id, kind, recipient, language, subject, status, idempotency_key, send_after, attachments
         FROM outbound_emails WHERE registration_id = $1 ${kind ? 'AND kind = $2' : ''} ORDER BY created_at`,
      kind ? [registrationId, kind] : [registrationId],
    );

  const post = async (f: AgendaFixture, body: Record<string, unknown>) => {
    const res = await organizer.post(`/dialogues/${f.dialogue.id}/agenda-items`, {
      kind: 'panel',
      speakers: [],
      ...body,
    });
    if (res.status !== 201) throw new Error(`${res.status} ${res.text}`);
    return res.body;
  };

  describe('POST /dialogues/:id/agenda/send', () => {
    it('writes one personal agenda per confirmed participant, in their language, with their .ics', async () => {
      const f = await agendaFixture(organizer, ids);
      const plenary = await post(f, { spaceId: f.plenary.id, title: 'Opening', startsAt: f.at(0), endsAt: f.at(1) });
      const civil = await post(f, { spaceId: f.civil.id, title: 'Civil WG', startsAt: f.at(1), endsAt: f.at(2) });
      await post(f, { spaceId: f.business.id, title: 'Business WG', startsAt: f.at(1), endsAt: f.at(2) });
      const en = await insertParticipant(sut, f.dialogue.id, {
        language: 'en',
        spaces: [{ spaceId: f.civil.id, status: 'confirmed' }],
      });
      const fr = await insertParticipant(sut, f.dialogue.id, { language: 'fr' });
      const es = await insertParticipant(sut, f.dialogue.id, {
        language: 'es',
        spaces: [{ spaceId: f.civil.id, status: 'pending' }],
      });
      const pending = await insertParticipant(sut, f.dialogue.id, { status: 'pending' });
      const cancelled = await insertParticipant(sut, f.dialogue.id, { status: 'cancelled' });

      const res = await organizer.post(`/dialogues/${f.dialogue.id}/agenda/send`);
      expect(res.status).toBe(202);
      expect(res.body).toEqual({ queued: 3, skipped: 0, skippedBy: { addressNotConfirmed: 0, alreadySent: 0 } });

      const expectations: [TestParticipant, string, string[]][] = [
        [en, 'en', [plenary.id, civil.id]],
        [fr, 'fr', [plenary.id]],
        [es, 'es', [plenary.id]],
      ];
      for (const [p, language, itemIds] of expectations) {
        const [row] = await rows(p.id, 'agenda');
        expect(row).toMatchObject({ recipient: p.email, language });
        expect(row.subject).toContain(f.dialogue.title);
        expect(row.attachments).toHaveLength(1);
        expect(row.attachments[0]).toMatchObject({
          filename: 'agenda.ics',
          contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
        });
        expect(uids(row.attachments[0].content).map((e) => e.uid)).toEqual(itemIds.map((id) => `${id}@gfmd-dialogues`));
        // The attachment is exactly the personal calendar served through the manage link (but for DTSTAMP).
        const served = (await sut.api.get(`/registrations/manage/${p.token}/agenda.ics`)).text;
        const stampless = (s: string) => s.replace(/DTSTAMP:\d{8}T\d{6}Z/g, '');
        expect(stampless(row.attachments[0].content)).toBe(stampless(served));
        // …and the email carries a manage link of the participant's own that works.
        const { text } = (await sut.app.get(OutboxService).contentOf(row.id))!;
        const link = /\/manage\/([A-Za-z0-9_-]{40,})/.exec(text);
        expect(link).not.toBeNull();
        expect((await sut.api.get(`/registrations/manage/${link![1]}`)).body).toMatchObject({ id: p.id });
      }
      expect(await rows(pending.id)).toEqual([]);
      expect(await rows(cancelled.id)).toEqual([]);

      // Sending the same agenda again mails nobody twice.
      expect((await organizer.post(`/dialogues/${f.dialogue.id}/agenda/send`)).body).toEqual({
        queued: 0,
        skipped: 3,
        skippedBy: { addressNotConfirmed: 0, alreadySent: 3 },
      });
    });

    it('skips an address not confirmed yet (agenda and updates alike), counts it in a dry run that writes nothing, and mails it once the manage link is opened', async () => {
      const f = await agendaFixture(organizer, ids);
      await post(f, { spaceId: f.plenary.id, title: 'Opening', startsAt: f.at(0), endsAt: f.at(1) });
      const known = await insertParticipant(sut, f.dialogue.id);
      const stranger = await insertParticipant(sut, f.dialogue.id, { emailConfirmed: false });
      const snapshot = async () =>
        (
          await sut.dataSource.query(
            // This dialogue's rows only: suites running in parallel write to the same tables.
            `SELECT (SELECT count(*) FROM outbound_emails WHERE dialogue_id = $1)::int AS emails,
                    (SELECT count(*) FROM registration_manage_tokens t
                       JOIN registrations r ON r.id = t.registration_id WHERE r.dialogue_id = $1)::int AS tokens`,
            [f.dialogue.id],
          )
        )[0];

      const before = await snapshot();
      const dry = await organizer.post(`/dialogues/${f.dialogue.id}/agenda/send?dryRun=true`);
      expect(dry.status).toBe(202);
      expect(dry.body).toEqual({ wouldSend: 1, skipped: { addressNotConfirmed: 1, alreadySent: 0 } });
      expect(await snapshot()).toEqual(before);
      expect((await organizer.post(`/dialogues/${f.dialogue.id}/agenda/send?dryRun=yes`)).status).toBe(400);

      expect((await organizer.post(`/dialogues/${f.dialogue.id}/agenda/send`)).body).toEqual({
        queued: 1,
        skipped: 1,
        skippedBy: { addressNotConfirmed: 1, alreadySent: 0 },
      });
      expect(await rows(known.id, 'agenda')).toHaveLength(1);
      expect(await rows(stranger.id)).toEqual([]);
      // An agenda change reaches the confirmed address only.
      await post(f, { title: 'Coffee', startsAt: f.at(1), endsAt: f.at(2) });
      expect(await rows(stranger.id)).toEqual([]);

      // The participant opens the link from their first email: their address is confirmed.
      expect((await sut.api.get(`/registrations/manage/${stranger.token}`)).status).toBe(200);
      const [reg] = await sut.dataSource.query('SELECT email_confirmed_at FROM registrations WHERE id = $1', [
        stranger.id,
      ]);
      expect(reg.email_confirmed_at).not.toBeNull();
      expect((await organizer.post(`/dialogues/${f.dialogue.id}/agenda/send?dryRun=true`)).body).toEqual({
        wouldSend: 2,
        skipped: { addressNotConfirmed: 0, alreadySent: 0 },
      });
      const res = await organizer.post(`/dialogues/${f.dialogue.id}/agenda/send`);
      expect(res.body).toMatchObject({ skippedBy: { addressNotConfirmed: 0 } });
      expect(await rows(stranger.id, 'agenda')).toHaveLength(1);
    });

    it('refuses to send the agenda of a draft dialogue (422)', async () => {
      const f = await agendaFixture(organizer, ids, { published: false });
      expect((await organizer.post(`/dialogues/${f.dialogue.id}/agenda/send`)).status).toBe(422);
    });
  });

  describe('agenda updates', () => {
    let f: AgendaFixture;
    let civilSeat: TestParticipant;
    let businessSeat: TestParticipant;
    let plenaryOnly: TestParticipant;
    let unconfirmed: TestParticipant;

    beforeEach(async () => {
      f = await agendaFixture(organizer, ids);
      civilSeat = await insertParticipant(sut, f.dialogue.id, {
        spaces: [{ spaceId: f.civil.id, status: 'confirmed' }],
      });
      businessSeat = await insertParticipant(sut, f.dialogue.id, {
        language: 'fr',
        spaces: [
          { spaceId: f.business.id, status: 'confirmed' },
          { spaceId: f.civil.id, status: 'waitlisted' },
        ],
      });
      plenaryOnly = await insertParticipant(sut, f.dialogue.id);
      unconfirmed = await insertParticipant(sut, f.dialogue.id, {
        status: 'waitlisted',
        spaces: [{ spaceId: f.civil.id, status: 'confirmed' }],
      });
    });

    it('coalesces a burst of edits into one agenda_update per affected participant, carrying the final state', async () => {
      const started = Date.now();
      const a = await post(f, { spaceId: f.civil.id, title: 'Civil WG', startsAt: f.at(1), endsAt: f.at(2) });
      await organizer.patch(`/agenda-items/${a.id}`, { title: 'Civil WG (room change)', room: 'Room 2' });
      await organizer.patch(`/agenda-items/${a.id}`, { title: 'Civil WG: final title' });
      const b = await post(f, { spaceId: f.civil.id, title: 'Civil roundtable', startsAt: f.at(3), endsAt: f.at(4) });

      const mine = await rows(civilSeat.id);
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({ kind: 'agenda_update', recipient: civilSeat.email, language: 'en' });
      expect(mine[0].idempotency_key).toMatch(new RegExp(`^agenda_update:${civilSeat.id}:`));
      // Sent once the window (AGENDA_UPDATE_COALESCE_MS, 60 s by default) after the first edit has passed.
      const sendAfter = new Date(mine[0].send_after!).getTime();
      expect(sendAfter).toBeGreaterThanOrEqual(started + 59_000);
      expect(sendAfter).toBeLessThanOrEqual(Date.now() + 60_000);
      expect(uids(mine[0].attachments[0].content)).toEqual([
        { uid: `${a.id}@gfmd-dialogues`, summary: 'Civil WG: final title', sequence: 2 },
        { uid: `${b.id}@gfmd-dialogues`, summary: 'Civil roundtable', sequence: 0 },
      ]);

      // Their personal agendas did not change: no email.
      expect(await rows(businessSeat.id)).toEqual([]);
      expect(await rows(plenaryOnly.id)).toEqual([]);
      expect(await rows(unconfirmed.id)).toEqual([]);
    });

    it('mails everyone for a plenary change, rewriting pending updates instead of adding rows', async () => {
      const civil = await post(f, { spaceId: f.civil.id, title: 'Civil WG', startsAt: f.at(1), endsAt: f.at(2) });
      const plenary = await post(f, { spaceId: f.plenary.id, title: 'Opening', startsAt: f.at(0), endsAt: f.at(1) });
      await organizer.patch(`/agenda-items/${plenary.id}`, { endsAt: f.at(0.75) });

      for (const p of [civilSeat, businessSeat, plenaryOnly]) expect(await rows(p.id, 'agenda_update')).toHaveLength(1);
      expect(await rows(unconfirmed.id)).toEqual([]);
      const [fr] = await rows(businessSeat.id);
      expect(fr.language).toBe('fr');
      expect(uids(fr.attachments[0].content).map((e) => e.uid)).toEqual([`${plenary.id}@gfmd-dialogues`]);
      const [en] = await rows(civilSeat.id);
      expect(uids(en.attachments[0].content).map((e) => [e.uid, e.sequence])).toEqual([
        [`${plenary.id}@gfmd-dialogues`, 1],
        [`${civil.id}@gfmd-dialogues`, 0],
      ]);

      // Deleting the plenary item is a change too; still one pending row each, now without it.
      await organizer.delete(`/agenda-items/${plenary.id}`);
      const [after] = await rows(plenaryOnly.id);
      expect(await rows(plenaryOnly.id)).toHaveLength(1);
      expect(uids(after.attachments[0].content)).toEqual([]);
    });

    it('starts a new email once the window has passed (or the row is being sent)', async () => {
      const a = await post(f, { spaceId: f.civil.id, title: 'Civil WG', startsAt: f.at(1), endsAt: f.at(2) });
      const [first] = await rows(civilSeat.id);
      // The window of the first row has elapsed: it is due and will be sent as it is.
      await sut.dataSource.query(`UPDATE outbound_emails SET send_after = now() - interval '1 second' WHERE id = $1`, [
        first.id,
      ]);
      await organizer.patch(`/agenda-items/${a.id}`, { title: 'Civil WG, second burst' });
      const two = await rows(civilSeat.id);
      expect(two).toHaveLength(2);
      expect(uids(two[0].attachments[0].content)[0].summary).toBe('Civil WG');
      expect(uids(two[1].attachments[0].content)[0].summary).toBe('Civil WG, second burst');
      // A row the worker has claimed is never rewritten either.
      await sut.dataSource.query(`UPDATE outbound_emails SET status = 'sending' WHERE id = $1`, [two[1].id]);
      await organizer.patch(`/agenda-items/${a.id}`, { title: 'Civil WG, third burst' });
      const three = await rows(civilSeat.id);
      expect(three).toHaveLength(3);
      expect(uids(three[1].attachments[0].content)[0].summary).toBe('Civil WG, second burst');
    });

    it('rewrites a personal agenda email that has not gone out yet instead of adding an update', async () => {
      await post(f, { spaceId: f.plenary.id, title: 'Opening', startsAt: f.at(0), endsAt: f.at(1) });
      await sut.dataSource.query(`DELETE FROM outbound_emails WHERE registration_id = ANY($1)`, [
        [civilSeat.id, businessSeat.id, plenaryOnly.id],
      ]);
      await organizer.post(`/dialogues/${f.dialogue.id}/agenda/send`);
      const c = await post(f, { spaceId: f.civil.id, title: 'Civil WG', startsAt: f.at(1), endsAt: f.at(2) });
      const mine = await rows(civilSeat.id);
      expect(mine.map((r) => r.kind)).toEqual(['agenda']);
      expect(uids(mine[0].attachments[0].content).map((e) => e.uid)).toContain(`${c.id}@gfmd-dialogues`);
    });

    it('mails nobody for a patch that changes nothing, or while the dialogue is a draft', async () => {
      const a = await post(f, { spaceId: f.civil.id, title: 'Civil WG', startsAt: f.at(1), endsAt: f.at(2) });
      await sut.dataSource.query(`DELETE FROM outbound_emails WHERE registration_id = $1`, [civilSeat.id]);
      const same = await organizer.patch(`/agenda-items/${a.id}`, { title: 'Civil WG' });
      expect(same.body.sequence).toBe(0);
      expect(await rows(civilSeat.id)).toEqual([]);

      const draft = await agendaFixture(organizer, ids, { published: false });
      const p = await insertParticipant(sut, draft.dialogue.id);
      await post(draft, { spaceId: draft.plenary.id, title: 'Opening', startsAt: draft.at(0), endsAt: draft.at(1) });
      expect(await rows(p.id)).toEqual([]);
    });
  });
});
