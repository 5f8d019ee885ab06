import { AuthModule } from '@gfmd/api-auth';
import { DialoguesModule, SeedService } from '@gfmd/api-dialogues';
import { MailModule } from '@gfmd/api-mail';
import { PlatformModule } from '@gfmd/api-platform';
import { SpacesModule } from '@gfmd/api-spaces';
import { createTestApp, TestApp } from '@gfmd/api-testing';
import type { ApiClient } from '@gfmd/api-testing';
import ICAL from 'ical.js';
import { AgendaModule } from './agenda.module';
import { agendaFixture, AgendaFixture, insertParticipant } from './testing/agenda-fixture';

// X-WR-* and NAME (RFC 7986) are TEXT, as Apple and Google read them; ical.js needs telling.
for (const name of ['x-wr-calname', 'x-wr-caldesc', 'x-wr-timezone', 'name']) {
  ICAL.design.icalendar.property[name] = { defaultType: 'text' };
}

const LONG_TITLE =
  'Ouverture : droits humains de tous les migrants — inclusion sociale, cohésion, et toutes les formes de discrimination, y compris le racisme; 移民 🌍';
const DESCRIPTION = 'Line one, with a comma; and a semicolon\nLine two \\ with a backslash';

/** Checks the RFC 5545 line structure, then parses with ical.js. */
function parse(text: string) {
  expect(text.endsWith('\r\n')).toBe(true);
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/); // CRLF only, never a bare CR or LF
  for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((v) => ({ v, e: new ICAL.Event(v) }));
  return { calendar, events };
}

const utc = (t: ICAL.Time) => t.toJSDate().toISOString();
const secondFloor = (iso: string) => new Date(Math.floor(Date.parse(iso) / 1000) * 1000).toISOString();

