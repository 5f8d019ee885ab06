import { AuthModule } from '@gfmd/api-auth';
import { DEMO_DIALOGUE_TITLE, DialoguesModule, SeedService } from '@gfmd/api-dialogues';
import { MailModule } from '@gfmd/api-mail';
import { PlatformModule } from '@gfmd/api-platform';
import { SpacesModule } from '@gfmd/api-spaces';
import { createTestApp, DAY, DialogueFactory, InformalSessionFactory, TestApp } from '@gfmd/api-testing';
import type { ApiClient } from '@gfmd/api-testing';
import { AgendaDemoSeeder } from './agenda-demo.seeder';
import { AgendaModule } from './agenda.module';

describe('TimelineController (integration)', () => {
  let sut: TestApp;
  let organizer: ApiClient;

  beforeAll(async () => {
    sut = await createTestApp([PlatformModule, AuthModule, MailModule, DialoguesModule, SpacesModule, AgendaModule]);
    await sut.app.get(SeedService).seedProcess();
    organizer = (await sut.staff('organizer')).client;
  });
  afterAll(() => sut.close());

  /** A new informal session on a number still free (numbers 1–1000 are scarce in the shared test database). */
  async function newSession(inDays: number) {
    for (let attempt = 0; attempt < 10; attempt++) {
      const [free] = await sut.dataSource.query(
        `SELECT g AS n FROM generate_series(7, 1000) g
          WHERE NOT EXISTS (SELECT 1 FROM informal_sessions s WHERE s.number = g) ORDER BY random() LIMIT 1`,
      );
      if (!free) throw new Error('no informal session number left in the test database');
      try {
        return await InformalSessionFactory.create(organizer, { number: free.n }, inDays);
      } catch {
        // taken meanwhile by a concurrent spec: try another
      }
    }
    throw new Error('could not create an informal session');
  }

  it('lists informal sessions with the dialogues ahead of each, lead times and warnings', async () => {
    const session = await newSession(60);
    const ahead = await DialogueFactory.createPublished(organizer, { informalSessionId: session.id });
    const late = await DialogueFactory.createPublished(organizer, {
      informalSessionId: session.id,
      startsAt: new Date(Date.now() + 61 * DAY).toISOString(),
      endsAt: new Date(Date.now() + 61.3 * DAY).toISOString(),
    });
    const draft = await DialogueFactory.create(organizer, { informalSessionId: session.id });

    const staff = await organizer.get('/timeline');
    expect(staff.status).toBe(200);
    const numbers = staff.body.map((e: { session: { number: number } }) => e.session.number);
    expect(numbers.slice(0, 6)).toEqual([1, 2, 3, 4, 5, 6]); // the GCM sessions of 2017, by start
    const entry = staff.body.find((e: { session: { id: string } }) => e.session.id === session.id);
    expect(entry.dialogues.map((d: { id: string }) => d.id).sort()).toEqual([ahead.id, late.id, draft.id].sort());
    const byId = Object.fromEntries(entry.dialogues.map((d: { id: string }) => [d.id, d]));
    expect(byId[ahead.id].leadTimeDays).toBeGreaterThanOrEqual(29);
    expect(byId[ahead.id].schedulingWarnings).toEqual([]);
    expect(byId[late.id].leadTimeDays).toBeLessThan(0);
    expect(byId[late.id].schedulingWarnings[0]).toMatch(/ends after informal session/);
    expect(entry.warnings).toEqual([]);

    const anonymous = await sut.api.get('/timeline');
    const publicEntry = anonymous.body.find((e: { session: { id: string } }) => e.session.id === session.id);
    expect(publicEntry.dialogues.map((d: { id: string }) => d.id).sort()).toEqual([ahead.id, late.id].sort());
  });

  it('warns staff about an upcoming session with no dialogue ahead of it', async () => {
    const session = await newSession(90);
    const entry = (await organizer.get('/timeline')).body.find(
      (e: { session: { id: string } }) => e.session.id === session.id,
    );
    expect(entry.dialogues).toEqual([]);
    expect(entry.warnings[0]).toMatch(/No published dialogue is scheduled ahead/);
    const anonymous = (await sut.api.get('/timeline')).body.find(
      (e: { session: { id: string } }) => e.session.id === session.id,
    );
    expect(anonymous.warnings).toEqual([]);
  });

  it('seeds demo spaces and a two-day agenda without overlaps for the demo dialogue', async () => {
    const sessions = (await organizer.get('/informal-sessions')).body as { id: string; number: number }[];
    const dialogue = await DialogueFactory.createPublished(organizer, {
      informalSessionId: sessions.find((s) => s.number === 1)!.id,
      title: `${DEMO_DIALOGUE_TITLE} ${Date.now()}`,
      startsAt: '2031-06-02T07:00:00.000Z',
      endsAt: '2031-06-03T15:30:00.000Z',
    });
    await sut.app.get(AgendaDemoSeeder).seed(dialogue.id);
    await sut.app.get(AgendaDemoSeeder).seed(dialogue.id); // idempotent
    const spaces = (await sut.api.get(`/dialogues/${dialogue.id}/spaces`)).body;
    expect(spaces.map((s: { kind: string }) => s.kind)).toEqual(['plenary', 'civil_society', 'business']);
    expect(spaces[2].coordinatingGroup).toBe('private_sector');
    const agenda = (await sut.api.get(`/dialogues/${dialogue.id}/agenda`)).body;
    expect(agenda.items).toHaveLength(10);
    expect(agenda.items[0]).toMatchObject({
      title: 'Opening of the dialogue',
      startsAtLocal: '2031-06-02T09:00:00+02:00',
    });
  });
});
