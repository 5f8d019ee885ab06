import { AuthModule } from '@gfmd/api-auth';
import { DialoguesModule, SeedService } from '@gfmd/api-dialogues';
import { DelegationsModule } from '@gfmd/api-delegations';
import { InvitationsModule } from '@gfmd/api-invitations';
import { MailModule } from '@gfmd/api-mail';
import { PlatformModule } from '@gfmd/api-platform';
import { RegistrationsModule } from '@gfmd/api-registrations';
import { RetentionModule, RetentionService } from '@gfmd/api-retention';
import { SpacesModule } from '@gfmd/api-spaces';
import { createTestApp, DAY, DialogueFactory, TestApp } from '@gfmd/api-testing';
import type { ApiClient } from '@gfmd/api-testing';
import type { BalanceReport, Dialogue, InformalSession, ParticipationHistory, Phase, Theme } from '@gfmd/contracts';
import { randomUUID } from 'node:crypto';
import { ReportsModule } from './reports.module';

const person = (over: Record<string, unknown> = {}) => ({
  email: `p-${randomUUID()}@example.org`,
  firstName: 'Amina',
  lastName: 'Diallo',
  organization: 'Migrant Forum',
  stakeholderGroup: 'civil_society',
  country: 'SN',
  preferredLanguage: 'fr',
  consent: true,
  ...over,
});

