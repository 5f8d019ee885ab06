import { SpacesModule } from '@gfmd/api-spaces';
import { createMailTestApp, type MailTestApp, obliterateQueues } from '@gfmd/api-mail/testing';
import { type ApiClient, SmtpSink } from '@gfmd/api-testing';
import type { InformalSession, Process, Subscriber, Theme } from '@gfmd/contracts';
import { OutcomesModule } from '@gfmd/api-outcomes';
import { RegistrationsModule } from '@gfmd/api-registrations';
import { randomUUID } from 'node:crypto';
import { processFixture, publishedRecommendations } from '../testing/synthesis-fixture';
import { SynthesesModule } from './syntheses.module';

describe('Synthesis subscribers (integration, SMTP)', () => {
  let sink: SmtpSink;
  let sut: MailTestApp;
  let organizer: ApiClient;
  let reviewer: ApiClient;
  let process: Process;
  let session: InformalSession;
  let themes: Theme[];
  let references: string[];

  beforeAll(async () => {
    sink = await SmtpSink.start();
    sut = await createMailTestApp({
      sink,
      database: 'gfmd_test_syntheses_mail',
      modules: [SpacesModule, OutcomesModule, SynthesesModule, RegistrationsModule],
    });
    organizer = (await sut.staff('organizer')).client;
    reviewer = (await sut.staff('organizer')).client;
    ({ process, session, themes } = await processFixture(organizer));
    references = (await publishedRecommendations(organizer, reviewer, session.id, themes[0].id, 2)).references;
  });
  afterAll(async () => {
    await sut.close();
    await sink.close();
    await obliterateQueues(sut.prefix);
  });

  const mailsTo = (to: string, subject?: RegExp) =>
    sink.received.filter((m) => m.envelope.to.includes(to) && (!subject || subject.test(m.parsed.subject ?? '')));
  const linkIn = (text: string, path: string) => {
    const match = new RegExp(`http://localhost:3000/(?:[a-z]{2}/)?${path}/([A-Za-z0-9_-]+)`).exec(text);
    if (!match) throw new Error(`no ${path} link in: ${text}`);
    return match[1];
  };

  it("emails the organizers' list and the confirmed subscribers once per published version; unsubscribe stops it", async () => {
    const synthesis = `/informal-sessions/${session.id}/synthesis`;
    const focal = `focal-${randomUUID()}@test.gfmd`;
    const cofacilitator = `cofa-${randomUUID()}@test.gfmd`;
    const reader = `reader-${randomUUID()}@test.gfmd`;
    const unconfirmed = `maybe-${randomUUID()}@test.gfmd`;

    // Organizers keep lists: one for the session's synthesis, one for every synthesis of the process.
    const added = await organizer.post(`${synthesis}/subscribers`, {
      subscribers: [{ email: focal, name: 'Focal Point', language: 'fr' }],
    });
    expect(added.status).toBe(200);
    expect(added.body).toMatchObject({
      added: [{ email: focal, status: 'confirmed', addedBy: 'organizer' }],
      skipped: 0,
    });
    expect(
      (await organizer.post(`${synthesis}/subscribers`, { subscribers: [{ email: focal.toUpperCase() }] })).body
        .skipped,
    ).toBe(1);
    await organizer.post(`/processes/${process.id}/subscribers`, { subscribers: [{ email: cofacilitator }] });
    expect((await sut.api.post(`${synthesis}/subscribers`, { subscribers: [{ email: 'x@test.gfmd' }] })).status).toBe(
      401,
    );
    expect(
      (await organizer.post(`${synthesis}/subscribers`, { subscribers: [{ email: 'not an address' }] })).status,
    ).toBe(400);

    // Anyone subscribes; the address is confirmed by the emailed link.
    for (const email of [reader, unconfirmed]) {
      const res = await sut.api.post(`${synthesis}/subscribe`, { email, language: 'es' });
      expect(res.status).toBe(202);
      expect(res.body).toEqual({ status: 'pending' });
    }
    await sink.waitFor(() => mailsTo(reader).length === 1 && mailsTo(unconfirmed).length === 1);
    const confirmMail = mailsTo(reader)[0].parsed;
    expect(confirmMail.subject).toMatch(/^Confirme su suscripción/);
    const confirmToken = linkIn(confirmMail.text ?? '', 'subscriptions/confirm');
    expect((await sut.api.post(`/synthesis-subscriptions/${confirmToken}/confirm`)).status).toBe(200);
    expect((await sut.api.post(`/synthesis-subscriptions/${'x'.repeat(43)}/confirm`)).status).toBe(404);
    const list = (await organizer.get<Subscriber[]>(`${synthesis}/subscribers`)).body;
    expect(list.find((s) => s.email === reader)).toMatchObject({ status: 'confirmed', addedBy: 'self' });
    expect(list.find((s) => s.email === unconfirmed)).toMatchObject({ status: 'pending' });

    // Publishing emails the confirmed ones, in their language.
    await organizer.request('PUT', synthesis, { introduction: 'Intro.', sections: [{ references }], version: 0 });
    expect((await organizer.post(`${synthesis}/publish`)).status).toBe(200);
    await sink.waitFor(() => [focal, cofacilitator, reader].every((to) => mailsTo(to, /ublica|publi/).length === 1));
    const fr = mailsTo(focal, /Synthèse publiée/)[0];
    expect(fr.parsed.text).toContain(`http://localhost:3000/fr/syntheses/informal-sessions/${session.id}`);
    expect(fr.raw).toMatch(/List-Unsubscribe:\s+<http:\/\/localhost:3000\/api\/v1\/synthesis-subscriptions\//);
    expect(mailsTo(unconfirmed)).toHaveLength(1); // the confirmation only

    // Publishing the same version again sends nothing.
    expect((await organizer.post(`${synthesis}/publish`)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1500));
    expect(mailsTo(focal)).toHaveLength(1);

    // The reader leaves through their own link; the next version reaches the others only.
    const leave = linkIn(mailsTo(reader, /Síntesis publicada/)[0].parsed.text ?? '', 'subscriptions/leave');
    expect((await sut.api.post(`/synthesis-subscriptions/${leave}/unsubscribe`)).status).toBe(200);
    await organizer.request('PUT', synthesis, {
      introduction: 'Intro, corrected.',
      sections: [{ references }],
      version: 1,
    });
    expect((await organizer.post(`${synthesis}/publish`)).status).toBe(200);
    await sink.waitFor(() => mailsTo(focal).length === 2 && mailsTo(cofacilitator).length === 2);
    await new Promise((r) => setTimeout(r, 1000));
    expect(mailsTo(reader)).toHaveLength(2); // confirmation + version 1

    // Organizers remove someone from their list.
    const focalRow = (await organizer.get<Subscriber[]>(`${synthesis}/subscribers`)).body.find(
      (s) => s.email === focal,
    );
    expect((await organizer.delete(`/subscribers/${focalRow?.id}`)).status).toBe(204);
    expect((await organizer.delete(`/subscribers/${focalRow?.id}`)).status).toBe(404);
  }, 90_000);

  it("puts a person's subscriptions in their data export, and erases them", async () => {
    const email = `person-${randomUUID()}@test.gfmd`;
    const admin = (await sut.staff('admin')).client;
    await organizer.post(`/processes/${process.id}/subscribers`, { subscribers: [{ email, name: 'Ana Pérez' }] });
    await sut.api.post(`/informal-sessions/${session.id}/synthesis/subscribe`, { email: email.toUpperCase() });
    const exported = await admin.get(`/participants/export?email=${encodeURIComponent(email)}`);
    expect(exported.status).toBe(200);
    expect(exported.body.synthesisSubscriptions).toHaveLength(2);
    expect(exported.body.synthesisSubscriptions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ processId: process.id, name: 'Ana Pérez', status: 'confirmed' }),
        expect.objectContaining({ informalSessionId: session.id, status: 'pending' }),
      ]),
    );
    const erased = await admin.delete(`/participants?email=${encodeURIComponent(email)}`);
    expect(erased.status).toBe(200);
    expect(erased.body.other).toMatchObject({ synthesisSubscriptions: 2 });
    const after = await admin.get(`/participants/export?email=${encodeURIComponent(email)}`);
    expect(after.body.synthesisSubscriptions).toEqual([]);
    const left = await sut.dataSource.query(
      `SELECT count(*)::int AS n FROM synthesis_subscribers WHERE lower(email) = $1`,
      [email],
    );
    expect(left[0].n).toBe(0);
  });
});
