import { AuthModule } from '@gfmd/api-auth';
import { DialoguesModule, SeedService } from '@gfmd/api-dialogues';
import { MailModule } from '@gfmd/api-mail';
import { PlatformModule } from '@gfmd/api-platform';
import { SpacesModule } from '@gfmd/api-spaces';
import { createTestApp, DialogueFactory, TestApp } from '@gfmd/api-testing';
import type { ApiClient } from '@gfmd/api-testing';
import type { Dialogue } from '@gfmd/contracts';
import ICAL from 'ical.js';
import { randomUUID } from 'node:crypto';
import { AgendaModule } from './agenda.module';
import { agendaFixture, insertParticipant, sharedSessionId } from './testing/agenda-fixture';

for (const name of ['x-wr-calname', 'x-wr-caldesc', 'x-wr-timezone', 'name']) {
  ICAL.design.icalendar.property[name] = { defaultType: 'text' };
}

/** Parsed by ical.js, an independent RFC 5545 parser: UID → {status, sequence, start, summary}. */
function events(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const out = new Map<string, { status: string; sequence: number; start: string; summary: string }>();
  for (const v of calendar.getAllSubcomponents('vevent')) {
    const e = new ICAL.Event(v);
    out.set(e.uid, {
      status: String(v.getFirstPropertyValue('status')),
      sequence: e.sequence,
      start: e.startDate.toJSDate().toISOString(),
      summary: e.summary,
    });
  }
  return { calendar, events: out };
}

const uid = (d: { id: string }) => `dialogue-${d.id}@gfmd-dialogues`;