describe('Reports across a process (integration)', () => {
  let sut: TestApp;
  let organizer: ApiClient;
  let processId: string;
  let session: InformalSession;
  let phase: Phase;
  let theme: Theme;
  const d: Dialogue[] = [];
  const returning = person({
    email: `Returning-${randomUUID()}@Example.org`,
    organization: 'Ministère de l’Intérieur',
    stakeholderGroup: 'government',
    country: 'FR',
  });
  const q = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
    sut.dataSource.query(text, params) as Promise<T[]>;

  const register = async (dialogueId: string, p: Record<string, unknown>) => {
    const res = await sut.api.post(`/dialogues/${dialogueId}/registrations`, p);
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('confirmed');
  };
  const dialogueAt = (inDays: number, over: Record<string, unknown> = {}) => {
    const startsAt = new Date(Date.now() + inDays * DAY);
    return DialogueFactory.createPublished(organizer, {
      informalSessionId: session.id,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + DAY / 3).toISOString(),
      capacity: 20,
      ...over,
    });
  };

  beforeAll(async () => {
    sut = await createTestApp([
      PlatformModule,
      AuthModule,
      MailModule,
      DialoguesModule,
      SpacesModule,
      InvitationsModule,
      RegistrationsModule,
      DelegationsModule,
      RetentionModule,
      ReportsModule,
    ]);
    await sut.app.get(SeedService).seedProcess();
    organizer = (await sut.staff('organizer')).client;
    const start = Date.now() - 800 * DAY;
    const slug = `reports-${randomUUID().slice(0, 8)}`;
    const process = await organizer.post('/processes', {
      slug,
      title: 'Reports test process',
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(Date.now() + 400 * DAY).toISOString(),
    });
    expect(process.status).toBe(201);
    processId = process.body.id;
    const s = await organizer.post(`/processes/${processId}/informal-sessions`, {
      number: 1,
      title: 'Session one',
      themeId: (await organizer.get<Theme[]>('/themes')).body[0].id,
      startsAt: new Date(Date.now() + 60 * DAY).toISOString(),
      endsAt: new Date(Date.now() + 61 * DAY).toISOString(),
      venue: 'Geneva',
      timeZone: 'Europe/Zurich',
    });
    expect(s.status).toBe(201);
    session = s.body;
    const ph = await organizer.post(`/processes/${processId}/phases`, {
      kind: 'consultation',
      title: 'Late consultations',
      startsAt: new Date(Date.now() + 35 * DAY).toISOString(),
      endsAt: new Date(Date.now() + 50 * DAY).toISOString(),
    });
    expect(ph.status).toBe(201);
    phase = ph.body;
    const th = await organizer.post<Theme>('/themes', {
      code: `R${randomUUID().slice(0, 6)}`,
      title: 'Labour mobility',
      processId,
    });
    expect(th.status).toBe(201);
    theme = th.body;

    // D0: ends up erased by retention (a civil-society organization from Senegal, a business from Mexico, checked in).
    d.push(await dialogueAt(20));
    await register(d[0].id, person());
    await register(d[0].id, person({ organization: 'Acme Corp', stakeholderGroup: 'private_sector', country: 'MX' }));
    await register(d[0].id, { ...returning, email: `gone-${randomUUID()}@example.org` });
    await q(`UPDATE registrations SET checked_in_at = now() WHERE dialogue_id = $1 AND country = 'MX'`, [d[0].id]);
    const end = new Date(Date.now() - 731 * DAY);
    await q(
      `UPDATE dialogues SET starts_at = $2::timestamptz - interval '6 hours', ends_at = $2,
         registration_opens_at = NULL, registration_closes_at = NULL WHERE id = $1`,
      [d[0].id, end],
    );
    const run = await sut.app.get(RetentionService).run();
    expect(run.erased).toContain(d[0].id);

    // D1: the civil-society organization returns under another spelling; a ministry comes for the first time.
    d.push(await dialogueAt(30));
    await register(d[1].id, person({ organization: '  MIGRANT   forum. ' }));
    await register(d[1].id, returning);
    // D2 (inside the phase, tagged with the theme): the ministry returns, a new organization from Japan, checked in.
    d.push(await dialogueAt(40, { themeIds: [theme.id] }));
    await register(d[2].id, {
      ...returning,
      email: returning.email.toLowerCase(),
      organization: 'ministere de l interieur',
    });
    await register(
      d[2].id,
      person({ organization: 'Tokyo Migrants Union', country: 'JP', stakeholderGroup: 'migrant_diaspora' }),
    );
    await q(`UPDATE registrations SET checked_in_at = now() WHERE dialogue_id = $1 AND country = 'JP'`, [d[2].id]);
    // A cancelled dialogue does not count.
    const cancelled = await dialogueAt(45);
    await register(cancelled.id, person({ country: 'BR' }));
    expect((await organizer.post(`/dialogues/${cancelled.id}/cancel`)).status).toBe(200);
  }, 120_000);
  afterAll(() => sut.close());

  const balance = async (query = '') => {
    const res = await organizer.get<BalanceReport>(`/processes/${processId}/reports/balance${query}`);
    expect(res.status).toBe(200);
    return res.body;
  };
  const countOf = <T extends { confirmed: number; checkedIn: number }>(rows: T[], pick: (r: T) => boolean) => {
    const row = rows.find(pick);
    return row && { confirmed: row.confirmed, checkedIn: row.checkedIn };
  };

  it('balances every dialogue of the process, adding the counts kept of an erased one', async () => {
    const sutReport = await balance();
    expect(sutReport.totals).toEqual({ confirmed: 7, checkedIn: 2, dialogues: 3, erasedDialogues: 1 });
    expect(sutReport.byDialogue.map((r) => [r.dialogueId, r.erased, r.confirmed])).toEqual([
      [d[0].id, true, 3],
      [d[1].id, false, 2],
      [d[2].id, false, 2],
    ]);
    expect(countOf(sutReport.byGroup, (r) => r.group === 'civil_society')).toEqual({ confirmed: 2, checkedIn: 0 });
    expect(countOf(sutReport.byGroup, (r) => r.group === 'government')).toEqual({ confirmed: 3, checkedIn: 0 });
    expect(countOf(sutReport.byGroup, (r) => r.group === 'private_sector')).toEqual({ confirmed: 1, checkedIn: 1 });
    expect(countOf(sutReport.byGroup, (r) => r.group === 'media')).toEqual({ confirmed: 0, checkedIn: 0 });
  });

  it('derives the UN M49 region and sub-region from the country, erased dialogues included', async () => {
    const sutReport = await balance();
    expect(countOf(sutReport.byRegion, (r) => r.region === 'africa')).toEqual({ confirmed: 2, checkedIn: 0 });
    expect(countOf(sutReport.byRegion, (r) => r.region === 'americas')).toEqual({ confirmed: 1, checkedIn: 1 });
    expect(countOf(sutReport.byRegion, (r) => r.region === 'europe')).toEqual({ confirmed: 3, checkedIn: 0 });
    expect(countOf(sutReport.byRegion, (r) => r.region === 'asia')).toEqual({ confirmed: 1, checkedIn: 1 });
    expect(countOf(sutReport.bySubRegion, (r) => r.subRegion === 'sub_saharan_africa')).toEqual({
      confirmed: 2,
      checkedIn: 0,
    });
    expect(countOf(sutReport.bySubRegion, (r) => r.subRegion === 'latin_america_caribbean')).toEqual({
      confirmed: 1,
      checkedIn: 1,
    });
    expect(countOf(sutReport.bySubRegion, (r) => r.subRegion === 'eastern_asia')).toEqual({
      confirmed: 1,
      checkedIn: 1,
    });
    expect(sutReport.byRegion.some((r) => r.region === 'antarctica')).toBe(false);
  });

  it('tells first-time from returning organizations, names normalised, across an erased dialogue', async () => {
    const sutReport = await balance();
    expect(sutReport.byDialogue.map((r) => r.organizations)).toEqual([
      { firstTime: 3, returning: 0 },
      { firstTime: 0, returning: 2 },
      { firstTime: 1, returning: 1 },
    ]);
    expect(sutReport.organizations).toEqual({ firstTime: 4, returning: 3, unknownDialogues: 0 });
  });

  it('filters by phase, theme and dialogue (an organization stays returning whatever the filter)', async () => {
    const byPhase = await balance(`?phaseId=${phase.id}`);
    expect(byPhase.byDialogue.map((r) => r.dialogueId)).toEqual([d[2].id]);
    expect(byPhase.organizations).toEqual({ firstTime: 1, returning: 1, unknownDialogues: 0 });
    expect((await balance(`?themeId=${theme.id}`)).byDialogue.map((r) => r.dialogueId)).toEqual([d[2].id]);
    const one = await balance(`?dialogueId=${d[1].id}`);
    expect(one.totals).toEqual({ confirmed: 2, checkedIn: 0, dialogues: 1, erasedDialogues: 0 });
    const erased = await balance(`?dialogueId=${d[0].id}`);
    expect(erased.totals).toEqual({ confirmed: 3, checkedIn: 1, dialogues: 1, erasedDialogues: 1 });
  });

  it('exports the same numbers as CSV', async () => {
    const res = await organizer.get<string>(`/processes/${processId}/reports/balance.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toContain('attachment');
    const lines = res.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(
      'section,key,title,m49,date,confirmed,checked_in,first_time_organizations,returning_organizations',
    );
    expect(lines).toContain('totals,all,Reports test process,,,7,2,4,3');
    expect(lines).toContain('group,government,,,,3,0,,');
    expect(lines).toContain('region,europe,,150,,3,0,,');
    expect(lines.filter((l) => l.startsWith('dialogue,'))).toHaveLength(3);
  });

  it('writes the CSV headers in French and Spanish (Content-Language), keys unchanged', async () => {
    const fr = await organizer.get<string>(`/processes/${processId}/reports/balance.csv?lang=fr`);
    expect(fr.status).toBe(200);
    expect(fr.headers.get('content-language')).toBe('fr');
    const lines = fr.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(
      'section,clé,titre,m49,date,confirmés,présents,organisations_nouvelles,organisations_déjà_venues',
    );
    expect(lines).toContain('group,government,,,,3,0,,');
    const es = await organizer.request<string>('GET', `/processes/${processId}/reports/balance.csv`, undefined, {
      'Accept-Language': 'es-ES, en;q=0.5',
    });
    expect(es.text.replace(/^\uFEFF/, '').split('\r\n')[0]).toMatch(/^sección,clave,título,/);
    const ar = await organizer.get<string>(`/processes/${processId}/reports/balance.csv?lang=ar`);
    expect(ar.text.replace(/^\uFEFF/, '').split('\r\n')[0]).toMatch(/^القسم,المفتاح,العنوان,/);
  });

  it('exports a person’s history as CSV with headers, statuses and groups in French', async () => {
    const email = encodeURIComponent(returning.email);
    const fr = await organizer.get<string>(`/people/history.csv?email=${email}&lang=fr`);
    expect(fr.status).toBe(200);
    expect(fr.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(fr.headers.get('content-language')).toBe('fr');
    expect(fr.headers.get('content-disposition')).toContain('historique-de-participation.csv');
    const lines = fr.text
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .filter(Boolean);
    expect(lines[0]).toBe('Dialogue,Date,Statut,Groupe de parties prenantes,Présence enregistrée,Inscrit le');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(',Confirmée,Gouvernement,non,');
    expect(fr.text).not.toContain(returning.email);
    const en = await organizer.get<string>(`/people/history.csv?email=${email}`);
    expect(en.text.replace(/^\uFEFF/, '').split('\r\n')[1]).toContain(',Confirmed,Government,no,');
    expect((await organizer.get('/people/history.csv')).status).toBe(400);
    expect((await (await sut.staff('coordinator')).client.get(`/people/history.csv?email=${email}`)).status).toBe(403);
  });

  it('shows a person’s history across dialogues, nothing of an erased dialogue', async () => {
    const res = await organizer.get<ParticipationHistory>(
      `/people/history?email=${encodeURIComponent(` ${returning.email.toUpperCase()} `)}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.items.map((i) => [i.dialogueId, i.status, i.stakeholderGroup, i.checkedIn, i.processId])).toEqual([
      [d[1].id, 'confirmed', 'government', false, processId],
      [d[2].id, 'confirmed', 'government', false, processId],
    ]);
    // The erased dialogue's registration was this person's too, under another address: gone either way.
    const none = await organizer.get<ParticipationHistory>(`/people/history?email=nobody-${randomUUID()}@example.org`);
    expect(none.body.items).toEqual([]);
  });

  it('hides a dialogue from the history once retention erased it, even if a row was left', async () => {
    const email = `kept-${randomUUID()}@example.org`;
    const dialogue = await dialogueAt(25);
    await register(dialogue.id, person({ email }));
    await q(`INSERT INTO dialogue_retention (dialogue_id, erased_at) VALUES ($1, now())`, [dialogue.id]);
    const res = await organizer.get<ParticipationHistory>(`/people/history?email=${email}`);
    expect(res.body.items).toEqual([]);
  });

  it('refuses coordinators and the door role (403) and anonymous callers (401)', async () => {
    for (const role of ['coordinator', 'door'] as const) {
      const client = (await sut.staff(role)).client;
      for (const path of [
        `/processes/${processId}/reports/balance`,
        `/processes/${processId}/reports/balance.csv`,
        `/people/history?email=a@example.org`,
      ]) {
        const res = await client.get(path);
        expect(res.status).toBe(403);
        expect(res.headers.get('content-type')).toMatch(/problem\+json/);
      }
    }
    expect((await sut.api.get(`/processes/${processId}/reports/balance`)).status).toBe(401);
    const admin = (await sut.staff('admin')).client;
    expect((await admin.get(`/processes/${processId}/reports/balance`)).status).toBe(200);
  });

  it('answers bad filters with problem+json 400, an unknown process with 404', async () => {
    const other = (await organizer.get<{ id: string; phases?: Phase[] }[]>('/processes')).body.find(
      (p) => p.id !== processId,
    );
    const foreignDialogue = await DialogueFactory.create(organizer);
    const cases: [string, string][] = [
      ['?phaseId=not-a-uuid', 'phaseId'],
      [`?phaseId=${randomUUID()}`, 'phaseId'],
      [`?themeId=${randomUUID()}`, 'themeId'],
      [`?dialogueId=${foreignDialogue.id}`, 'dialogueId'],
      ['?region=europe', 'region'],
      ['?dialogueId=', 'dialogueId'],
    ];
    for (const [query, field] of cases) {
      for (const suffix of ['balance', 'balance.csv']) {
        const res = await organizer.get(`/processes/${processId}/reports/${suffix}${query}`);
        expect({ query, suffix, status: res.status }).toEqual({ query, suffix, status: 400 });
        expect(res.headers.get('content-type')).toMatch(/problem\+json/);
        expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      }
    }
    expect(other).toBeDefined();
    expect((await organizer.get(`/processes/${randomUUID()}/reports/balance`)).status).toBe(404);
    expect((await organizer.get('/processes/nope/reports/balance')).status).toBe(404);
    for (const email of ['', 'not-an-address', 'a@b']) {
      const res = await organizer.get(`/people/history?email=${encodeURIComponent(email)}`);
      expect(res.status).toBe(400);
    }
    expect((await organizer.get('/people/history')).status).toBe(400);
  });
});
