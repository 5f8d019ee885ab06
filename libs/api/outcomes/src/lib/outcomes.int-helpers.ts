import { AuthModule } from '@gfmd/api-auth';
import { DialoguesModule, SeedService } from '@gfmd/api-dialogues';
import { MailModule } from '@gfmd/api-mail';
import { PlatformModule } from '@gfmd/api-platform';
import { SpacesModule } from '@gfmd/api-spaces';
import { createTestApp, DialogueFactory, InformalSessionFactory, TestApp } from '@gfmd/api-testing';
import type { ApiClient } from '@gfmd/api-testing';
import type { Dialogue, InformalSession, Outcome, Space, Theme } from '@gfmd/contracts';
import { randomUUID } from 'node:crypto';
import { OutcomesModule } from './outcomes.module';

type Staff = { id: string; client: ApiClient };
export type OutcomeState = 'draft' | 'submitted' | 'approved' | 'published';

/**
 * The people and helpers of the outcome integration specs: an app with every module the outcome
 * needs, an organizer, a second organizer, a rapporteur (a coordinator of no space), the
 * coordinators of two spaces, and an informal session of its own (searches filtered by it see only
 * this spec's recommendations). Call at the top of a describe: it registers beforeAll/afterAll;
 * the fields are set once beforeAll has run.
 */
export function outcomesWorld() {
  const w = {
    sut: undefined as unknown as TestApp,
    admin: undefined as unknown as ApiClient,
    organizer: undefined as unknown as ApiClient,
    otherOrganizer: undefined as unknown as Staff,
    rapporteur: undefined as unknown as Staff,
    coordinator: undefined as unknown as Staff,
    otherCoordinator: undefined as unknown as Staff,
    session: undefined as unknown as InformalSession,
    themes: [] as Theme[],

    put: (c: ApiClient, dialogueId: string, body: unknown) =>
      c.request('PUT', `/dialogues/${dialogueId}/outcome`, body),
    current: async (dialogueId: string) => (await w.organizer.get<Outcome>(`/dialogues/${dialogueId}/outcome`)).body,
    rec: (overrides: Record<string, unknown> = {}) => ({
      text: `A recommendation ${randomUUID().slice(0, 8)}`,
      kind: 'policy_recommendation',
      themeIds: [w.themes[0].id],
      addressedTo: ['government'],
      ...overrides,
    }),
    /** The recommendations as a client sends them back (ids kept, no references). */
    asBody: (o: Outcome) => o.recommendations.map(({ reference: _r, ...r }) => ({ ...r, spaceId: r.spaceId ?? null })),

    /** A dialogue (published unless asked) with a space of `coordinator` and one of `otherCoordinator`. */
    async fixture(published = true): Promise<{ dialogue: Dialogue; mine: Space; theirs: Space }> {
      const dialogue: Dialogue = published
        ? await DialogueFactory.createPublished(w.organizer, { informalSessionId: w.session.id })
        : await DialogueFactory.create(w.organizer, { informalSessionId: w.session.id });
      const space = async (body: Record<string, unknown>) =>
        (await w.organizer.post<Space>(`/dialogues/${dialogue.id}/spaces`, { access: 'open', rooms: [], ...body }))
          .body;
      const mine = await space({
        name: 'Civil society',
        kind: 'civil_society',
        coordinatingGroup: 'civil_society',
        coordinatorUserIds: [w.coordinator.id],
      });
      const theirs = await space({
        name: 'Business',
        kind: 'business',
        coordinatingGroup: 'private_sector',
        coordinatorUserIds: [w.otherCoordinator.id],
      });
      return { dialogue, mine, theirs };
    },

    /** A fixture whose outcome is in `state`, drafted for the rapporteur, with two recommendations. */
    async outcomeIn(state: OutcomeState) {
      const f = await w.fixture();
      const res = await w.put(w.organizer, f.dialogue.id, {
        rapporteurUserIds: [w.rapporteur.id],
        summary: 'What the dialogue said.',
        keyMessages: ['Mobility is a shared responsibility.'],
        recommendations: [w.rec(), w.rec({ spaceId: f.mine.id, kind: 'good_practice' })],
        version: 0,
      });
      expect(res.status).toBe(200);
      const steps: [string, ApiClient][] = [
        ['submit', w.rapporteur.client],
        ['approve', w.organizer],
        ['publish', w.organizer],
      ];
      const upTo = { draft: 0, submitted: 1, approved: 2, published: 3 }[state];
      for (const [step, client] of steps.slice(0, upTo)) {
        const r = await client.post(`/dialogues/${f.dialogue.id}/outcome/${step}`);
        expect(r.status).toBe(200);
      }
      return { ...f, outcome: await w.current(f.dialogue.id) };
    },
  };

  beforeAll(async () => {
    w.sut = await createTestApp([
      PlatformModule,
      AuthModule,
      MailModule,
      DialoguesModule,
      SpacesModule,
      OutcomesModule,
    ]);
    await w.sut.app.get(SeedService).seedProcess();
    w.admin = (await w.sut.staff('admin')).client;
    w.organizer = (await w.sut.staff('organizer')).client;
    w.otherOrganizer = await w.sut.staff('organizer');
    // Any staff role may be named rapporteur: this one is a coordinator of no space.
    w.rapporteur = await w.sut.staff('coordinator');
    w.coordinator = await w.sut.staff('coordinator');
    w.otherCoordinator = await w.sut.staff('coordinator');
    w.themes = (await w.organizer.get<Theme[]>('/themes')).body;
    w.session = await InformalSessionFactory.create(w.organizer, {}, 45);
  });
  afterAll(() => w.sut.close());

  return w;
}

export type OutcomesWorld = ReturnType<typeof outcomesWorld>;
export type OutcomeFixture = Awaited<ReturnType<OutcomesWorld['outcomeIn']>>;