describe('Calendar feeds (integration)', () => {
  let sut: TestApp;
  let organizer: ApiClient;
  let processSlug: string;
  let themeCode: string;
  let sessionId: string;

  beforeAll(async () => {
    sut = await createTestApp([PlatformModule, AuthModule, MailModule, DialoguesModule, SpacesModule, AgendaModule]);
    await sut.app.get(SeedService).seedProcess();
    organizer = (await sut.staff('organizer')).client;
    // A process of this spec's own, so its filter sees only this spec's dialogues.
    processSlug = `feed-${randomUUID().slice(0, 8)}`;
    const process = await organizer.post('/processes', {
      slug: processSlug,
      title: 'Feed test cycle',
      startsAt: '2031-01-01T00:00:00Z',
      endsAt: '2031-12-31T00:00:00Z',
    });
    expect(process.status).toBe(201);
    themeCode = `F${randomUUID().slice(0, 6)}`;
    const theme = await organizer.post('/themes', { code: themeCode, title: 'Feeds', processId: process.body.id });
    expect(theme.status).toBe(201);
    const session = await organizer.post(`/processes/${process.body.id}/informal-sessions`, {
      number: 1,
      title: 'Feed session',
      themeId: theme.body.id,
      startsAt: '2031-06-10T09:00:00Z',
      endsAt: '2031-06-10T17:00:00Z',
      venue: 'New York',
      timeZone: 'America/New_York',
    });
    expect(session.status).toBe(201);
    sessionId = session.body.id;
  });
  afterAll(() => sut.close());

  const feed = async (query = '') => {
    const res = await sut.api.get(`/feeds/dialogues.ics${query}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
    return events(res.text);
  };

  it('lists public dialogues with stable UIDs, follows a move and keeps a cancellation visible', async () => {
    const mine = { informalSessionId: sessionId, themeIds: [] as string[] };
    const published: Dialogue = await DialogueFactory.createPublished(organizer, { ...mine, title: 'Feed: published' });
    const draft: Dialogue = await DialogueFactory.create(organizer, { ...mine, title: 'Feed: draft' });
    const cancelledDraft: Dialogue = await DialogueFactory.create(organizer, { ...mine, title: 'Feed: never public' });
    expect((await organizer.post(`/dialogues/${cancelledDraft.id}/cancel`)).status).toBe(200);
    const other: Dialogue = await DialogueFactory.createPublished(organizer, { title: 'Feed: other process' });

    const before = await feed(`?process=${processSlug}`);
    expect(before.calendar.getFirstPropertyValue('x-wr-calname')).toContain('Feed test cycle');
    expect(before.events.get(uid(published))).toMatchObject({ status: 'CONFIRMED', summary: 'Feed: published' });
    expect(before.events.has(uid(draft))).toBe(false);
    expect(before.events.has(uid(cancelledDraft))).toBe(false);
    expect(before.events.has(uid(other))).toBe(false); // filtered out by the process
    expect((await feed()).events.has(uid(other))).toBe(true); // in the whole feed

    // A move: same UID, new start, a higher SEQUENCE (so calendars replace the event).
    const first = before.events.get(uid(published))!;
    await new Promise((r) => setTimeout(r, 1100)); // SEQUENCE counts seconds
    expect((await organizer.post(`/dialogues/${published.id}/shift`, { byMinutes: 60 })).status).toBe(200);
    const moved = (await feed(`?process=${processSlug}`)).events.get(uid(published))!;
    expect(Date.parse(moved.start) - Date.parse(first.start)).toBe(3_600_000);
    expect(moved.sequence).toBeGreaterThan(first.sequence);

    // A cancellation: still there, STATUS:CANCELLED, a higher SEQUENCE again.
    await new Promise((r) => setTimeout(r, 1100));
    expect((await organizer.post(`/dialogues/${published.id}/cancel`)).status).toBe(200);
    const cancelled = (await feed(`?process=${processSlug}&lang=fr`)).events.get(uid(published))!;
    expect(cancelled.status).toBe('CANCELLED');
    expect(cancelled.summary).toBe('Annulé: Feed: published');
    expect(cancelled.sequence).toBeGreaterThan(moved.sequence);
  });

  it('filters by theme code and never carries the online link', async () => {
    const themes = (await sut.api.get('/themes')).body as { id: string; code: string }[];
    const theme = themes.find((t) => t.code === themeCode)!;
    const gcmTheme = themes.find((t) => t.code !== themeCode && /^T\d$/.test(t.code))!;
    const untagged: Dialogue = await DialogueFactory.createPublished(organizer, {
      title: 'Feed: untagged',
      informalSessionId: await sharedSessionId(organizer),
      themeIds: [gcmTheme.id],
    });
    const tagged: Dialogue = await DialogueFactory.createPublished(organizer, {
      themeIds: [theme.id],
      title: 'Feed: themed',
      format: 'hybrid',
      onlineUrl: 'https://meet.example.org/secret-room',
    });
    const res = await sut.api.get(`/feeds/dialogues.ics?theme=${themeCode}`);
    expect(res.text).not.toContain('secret-room');
    const { events: byTheme } = events(res.text);
    expect(byTheme.has(uid(tagged))).toBe(true);
    expect(byTheme.has(uid(untagged))).toBe(false);
  });

  it('answers problems for an unknown process or theme and bad parameters', async () => {
    for (const [query, status] of [
      ['?process=no-such-process', 404],
      ['?theme=NOPE', 404],
      ['?lang=de', 400],
      ['?process=', 400],
      ['?unknown=1', 400],
    ] as const) {
      const res = await sut.api.get(`/feeds/dialogues.ics${query}`);
      expect({ query, status: res.status }).toEqual({ query, status });
      expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    }
  });

  it('keeps a deleted agenda item as cancelled in the agenda calendars', async () => {
    const coordinator = await sut.staff('coordinator');
    const other = await sut.staff('coordinator');
    const f = await agendaFixture(organizer, { coordinatorId: coordinator.id, otherCoordinatorId: other.id });
    const item = await organizer.post(`/dialogues/${f.dialogue.id}/agenda-items`, {
      title: 'Opening that will be dropped',
      kind: 'opening',
      spaceId: f.plenary.id,
      room: 'Room 1',
      startsAt: f.at(1),
      endsAt: f.at(2),
    });
    expect(item.status).toBe(201);
    const participant = await insertParticipant(sut, f.dialogue.id, { status: 'confirmed' });
    const personal = async () => {
      const res = await sut.api.get(`/registrations/manage/${participant.token}/agenda.ics`);
      expect(res.status).toBe(200);
      return events(res.text).events;
    };
    expect((await personal()).get(`${item.body.id}@gfmd-dialogues`)?.status).toBe('CONFIRMED');
    expect((await organizer.delete(`/agenda-items/${item.body.id}`)).status).toBe(204);

    const gone = (await personal()).get(`${item.body.id}@gfmd-dialogues`);
    expect(gone).toMatchObject({ status: 'CANCELLED', summary: 'Opening that will be dropped' });
    expect(gone!.sequence).toBeGreaterThan(item.body.sequence ?? 0);
    const publicIcs = await sut.api.get(`/dialogues/${f.dialogue.id}/agenda.ics`);
    expect(events(publicIcs.text).events.get(`${item.body.id}@gfmd-dialogues`)?.status).toBe('CANCELLED');
    // Still absent from the agenda itself.
    const agenda = await sut.api.get(`/dialogues/${f.dialogue.id}/agenda`);
    expect(JSON.stringify(agenda.body)).not.toContain('Opening that will be dropped');
  });
});