describe('Agenda calendars (integration)', () => {
  let sut: TestApp;
  let organizer: ApiClient;
  let coordinator: { id: string };
  let otherCoordinator: { id: string };

  beforeAll(async () => {
    sut = await createTestApp([PlatformModule, AuthModule, MailModule, DialoguesModule, SpacesModule, AgendaModule]);
    await sut.app.get(SeedService).seedProcess();
    organizer = (await sut.staff('organizer')).client;
    coordinator = await sut.staff('coordinator');
    otherCoordinator = await sut.staff('coordinator');
  });
  afterAll(() => sut.close());

  async function agendaWithItems() {
    const f = await agendaFixture(
      organizer,
      { coordinatorId: coordinator.id, otherCoordinatorId: otherCoordinator.id },
      { dialogue: { startsAt: '2031-05-12T07:00:00.000Z', endsAt: '2031-05-12T16:00:00.000Z', venue: 'Geneva, CICG' } },
    );
    const post = async (body: Record<string, unknown>) => {
      const res = await organizer.post(`/dialogues/${f.dialogue.id}/agenda-items`, body);
      if (res.status !== 201) throw new Error(`${res.status} ${res.text}`);
      return res.body;
    };
    const opening = await post({
      spaceId: f.plenary.id,
      title: LONG_TITLE,
      description: DESCRIPTION,
      kind: 'opening',
      startsAt: '2031-05-12T09:00:00+02:00',
      endsAt: '2031-05-12T09:45:00+02:00',
      room: 'Room 1',
      speakers: [
        { name: 'Ana López', organization: 'IOM', role: 'moderator' },
        { name: 'Jean Dupont', organization: null, role: 'speaker' },
      ],
    });
    const coffee = await post({
      title: 'Coffee',
      kind: 'break',
      startsAt: '2031-05-12T07:45:00Z',
      endsAt: '2031-05-12T08:15:00Z',
    });
    const civil = await post({
      spaceId: f.civil.id,
      title: 'Civil society working group',
      kind: 'working_group',
      startsAt: '2031-05-12T08:15:00Z',
      endsAt: '2031-05-12T10:00:00Z',
      room: 'Room 2',
    });
    const business = await post({
      spaceId: f.business.id,
      title: 'Business Mechanism working group',
      kind: 'working_group',
      startsAt: '2031-05-12T08:15:00Z',
      endsAt: '2031-05-12T10:00:00Z',
      room: 'Room 3',
    });
    return { f, opening, coffee, civil, business };
  }

  it('serves the public agenda as RFC 5545 and every field survives an independent parser', async () => {
    const { f, opening, coffee, civil, business } = await agendaWithItems();
    const res = await sut.api.get(`/dialogues/${f.dialogue.id}/agenda.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const { calendar, events } = parse(res.text);

    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//GFMD Dialogues//Agenda 1.0//EN');
    expect(calendar.getFirstPropertyValue('calscale')).toBe('GREGORIAN');
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(f.dialogue.title);
    expect(calendar.getFirstPropertyValue('x-wr-timezone')).toBe('Europe/Zurich');

    // Every item once, in time order (ties by end, then title), with its stable UID.
    expect(events.map(({ e }) => e.uid)).toEqual(
      [opening, coffee, business, civil].map((i) => `${i.id}@gfmd-dialogues`),
    );

    const { v, e } = events[0];
    expect(e.summary).toBe(LONG_TITLE); // folded over several lines, multi-byte characters intact
    expect(res.text).toMatch(/\r\n SUMMARY|\r\n /); // it was indeed folded
    expect(e.description).toBe(`${DESCRIPTION}\n\nSpace: Plenary\n\nModerator: Ana López (IOM)\nSpeaker: Jean Dupont`);
    expect(e.location).toBe('Room 1, Geneva, CICG');
    expect(e.sequence).toBe(0);
    expect(utc(e.startDate)).toBe('2031-05-12T07:00:00.000Z'); // 09:00 in Geneva (CEST)
    expect(utc(e.endDate)).toBe('2031-05-12T07:45:00.000Z');
    expect(e.startDate.zone?.tzid).toBe('UTC');
    expect(v.getFirstPropertyValue('url')).toBe(`http://localhost:3000/dialogues/${f.dialogue.id}`);
    expect(Math.abs((v.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate().getTime() - Date.now())).toBeLessThan(
      60_000,
    );
    expect(v.getFirstPropertyValue('status')).toBe('CONFIRMED');
    // The raw text shows the escaping on the wire.
    const unfolded = res.text.replace(/\r\n /g, '');
    expect(unfolded).toContain(
      'DESCRIPTION:Line one\\, with a comma\\; and a semicolon\\nLine two \\\\ with a backslash',
    );
    expect(unfolded).toContain('LOCATION:Room 1\\, Geneva\\, CICG');

    // Coffee: no space, no room: the venue alone, no speakers.
    expect(events[1].e.location).toBe('Geneva, CICG');
    expect(events[1].e.description).toBeNull();
  });

  it('keeps the UID and bumps SEQUENCE when an item changes, and marks deleted items cancelled', async () => {
    const { f, opening, coffee } = await agendaWithItems();
    await organizer.patch(`/agenda-items/${opening.id}`, {
      title: 'Opening, revised',
      endsAt: '2031-05-12T10:00:00+02:00',
    });
    await organizer.patch(`/agenda-items/${opening.id}`, { description: null });
    await organizer.delete(`/agenda-items/${coffee.id}`);
    const { events } = parse((await sut.api.get(`/dialogues/${f.dialogue.id}/agenda.ics`)).text);
    const revised = events.find(({ e }) => e.uid === `${opening.id}@gfmd-dialogues`)!.e;
    expect(revised).toMatchObject({ summary: 'Opening, revised', sequence: 2 });
    expect(utc(revised.endDate)).toBe('2031-05-12T08:00:00.000Z');
    expect(revised.description).toBe('Space: Plenary\n\nModerator: Ana López (IOM)\nSpeaker: Jean Dupont');
    // A deleted item stays as STATUS:CANCELLED with a higher SEQUENCE, so subscribed calendars drop it visibly.
    const dropped = events.find(({ e }) => e.uid === `${coffee.id}@gfmd-dialogues`)!;
    expect(dropped.v.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(dropped.e.sequence).toBe(coffee.sequence + 1);
    expect(events.filter(({ v }) => v.getFirstPropertyValue('status') === 'CONFIRMED')).toHaveLength(3);
  });

  it('serves one space as its own calendar', async () => {
    const { f, civil } = await agendaWithItems();
    const { calendar, events } = parse(
      (await sut.api.get(`/dialogues/${f.dialogue.id}/agenda.ics?spaceId=${f.civil.id}`)).text,
    );
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(`${f.dialogue.title} — Civil Society space`);
    expect(events.map(({ e }) => e.uid)).toEqual([`${civil.id}@gfmd-dialogues`]);
  });

  describe('personal agenda', () => {
    let fx: Awaited<ReturnType<typeof agendaWithItems>>;
    beforeAll(async () => {
      fx = await agendaWithItems();
    });

    const uidsOf = (text: string) => parse(text).events.map(({ e }) => e.uid);
    const idsOf = (f: { items: { id: string }[] }) => f.items.map((i) => `${i.id}@gfmd-dialogues`);

    it('holds the shared items plus the spaces with a confirmed seat, as JSON and .ics alike', async () => {
      const { f, opening, coffee, civil } = fx;
      const p = await insertParticipant(sut, f.dialogue.id, {
        spaces: [
          { spaceId: f.civil.id, status: 'confirmed' },
          { spaceId: f.business.id, status: 'waitlisted' },
        ],
      });
      const json = await sut.api.get(`/registrations/manage/${p.token}/agenda`);
      expect(json.status).toBe(200);
      expect(json.headers.get('cache-control')).toBe('no-store');
      expect(json.body).toMatchObject({
        registrationId: p.id,
        registrationStatus: 'confirmed',
        timeZone: 'Europe/Zurich',
        confirmedSpaceIds: [f.civil.id],
      });
      const expected = [opening, coffee, civil].map((i) => `${i.id}@gfmd-dialogues`);
      expect(idsOf(json.body)).toEqual(expected);

      const ics = await sut.api.get(`/registrations/manage/${p.token}/agenda.ics`);
      expect(ics.status).toBe(200);
      expect(ics.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
      const { events } = parse(ics.text);
      expect(events.map(({ e }) => e.uid)).toEqual(expected);
      for (const { e } of events) {
        const item = json.body.items.find((i: { id: string }) => `${i.id}@gfmd-dialogues` === e.uid);
        expect(e.summary).toBe(item.title);
        expect(e.sequence).toBe(item.sequence);
        expect(utc(e.startDate)).toBe(secondFloor(item.startsAt));
        expect(utc(e.endDate)).toBe(secondFloor(item.endsAt));
      }
    });

    it('follows the seats: a plenary-only participant gets the shared items, a business one the business items', async () => {
      const { f, opening, coffee, business } = fx;
      const plenaryOnly = await insertParticipant(sut, f.dialogue.id);
      expect(uidsOf((await sut.api.get(`/registrations/manage/${plenaryOnly.token}/agenda.ics`)).text)).toEqual(
        [opening, coffee].map((i) => `${i.id}@gfmd-dialogues`),
      );
      const biz = await insertParticipant(sut, f.dialogue.id, {
        spaces: [{ spaceId: f.business.id, status: 'confirmed' }],
      });
      expect(uidsOf((await sut.api.get(`/registrations/manage/${biz.token}/agenda.ics`)).text)).toEqual(
        [opening, coffee, business].map((i) => `${i.id}@gfmd-dialogues`),
      );
    });

    it('is empty while the registration itself is not confirmed', async () => {
      const { f } = fx;
      const pending = await insertParticipant(sut, f.dialogue.id, {
        status: 'pending',
        spaces: [{ spaceId: f.civil.id, status: 'confirmed' }],
      });
      const json = await sut.api.get(`/registrations/manage/${pending.token}/agenda`);
      expect(json.body).toMatchObject({ registrationStatus: 'pending', items: [], confirmedSpaceIds: [] });
      const { calendar, events } = parse((await sut.api.get(`/registrations/manage/${pending.token}/agenda.ics`)).text);
      expect(events).toEqual([]);
      expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    });

    it("speaks the participant's language in the descriptions", async () => {
      const { f, opening } = fx;
      const p = await insertParticipant(sut, f.dialogue.id, { language: 'fr' });
      const { events } = parse((await sut.api.get(`/registrations/manage/${p.token}/agenda.ics`)).text);
      const e = events.find(({ e }) => e.uid === `${opening.id}@gfmd-dialogues`)!.e;
      expect(e.description).toContain('Espace: Plenary');
      expect(e.description).toContain('Modération: Ana López (IOM)');
    });

    it('answers 404 for an unknown or malformed token', async () => {
      for (const token of ['A'.repeat(43), 'short', 'has%20space']) {
        expect((await sut.api.get(`/registrations/manage/${token}/agenda`)).status).toBe(404);
        expect((await sut.api.get(`/registrations/manage/${token}/agenda.ics`)).status).toBe(404);
      }
    });
  });

  it('interprets an offset time as the same instant and stores it in UTC', async () => {
    const { f } = await agendaWithItems();
    const res = await organizer.post(`/dialogues/${f.dialogue.id}/agenda-items`, {
      spaceId: f.civil.id,
      title: 'Offsets',
      kind: 'panel',
      startsAt: '2031-05-12T14:00:00+02:00',
      endsAt: '2031-05-12T08:30:00-04:00',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      startsAt: '2031-05-12T12:00:00.000Z',
      endsAt: '2031-05-12T12:30:00.000Z',
      startsAtLocal: '2031-05-12T14:00:00+02:00',
      endsAtLocal: '2031-05-12T14:30:00+02:00',
    });
  });
});

export type { AgendaFixture };
