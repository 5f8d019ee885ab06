import { AuthModule } from '@gfmd/api-auth';
import { DialoguesModule, SeedService } from '@gfmd/api-dialogues';
import { MailModule, OutboxService } from '@gfmd/api-mail';
import { PlatformModule } from '@gfmd/api-platform';
import { QuestionsModule } from '@gfmd/api-questions';
import { RegistrationsModule } from '@gfmd/api-registrations';
import { SpacesModule } from '@gfmd/api-spaces';
import { createTestApp, DialogueFactory, InformalSessionFactory, TestApp } from '@gfmd/api-testing';
import type { ApiClient } from '@gfmd/api-testing';
import { randomUUID } from 'node:crypto';
import { DelegationsModule } from './delegations.module';

const MODULES = [
  PlatformModule,
  AuthModule,
  MailModule,
  DialoguesModule,
  SpacesModule,
  RegistrationsModule,
  QuestionsModule,
  DelegationsModule,
];

export const person = (over: Record<string, unknown> = {}) => ({
  email: `p-${randomUUID()}@example.org`,
  firstName: 'Kofi',
  lastName: 'Mensah',
  organization: 'Ministry of Foreign Affairs',
  country: 'GH',
  preferredLanguage: 'en',
  consent: true,
  ...over,
});

