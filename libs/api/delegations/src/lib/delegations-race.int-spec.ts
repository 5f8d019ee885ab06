import { AuthModule } from '@gfmd/api-auth';
import { DialoguesModule, SeedService } from '@gfmd/api-dialogues';
import { MailModule, OutboxService } from '@gfmd/api-mail';
import { PlatformModule } from '@gfmd/api-platform';
import { RegistrationSettings, RegistrationsModule } from '@gfmd/api-registrations';
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
  DelegationsModule,
];

const person = (over: Record<string, unknown> = {}) => ({
  email: `p-${randomUUID()}@example.org`,
  firstName: 'Lucía',
  lastName: 'Quispe',
  organization: 'Mission',
  country: 'PE',
  preferredLanguage: 'es',
  consent: true,
  ...over,
});

/**
 * Seats held by delegations never overbook a dialogue, whatever arrives at once: delegation
 * creations, public registrations and delegates named by focal points, each request in its own
 * transaction. The control turns the row locks off and shows the same races overbook.
 */
describe(`${DelegationsModule.name} under truly parallel requests`, () => {
  let sut: TestApp;
  let settings: RegistrationSettings;
  let organizer: ApiClient;
  let sessionId: string;
  const q = <T = any>(sql: string, params: unknown[] = []) => sut.dataSource.query(sql, params) as Promise<T[]>;
  const race = (n: number, fire: (i: number) => Promise<{ status: number; body: any }>) =>
    Promise.all(Array.from({ length: n }, (_, i) => fire(i)));
  const published = (capacity: number) =>
    DialogueFactory.createPublished(organizer, { informalSessionId: sessionId, capacity });
  const delegation = (dialogueId: string, seats: number) =>
    organizer.post(`/dialogues/${dialogueId}/delegations`, {
      name: `Delegation ${randomUUID()}`,
      stakeholderGroup: 'government',
      seats,
      focalPointEmail: `focal-${randomUUID()}@mission.example.org`,
    });
  const focalToken = async (delegationId: string) => {
    const [row] = await q<{ id: string }>(
      `SELECT id FROM outbound_emails WHERE kind = 'delegation' AND params->>'linkId' = $1`,
      [delegationId],
    );
    const email = await sut.app.get(OutboxService).contentOf(row.id);
    return /\/delegations\/([A-Za-z0-9_-]{40,})/.exec(`${email?.text}`)?.[1] ?? '';
  };
  /** Seats taken: every held seat (used or not) and every confirmed registration outside a delegation. */
  const seatsTaken = async (dialogueId: string) => {
    const [row] = await q<{ held: number; outside: number; counter: number }>(
      `SELECT (SELECT coalesce(sum(seats), 0)::int FROM seat_holds WHERE dialogue_id = $1) AS held,
              (SELECT count(*)::int FROM registrations WHERE dialogue_id = $1 AND status = 'confirmed' AND hold_id IS NULL) AS outside,
              (SELECT confirmed_count FROM dialogues WHERE id = $1) AS counter`,
      [dialogueId],
    );
    return row;
  };
  const delegatesIn = async (delegationId: string) =>
    (
      await q<{ n: number }>(
        "SELECT count(*)::int AS n FROM registrations WHERE hold_id = $1 AND status = 'confirmed'",
        [delegationId],
      )
    )[0].n;

  beforeAll(async () => {
    sut = await createTestApp(MODULES);
    await sut.app.get(SeedService).seedProcess();
    settings = sut.app.get(RegistrationSettings);
    organizer = (await sut.staff('organizer')).client;
    sessionId =
      (await organizer.get('/informal-sessions')).body[0]?.id ?? (await InformalSessionFactory.create(organizer)).id;
  });
  afterAll(() => sut.close());
  beforeEach(() => {
    Object.assign(settings, new RegistrationSettings());
    settings.maxBatch = 1;
  });
  afterEach(() => Object.assign(settings, new RegistrationSettings()));

  it('capacity 10: 15 delegations of 2 seats racing 20 public registrants fill exactly 10 seats, never more', async () => {
    const d = await published(10);
    const results = await race(35, (i) =>
      i % 7 < 3
        ? delegation(d.id, 2)
        : sut.api.post(`/dialogues/${d.id}/registrations`, { ...person(), stakeholderGroup: 'academia' }),
    );
    expect(results.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    const refused = results.filter((r) => r.status === 409);
    expect(refused.every((r) => /not-enough-seats$/.test(r.body.type))).toBe(true);
    const taken = await seatsTaken(d.id);
    expect(taken.held + taken.outside).toBe(10);
    expect(taken.counter).toBe(10);
  });

  it('a delegation of 3 seats, 25 delegates named at once: exactly 3 confirmed, 22 refused (delegation-full)', async () => {
    const d = await published(50);
    const del = (await delegation(d.id, 3)).body;
    const token = await focalToken(del.id);
    const results = await race(25, () =>
      sut.api.post(`/delegations/manage/${token}/delegates`, person({ role: 'delegate' })),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(3);
    expect(results.filter((r) => r.status === 409 && /delegation-full$/.test(r.body.type))).toHaveLength(22);
    expect(await delegatesIn(del.id)).toBe(3);
    expect((await seatsTaken(d.id)).counter).toBe(3);
  });

  it('delegates named, withdrawn and public registrations at once in a full dialogue: the held seats stay the delegation’s', async () => {
    const d = await published(4);
    const del = (await delegation(d.id, 4)).body;
    const token = await focalToken(del.id);
    const first = await sut.api.post(`/delegations/manage/${token}/delegates`, person({ role: 'delegate' }));
    const firstId = first.body.delegates[0].registrationId;
    const results = await race(30, (i) =>
      i === 0
        ? sut.api.delete(`/delegations/manage/${token}/delegates/${firstId}`)
        : i % 2
          ? sut.api.post(`/delegations/manage/${token}/delegates`, person({ role: 'adviser' }))
          : sut.api.post(`/dialogues/${d.id}/registrations`, { ...person(), stakeholderGroup: 'academia' }),
    );
    expect(results.filter((r, i) => i % 2 === 0 && i > 0).every((r) => r.body.status === 'waitlisted')).toBe(true);
    // 4 named, or 3 when the withdrawal came after every addition: never more than the delegation's seats.
    expect([3, 4]).toContain(await delegatesIn(del.id));
    const taken = await seatsTaken(d.id);
    expect(taken).toEqual({ held: 4, outside: 0, counter: 4 });
  });

  it('CONTROL: without the row locks the same races overbook (so the tests above can fail)', async () => {
    settings.locking = false;
    settings.unguardedDelayMs = 30;
    const d = await published(10);
    await race(15, () => delegation(d.id, 2));
    const taken = await seatsTaken(d.id);
    expect(taken.held).toBeGreaterThan(10);

    const roomy = await published(50);
    settings.locking = true;
    const del = (await delegation(roomy.id, 3)).body;
    const token = await focalToken(del.id);
    settings.locking = false;
    await race(25, () => sut.api.post(`/delegations/manage/${token}/delegates`, person({ role: 'delegate' })));
    expect(await delegatesIn(del.id)).toBeGreaterThan(3);
  });
});