describe(DelegationsModule.name, () => {
  let sut: TestApp;
  let organizer: ApiClient;
  let admin: ApiClient;
  let sessionId: string;
  const q = <T = any>(sql: string, params: unknown[] = []) => sut.dataSource.query(sql, params) as Promise<T[]>;
  const published = (over: Record<string, unknown> = {}) =>
    DialogueFactory.createPublished(organizer, { informalSessionId: sessionId, ...over });
  const delegation = (dialogueId: string, over: Record<string, unknown> = {}) =>
    organizer.post(`/dialogues/${dialogueId}/delegations`, {
      name: `Delegation ${randomUUID().slice(0, 8)}`,
      stakeholderGroup: 'government',
      country: 'gh',
      seats: 3,
      focalPointEmail: `focal-${randomUUID()}@mission.example.org`,
      ...over,
    });
  /** The focal point's token, as they read it in their newest email. */
  const focalToken = async (delegationId: string) => {
    const [row] = await q<{ id: string }>(
      `SELECT id FROM outbound_emails WHERE kind = 'delegation' AND params->>'linkId' = $1 ORDER BY created_at DESC LIMIT 1`,
      [delegationId],
    );
    if (!row) throw new Error('no delegation email');
    const email = await sut.app.get(OutboxService).contentOf(row.id);
    const match = /\/delegations\/([A-Za-z0-9_-]{40,})/.exec(`${email?.text}`);
    if (!match) throw new Error('no link in the email');
    return match[1];
  };
  /** The focal point's newest email: its language, subject and the language prefix of its private link. */
  const focalEmail = async (delegationId: string) => {
    const [row] = await q<{ id: string; language: string; subject: string }>(
      `SELECT id, language, subject FROM outbound_emails WHERE kind = 'delegation' AND params->>'linkId' = $1
       ORDER BY created_at DESC LIMIT 1`,
      [delegationId],
    );
    const email = await sut.app.get(OutboxService).contentOf(row.id);
    const link = /(\/[a-z]{2}\/)?delegations\/[A-Za-z0-9_-]{40,}/.exec(`${email?.text}`);
    return { language: row.language, subject: row.subject, link: link?.[1] ?? null };
  };
  const confirmedCount = async (dialogueId: string) =>
    (await q<{ n: number }>('SELECT confirmed_count AS n FROM dialogues WHERE id = $1', [dialogueId]))[0].n;
  const kindsTo = async (registrationId: string) =>
    (
      await q<{ kind: string }>(
        "SELECT kind FROM outbound_emails WHERE registration_id = $1 AND kind <> 'reminder' ORDER BY created_at",
        [registrationId],
      )
    ).map((r) => r.kind);

  beforeAll(async () => {
    sut = await createTestApp(MODULES);
    await sut.app.get(SeedService).seedProcess();
    organizer = (await sut.staff('organizer')).client;
    admin = (await sut.staff('admin')).client;
    sessionId =
      (await organizer.get('/informal-sessions')).body[0]?.id ?? (await InformalSessionFactory.create(organizer)).id;
  });
  afterAll(() => sut.close());

  describe('creating', () => {
    it('holds the seats against capacity at once and emails the focal point a private link (stored hashed)', async () => {
      const d = await published({ capacity: 5 });
      const res = await delegation(d.id, { seats: 3, focalPointLanguage: 'fr' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ seats: 3, used: 0, country: 'GH', stakeholderGroup: 'government' });
      expect(await confirmedCount(d.id)).toBe(3);
      const [row] = await q(
        `SELECT language, subject, params::text AS p FROM outbound_emails WHERE params->>'linkId' = $1`,
        [res.body.id],
      );
      expect(row.language).toBe('fr');
      expect(row.subject).toMatch(/Votre délégation/);
      const token = await focalToken(res.body.id);
      expect(row.p).not.toContain(token);
      const [stored] = await q('SELECT count(*)::int AS n FROM delegation_tokens WHERE token_hash = $1', [token]);
      expect(stored.n).toBe(0);
      const view = await sut.api.get(`/delegations/manage/${token}`);
      expect(view.status).toBe(200);
      expect(view.body.delegation).toMatchObject({ id: res.body.id, seats: 3, used: 0 });
      expect(view.headers.get('cache-control')).toBe('no-store');
      const audit = await q(`SELECT action FROM audit_events WHERE entity_id = $1`, [res.body.id]);
      expect(audit.map((a) => a.action)).toEqual(['delegation.created']);
    });

    it("writes to a focal point without a language in the dialogue's first language: French, with an /fr/ link", async () => {
      const d = await published({ languages: ['fr', 'en'] });
      const res = await delegation(d.id);
      expect(res.status).toBe(201);
      expect(res.body.focalPointLanguage).toBe('fr');
      expect(await focalEmail(res.body.id)).toMatchObject({
        language: 'fr',
        subject: /Votre délégation/,
        link: '/fr/',
      });
      // A language given wins; a first language emails are not written in (ru) gives the next one.
      expect((await delegation(d.id, { focalPointLanguage: 'en' })).body.focalPointLanguage).toBe('en');
      const ru = await published({ languages: ['ru', 'es'] });
      expect((await delegation(ru.id)).body.focalPointLanguage).toBe('es');
    });

    it('refuses more seats than are free (409 not-enough-seats) and beyond the group quota (409), holding nothing', async () => {
      const d = await published({ capacity: 5, stakeholderQuotas: { government: 2 } });
      const full = await delegation(d.id, { seats: 6, stakeholderGroup: 'academia' });
      expect(full.status).toBe(409);
      expect(full.headers.get('content-type')).toContain('application/problem+json');
      expect(full.body.type).toMatch(/not-enough-seats$/);
      expect(full.body.available).toBe(5);
      const quota = await delegation(d.id, { seats: 3 });
      expect(quota.status).toBe(409);
      expect(quota.body.type).toMatch(/group-quota-full$/);
      expect(await confirmedCount(d.id)).toBe(0);
      expect((await q('SELECT count(*)::int AS n FROM delegations WHERE dialogue_id = $1', [d.id]))[0].n).toBe(0);
      // The quota counts held seats: a public registrant of that group waits once a delegation holds the quota.
      expect((await delegation(d.id, { seats: 2 })).status).toBe(201);
      const reg = await sut.api.post(`/dialogues/${d.id}/registrations`, {
        ...person(),
        stakeholderGroup: 'government',
      });
      expect(reg.body.status).toBe('waitlisted');
    });

    it('answers 400 for bad input, 404 for an unknown dialogue or token, 401 without a staff token, 409 for a taken name', async () => {
      const d = await published();
      for (const bad of [
        { seats: 0 },
        { seats: 'x' },
        { stakeholderGroup: 'nobody' },
        { focalPointEmail: 'no' },
        { extra: 1 },
      ]) {
        const res = await delegation(d.id, bad);
        expect(res.status).toBe(400);
      }
      expect((await delegation(randomUUID())).status).toBe(404);
      expect((await sut.api.post(`/dialogues/${d.id}/delegations`, { name: 'x' })).status).toBe(401);
      expect((await sut.api.get(`/delegations/manage/${'a'.repeat(43)}`)).status).toBe(404);
      expect((await sut.api.get('/delegations/manage/%20')).status).toBe(404);
      expect((await delegation(d.id, { name: 'Mission of Chile', seats: 1 })).status).toBe(201);
      const again = await delegation(d.id, { name: 'MISSION OF CHILE', seats: 1 });
      expect(again.status).toBe(409);
      expect(await confirmedCount(d.id)).toBe(1);
    });
  });

  describe("the focal point's page", () => {
    it("reads the dialogue's title in the reader's language, else its first language, and gives its languages", async () => {
      const d = await published({
        title: 'Diálogo sobre la movilidad laboral',
        languages: ['es', 'fr'],
        translations: { fr: { title: 'Dialogue sur la mobilité de la main-d’œuvre' } },
      });
      const token = await focalToken((await delegation(d.id)).body.id);

      const fr = await sut.api.get(`/delegations/manage/${token}?lang=fr`);
      expect(fr.body.dialogue).toMatchObject({
        title: 'Dialogue sur la mobilité de la main-d’œuvre',
        titleLang: 'fr',
        languages: ['es', 'fr'],
      });
      const ar = await sut.api.get(`/delegations/manage/${token}?lang=ar`);
      expect(ar.body.dialogue).toMatchObject({ title: 'Diálogo sobre la movilidad laboral', titleLang: 'es' });
    });

    it('names delegates into the held seats: confirmed registrations with their own manage link, never beyond the seats', async () => {
      const d = await published({ capacity: 10 });
      const del = (await delegation(d.id, { seats: 2, name: 'Republic of Ghana' })).body;
      const token = await focalToken(del.id);
      const a = await sut.api.post(`/delegations/manage/${token}/delegates`, person({ role: 'head_of_delegation' }));
      expect(a.status).toBe(201);
      const b = await sut.api.post(`/delegations/manage/${token}/delegates`, person({ role: 'adviser' }));
      expect(b.status).toBe(201);
      expect(b.body.delegation).toMatchObject({ seats: 2, used: 2 });
      expect(b.body.delegates.map((x: any) => [x.role, x.status])).toEqual([
        ['head_of_delegation', 'confirmed'],
        ['adviser', 'confirmed'],
      ]);
      const third = await sut.api.post(`/delegations/manage/${token}/delegates`, person({ role: 'delegate' }));
      expect(third.status).toBe(409);
      expect(third.body.type).toMatch(/delegation-full$/);
      // Held seats are counted once: two delegates used two of the two held seats.
      expect(await confirmedCount(d.id)).toBe(2);
      const regId = b.body.delegates[0].registrationId;
      expect(await kindsTo(regId)).toEqual(['confirmation']);
      const list = await organizer.get(`/dialogues/${d.id}/registrations`);
      expect(list.body.items.map((r: any) => r.delegation?.name)).toEqual(['Republic of Ghana', 'Republic of Ghana']);
      expect(list.body.items[0].stakeholderGroup).toBe('government');
      const stats = await organizer.get(`/dialogues/${d.id}/stats`);
      expect(stats.body.delegations).toEqual({ count: 1, seats: 2, used: 2, byGroup: { government: 2 } });
      const csv = await organizer.get(`/dialogues/${d.id}/registrations.csv`);
      const [header, line] = csv.text.replace(/^\uFEFF/, '').split('\r\n');
      expect(header).toMatch(/,Delegation,Answers$/);
      expect(line).toMatch(/,Republic of Ghana,$/);
    });

    it("checks a delegate's answers to the dialogue's questions for the delegation's group, and stores them", async () => {
      const d = await published({ capacity: 10, format: 'hybrid', onlineUrl: 'https://meet.example.org/x' });
      await organizer.request('PUT', `/dialogues/${d.id}/questions`, [
        { key: 'mission', label: { en: 'Permanent mission' }, type: 'text', required: true, groups: ['government'] },
        { key: 'thesis', label: { en: 'Thesis' }, type: 'text', required: true, groups: ['academia'] },
      ]);
      const token = await focalToken((await delegation(d.id, { seats: 2 })).body.id);
      const missing = await sut.api.post(`/delegations/manage/${token}/delegates`, person({ role: 'delegate' }));
      expect(missing.status).toBe(422);
      expect(missing.body.errors).toEqual([{ field: 'answers.mission', message: 'required' }]);
      const ok = await sut.api.post(
        `/delegations/manage/${token}/delegates`,
        person({ role: 'delegate', answers: { mission: 'Mission of Ghana, Geneva' } }),
      );
      expect(ok.status).toBe(201);
      const [row] = await q('SELECT answers, attendance FROM registrations WHERE dialogue_id = $1', [d.id]);
      // A delegation's seat is in the room.
      expect(row).toEqual({ answers: { mission: 'Mission of Ghana, Geneva' }, attendance: 'in_person' });
    });

    it('refuses a delegate already registered in the dialogue (409), bad input (400), a missing consent (400)', async () => {
      const d = await published({ capacity: 10 });
      const del = (await delegation(d.id, { seats: 2 })).body;
      const token = await focalToken(del.id);
      const taken = person();
      await sut.api.post(`/dialogues/${d.id}/registrations`, { ...taken, stakeholderGroup: 'academia' });
      const dup = await sut.api.post(`/delegations/manage/${token}/delegates`, {
        ...taken,
        email: taken.email.toUpperCase(),
        role: 'delegate',
      });
      expect(dup.status).toBe(409);
      expect(dup.body.type).toMatch(/duplicate-registration$/);
      for (const bad of [
        person({ role: 'ambassador' }),
        person(),
        person({ role: 'delegate', consent: false }),
        person({ role: 'delegate', stakeholderGroup: 'academia' }),
      ]) {
        expect((await sut.api.post(`/delegations/manage/${token}/delegates`, bad)).status).toBe(400);
      }
      expect((await sut.api.get(`/delegations/manage/${token}`)).body.delegation.used).toBe(0);
    });

    it('withdraws a delegate (told, links revoked; the seat returns to the delegation, not the waiting list) and refuses another delegation’s delegate (404)', async () => {
      const d = await published({ capacity: 3 });
      const del = (await delegation(d.id, { seats: 2 })).body;
      const other = (await delegation(d.id, { seats: 1 })).body;
      const token = await focalToken(del.id);
      const waiting = await sut.api.post(`/dialogues/${d.id}/registrations`, {
        ...person(),
        stakeholderGroup: 'academia',
      });
      expect(waiting.body.status).toBe('waitlisted');
      const named = await sut.api.post(`/delegations/manage/${token}/delegates`, person({ role: 'delegate' }));
      const regId = named.body.delegates[0].registrationId;
      const res = await sut.api.delete(`/delegations/manage/${token}/delegates/${regId}`);
      expect(res.status).toBe(200);
      expect(res.body.delegation.used).toBe(0);
      expect(res.body.delegates[0]).toMatchObject({ registrationId: regId, status: 'cancelled' });
      expect(await kindsTo(regId)).toEqual(['confirmation', 'cancelled']);
      expect(await kindsTo(waiting.body.id)).toEqual(['waitlisted']);
      expect(await confirmedCount(d.id)).toBe(3);
      // Again: nothing to withdraw.
      expect((await sut.api.delete(`/delegations/manage/${token}/delegates/${regId}`)).status).toBe(422);
      // Someone else's registration through this link: 404, nothing changed.
      expect((await sut.api.delete(`/delegations/manage/${token}/delegates/${waiting.body.id}`)).status).toBe(404);
      const otherToken = await focalToken(other.id);
      const theirs = await sut.api.post(`/delegations/manage/${otherToken}/delegates`, person({ role: 'delegate' }));
      const theirId = theirs.body.delegates[0].registrationId;
      expect((await sut.api.delete(`/delegations/manage/${token}/delegates/${theirId}`)).status).toBe(404);
      expect((await q('SELECT status FROM registrations WHERE id = $1', [theirId]))[0].status).toBe('confirmed');
      const actions = await q(`SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY at`, [del.id]);
      expect(actions.map((a) => a.action)).toEqual([
        'delegation.created',
        'delegation.delegate_added',
        'delegation.delegate_withdrawn',
      ]);
    });

    it('replaces a delegate in the same seat (the replaced person is told) even when the delegation is full', async () => {
      const d = await published({ capacity: 5 });
      const del = (await delegation(d.id, { seats: 1 })).body;
      const token = await focalToken(del.id);
      const first = await sut.api.post(`/delegations/manage/${token}/delegates`, person({ role: 'delegate' }));
      const oldId = first.body.delegates[0].registrationId;
      const res = await sut.api.post(
        `/delegations/manage/${token}/delegates/${oldId}/replace`,
        person({ role: 'head_of_delegation', firstName: 'Ama' }),
      );
      expect(res.status).toBe(200);
      expect(res.body.delegation).toMatchObject({ seats: 1, used: 1 });
      const [current, old] = res.body.delegates;
      expect(current).toMatchObject({ firstName: 'Ama', role: 'head_of_delegation', status: 'confirmed' });
      expect(old).toMatchObject({ registrationId: oldId, status: 'cancelled' });
      expect(await kindsTo(oldId)).toEqual(['confirmation', 'cancelled']);
      expect(await kindsTo(current.registrationId)).toEqual(['confirmation']);
      // A refused replacement changes nothing (the new person is registered in the dialogue already).
      const elsewhere = person();
      await sut.api.post(`/dialogues/${d.id}/registrations`, { ...elsewhere, stakeholderGroup: 'academia' });
      const refused = await sut.api.post(`/delegations/manage/${token}/delegates/${current.registrationId}/replace`, {
        ...elsewhere,
        role: 'delegate',
      });
      expect(refused.status).toBe(409);
      expect((await q('SELECT status FROM registrations WHERE id = $1', [current.registrationId]))[0].status).toBe(
        'confirmed',
      );
    });

    it("a delegate's own cancellation gives the seat back to the delegation", async () => {
      const d = await published({ capacity: 1 });
      const del = (await delegation(d.id, { seats: 1 })).body;
      const token = await focalToken(del.id);
      const waiting = await sut.api.post(`/dialogues/${d.id}/registrations`, {
        ...person(),
        stakeholderGroup: 'academia',
      });
      const named = await sut.api.post(`/delegations/manage/${token}/delegates`, person({ role: 'delegate' }));
      const regId = named.body.delegates[0].registrationId;
      const [row] = await q<{ id: string }>(
        "SELECT id FROM outbound_emails WHERE registration_id = $1 AND kind = 'confirmation'",
        [regId],
      );
      const email = await sut.app.get(OutboxService).contentOf(row.id);
      const manage = /\/manage\/([A-Za-z0-9_-]{40,})/.exec(`${email?.text}`)?.[1];
      expect((await sut.api.post(`/registrations/manage/${manage}/cancel`)).status).toBe(200);
      expect((await sut.api.get(`/delegations/manage/${token}`)).body.delegation).toMatchObject({ seats: 1, used: 0 });
      expect((await q('SELECT status FROM registrations WHERE id = $1', [waiting.body.id]))[0].status).toBe(
        'waitlisted',
      );
      expect(await confirmedCount(d.id)).toBe(1);
    });
  });

  describe('organizers', () => {
    it('list delegations with seats used, release the unused seats to the waiting list, and may not go below the delegates', async () => {
      const d = await published({ capacity: 3 });
      const del = (await delegation(d.id, { seats: 3 })).body;
      const token = await focalToken(del.id);
      await sut.api.post(`/delegations/manage/${token}/delegates`, person({ role: 'delegate' }));
      const waiting = await sut.api.post(`/dialogues/${d.id}/registrations`, {
        ...person(),
        stakeholderGroup: 'academia',
      });
      expect(waiting.body.status).toBe('waitlisted');
      const list = await organizer.get(`/dialogues/${d.id}/delegations`);
      expect(list.body).toMatchObject({ total: 1, items: [{ id: del.id, seats: 3, used: 1 }] });
      expect((await organizer.patch(`/delegations/${del.id}`, { seats: 0 })).status).toBe(422);
      const released = await organizer.post(`/delegations/${del.id}/release`);
      expect(released.status).toBe(200);
      expect(released.body).toMatchObject({ seats: 1, used: 1 });
      expect((await q('SELECT status FROM registrations WHERE id = $1', [waiting.body.id]))[0].status).toBe(
        'confirmed',
      );
      expect(await kindsTo(waiting.body.id)).toEqual(['waitlisted', 'promoted']);
      expect(await confirmedCount(d.id)).toBe(2);
      const more = await organizer.patch(`/delegations/${del.id}`, { seats: 3 });
      expect(more.status).toBe(409);
      expect((await organizer.patch(`/delegations/${del.id}`, { seats: 2 })).body).toMatchObject({ seats: 2, used: 1 });
      expect(await confirmedCount(d.id)).toBe(3);
      const actions = await q(`SELECT action, details FROM audit_events WHERE entity_id = $1 ORDER BY at`, [del.id]);
      expect(actions.map((a) => a.action)).toEqual([
        'delegation.created',
        'delegation.delegate_added',
        'delegation.released',
        'delegation.changed',
      ]);
      expect(actions[2].details).toEqual({ released: 2 });
    });

    it('name a new focal point: a new email, the old links stop working', async () => {
      const d = await published();
      const del = (await delegation(d.id, { seats: 1 })).body;
      const old = await focalToken(del.id);
      const res = await organizer.patch(`/delegations/${del.id}`, { focalPointEmail: 'new-focal@mission.example.org' });
      expect(res.status).toBe(200);
      expect((await sut.api.get(`/delegations/manage/${old}`)).status).toBe(404);
      const fresh = await focalToken(del.id);
      expect(fresh).not.toBe(old);
      expect((await sut.api.get(`/delegations/manage/${fresh}`)).status).toBe(200);
      const [audit] = await q(
        `SELECT details FROM audit_events WHERE entity_id = $1 AND action = 'delegation.changed'`,
        [del.id],
      );
      expect(JSON.stringify(audit.details)).not.toContain('@');
    });

    it('import delegations from CSV: a dry run writes nothing; all rows or none; each bad cell named by its line', async () => {
      const d = await published({ capacity: 6 });
      const csv = [
        'name,stakeholderGroup,country,seats,focalPointEmail,focalPointLanguage',
        '"Mission of Peru, Geneva",government,PE,2,focal@peru.example.org,es',
        'IOM,international_organization,,3,focal@iom.example.org,',
      ].join('\r\n');
      const dry = await organizer.post(`/dialogues/${d.id}/delegations/import`, { csv, dryRun: true });
      expect(dry.status).toBe(200);
      expect(dry.body).toMatchObject({ dryRun: true, created: 2, seats: 5 });
      expect(dry.body.items[0].name).toBe('Mission of Peru, Geneva');
      expect(await confirmedCount(d.id)).toBe(0);
      expect((await q('SELECT count(*)::int AS n FROM outbound_emails WHERE dialogue_id = $1', [d.id]))[0].n).toBe(0);
      const bad = await organizer.post(`/dialogues/${d.id}/delegations/import`, {
        csv: `${csv}\r\nBad,nobody,XX,-1,not-an-email,`,
      });
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((e: any) => e.field)).toEqual(
        expect.arrayContaining(['line 4: stakeholderGroup', 'line 4: seats', 'line 4: focalPointEmail']),
      );
      const tooMany = await organizer.post(`/dialogues/${d.id}/delegations/import`, {
        csv: `${csv}\r\nUNHCR,international_organization,,2,focal@unhcr.example.org,`,
      });
      expect(tooMany.status).toBe(409);
      expect(await confirmedCount(d.id)).toBe(0);
      const done = await organizer.post(`/dialogues/${d.id}/delegations/import`, { csv });
      expect(done.body).toMatchObject({ dryRun: false, created: 2 });
      expect(await confirmedCount(d.id)).toBe(5);
      const list = await organizer.get(`/dialogues/${d.id}/delegations`);
      expect(list.body.items.map((x: any) => [x.name, x.seats, x.focalPointLanguage])).toEqual([
        ['IOM', 3, 'en'],
        ['Mission of Peru, Geneva', 2, 'es'],
      ]);
      expect(
        (
          await q("SELECT count(*)::int AS n FROM outbound_emails WHERE dialogue_id = $1 AND kind = 'delegation'", [
            d.id,
          ])
        )[0].n,
      ).toBe(2);
      expect((await organizer.post(`/dialogues/${d.id}/delegations/import`, { csv: 'name,seats\r\n' })).status).toBe(
        400,
      );
    });

    it("import without the language column: each focal point in the dialogue's first language (French, /fr/ links)", async () => {
      const d = await published({ capacity: 6, languages: ['fr', 'en'] });
      const csv = [
        'name,stakeholderGroup,country,seats,focalPointEmail',
        'Mission du Sénégal,government,SN,2,focal@senegal.example.org',
        'OIM,international_organization,,1,focal@oim.example.org',
      ].join('\r\n');
      expect((await organizer.post(`/dialogues/${d.id}/delegations/import`, { csv })).body.created).toBe(2);
      const list = (await organizer.get(`/dialogues/${d.id}/delegations`)).body.items;
      expect(list.map((x: any) => [x.name, x.focalPointLanguage])).toEqual([
        ['Mission du Sénégal', 'fr'],
        ['OIM', 'fr'],
      ]);
      for (const x of list)
        expect(await focalEmail(x.id)).toMatchObject({ language: 'fr', subject: /Votre délégation/, link: '/fr/' });
      // The column with an empty cell: the same default.
      const empty = await organizer.post(`/dialogues/${d.id}/delegations/import`, {
        csv: 'name,stakeholderGroup,seats,focalPointEmail,focalPointLanguage\r\nUNHCR,international_organization,1,focal@unhcr.example.org,',
      });
      expect(empty.status).toBe(200);
      const unhcr = (await organizer.get(`/dialogues/${d.id}/delegations`)).body.items.find(
        (x: any) => x.name === 'UNHCR',
      );
      expect(unhcr.focalPointLanguage).toBe('fr');
    });

    it("puts a focal point's delegations in their export and erases their address (the links end)", async () => {
      const d = await published();
      const focal = `Focal-${randomUUID()}@Mission.example.org`;
      const del = (await delegation(d.id, { seats: 1, focalPointEmail: focal })).body;
      const token = await focalToken(del.id);
      const exported = await admin.get(`/participants/export?email=${encodeURIComponent(focal)}`);
      expect(exported.status).toBe(200);
      expect(exported.body.delegations).toEqual([expect.objectContaining({ id: del.id, role: 'focal_point' })]);
      const erased = await admin.delete(`/participants?email=${encodeURIComponent(focal)}`);
      expect(erased.status).toBe(200);
      expect(erased.body.other.delegations).toBe(1);
      expect((await sut.api.get(`/delegations/manage/${token}`)).status).toBe(404);
      const [row] = await q('SELECT focal_point_email FROM delegations WHERE id = $1', [del.id]);
      expect(row.focal_point_email).toMatch(/^erased-/);
      expect((await admin.get(`/participants/export?email=${encodeURIComponent(focal)}`)).body.delegations).toEqual([]);
    });

    it('keeps delegations from coordinators and anonymous visitors', async () => {
      const d = await published();
      const coordinator = (await sut.staff('coordinator')).client;
      expect((await coordinator.post(`/dialogues/${d.id}/delegations`, {})).status).toBe(403);
      expect((await coordinator.get(`/dialogues/${d.id}/delegations`)).status).toBe(403);
      expect((await sut.api.get(`/dialogues/${d.id}/delegations`)).status).toBe(401);
      expect((await admin.get(`/dialogues/${d.id}/delegations`)).status).toBe(200);
    });
  });
});
