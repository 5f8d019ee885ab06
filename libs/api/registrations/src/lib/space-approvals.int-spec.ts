// Seat requests in a space with `approval` access: listed and counted for the space's coordinator and
// organizers (`awaiting=space`, stats `awaiting`), approved or declined one space at a time
// (POST /registrations/:id/spaces/:spaceId/approve|decline), never by the coordinator of another space.
import { AuthModule } from '@gfmd/api-auth';
import { DialoguesModule, SeedService } from '@gfmd/api-dialogues';
import { MailModule } from '@gfmd/api-mail';
import { PlatformModule } from '@gfmd/api-platform';
import { SpacesModule } from '@gfmd/api-spaces';
import { createTestApp, DialogueFactory, InformalSessionFactory, TestApp } from '@gfmd/api-testing';
import type { ApiClient, ApiResponse } from '@gfmd/api-testing';
import type { Dialogue } from '@gfmd/contracts';
import { randomUUID } from 'node:crypto';
import { RegistrationsModule } from './registrations.module';

const MODULES = [PlatformModule, AuthModule, MailModule, DialoguesModule, SpacesModule, RegistrationsModule];

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

describe('space approvals', () => {
  let sut: TestApp;
  let admin: ApiClient;
  let organizer: ApiClient;
  /** coordinates the civil-society space */
  let civilCoordinator: { id: string; client: ApiClient };
  /** coordinates the business space */
  let businessCoordinator: { id: string; client: ApiClient };
  let sessionId: string;

  const q = <T = any>(sql: string, params: unknown[] = []) => sut.dataSource.query(sql, params) as Promise<T[]>;
  const emailsOf = async (registrationId: string) =>
    (
      await q<{ kind: string }>(
        "SELECT kind FROM outbound_emails WHERE registration_id = $1 AND kind <> 'reminder' ORDER BY created_at",
        [registrationId],
      )
    ).map((r) => r.kind);
  const seatStatus = async (registrationId: string, spaceId: string) =>
    (
      await q<{ status: string }>(
        'SELECT status FROM registration_spaces WHERE registration_id = $1 AND space_id = $2',
        [registrationId, spaceId],
      )
    )[0]?.status;
  const ids = (res: ApiResponse) => res.body.items.map((r: { firstName: string }) => r.firstName).sort();
  const expectProblem = (res: ApiResponse, status: number, slug: string) => {
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.type).toBe(`https://gfmd-dialogues.org/problems/${slug}`);
  };

  /** A published dialogue with two approval spaces (civil society: 1 seat; business: 5), and four people. */
  const fixture = async () => {
    const dialogue: Dialogue = await DialogueFactory.createPublished(organizer, {
      informalSessionId: sessionId,
      capacity: 50,
    });
    const space = async (kind: string, capacity: number, coordinatorUserIds: string[]) => {
      const res = await organizer.post(`/dialogues/${dialogue.id}/spaces`, {
        name: `${kind} ${randomUUID()}`,
        kind,
        access: 'approval',
        capacity,
        coordinatorUserIds,
      });
      if (res.status !== 201) throw new Error(`space: ${res.status} ${res.text}`);
      return res.body.id as string;
    };
    const civil = await space('civil_society', 1, [civilCoordinator.id]);
    const business = await space('business', 5, [businessCoordinator.id]);
    const register = async (firstName: string, spaceIds: string[]) => {
      const res = await sut.api.post(`/dialogues/${dialogue.id}/registrations`, person({ firstName, spaceIds }));
      if (res.status !== 201) throw new Error(`register: ${res.status} ${res.text}`);
      return res.body.id as string;
    };
    return {
      dialogue,
      civil,
      business,
      both: await register('Both', [civil, business]),
      civilOnly: await register('Civil', [civil]),
      businessOnly: await register('Business', [business]),
      none: await register('None', []),
    };
  };

  beforeAll(async () => {
    sut = await createTestApp(MODULES);
    await sut.app.get(SeedService).seedProcess();
    admin = (await sut.staff('admin')).client;
    organizer = (await sut.staff('organizer')).client;
    civilCoordinator = await sut.staff('coordinator');
    businessCoordinator = await sut.staff('coordinator');
    sessionId =
      (await organizer.get('/informal-sessions')).body[0]?.id ?? (await InformalSessionFactory.create(organizer)).id;
  });
  afterAll(() => sut.close());

  it('lists and counts pending space requests: a coordinator only those of their spaces, organizers all', async () => {
    const f = await fixture();
    const url = `/dialogues/${f.dialogue.id}/registrations`;

    const mine = await civilCoordinator.client.get(`${url}?awaiting=space`);
    expect(mine.status).toBe(200);
    expect(ids(mine)).toEqual(['Both', 'Civil']);
    expect(mine.body.total).toBe(2);
    for (const row of mine.body.items) {
      expect(row.status).toBe('confirmed');
      expect(row.spaces).toEqual([{ spaceId: f.civil, status: 'pending', name: expect.stringContaining('civil') }]);
    }
    expect(ids(await businessCoordinator.client.get(`${url}?awaiting=space`))).toEqual(['Both', 'Business']);
    expect(ids(await organizer.get(`${url}?awaiting=space`))).toEqual(['Both', 'Business', 'Civil']);
    expect(ids(await organizer.get(`${url}?awaiting=approval&spaceId=${f.business}`))).toEqual(['Both', 'Business']);
    expect((await organizer.get(`${url}?status=pending`)).body.total).toBe(0);
    expectProblem(await civilCoordinator.client.get(`${url}?awaiting=space&spaceId=${f.business}`), 403, 'forbidden');
    expectProblem(await organizer.get(`${url}?awaiting=soon`), 400, 'invalid-input');

    const own = (await civilCoordinator.client.get(`/dialogues/${f.dialogue.id}/stats`)).body;
    expect(own.awaiting).toEqual({ registrations: 0, bySpace: { [f.civil]: 2 } });
    const all = (await organizer.get(`/dialogues/${f.dialogue.id}/stats`)).body;
    expect(all.awaiting).toEqual({ registrations: 0, bySpace: { [f.civil]: 2, [f.business]: 2 } });
  });

  it('lists registrations awaiting an organizer under awaiting=approval, beside space requests', async () => {
    const dialogue = await DialogueFactory.createPublished(organizer, {
      informalSessionId: sessionId,
      approvalRequired: true,
    });
    const reg = await sut.api.post(`/dialogues/${dialogue.id}/registrations`, person({ firstName: 'Waiting' }));
    expect(reg.body.status).toBe('pending');
    const url = `/dialogues/${dialogue.id}/registrations`;
    expect(ids(await organizer.get(`${url}?awaiting=approval`))).toEqual(['Waiting']);
    expect((await organizer.get(`${url}?awaiting=space`)).body.total).toBe(0);
    expect((await organizer.get(`/dialogues/${dialogue.id}/stats`)).body.awaiting).toEqual({
      registrations: 1,
      bySpace: {},
    });
  });

  it("refuses the civil-society coordinator the business space's requests, and changes nothing", async () => {
    const f = await fixture();
    for (const action of ['approve', 'decline']) {
      // Sees the registration (it is also in their space) but not the business request: 403.
      expectProblem(
        await civilCoordinator.client.post(`/registrations/${f.both}/spaces/${f.business}/${action}`),
        403,
        'forbidden',
      );
      // A registration only in the business space is invisible to them: 404.
      expectProblem(
        await civilCoordinator.client.post(`/registrations/${f.businessOnly}/spaces/${f.business}/${action}`),
        404,
        'not-found',
      );
      // The old body-style route keeps the same rule.
      expect(
        (await civilCoordinator.client.post(`/registrations/${f.both}/${action}`, { spaceId: f.business })).status,
      ).toBe(403);
    }
    expect(await seatStatus(f.both, f.business)).toBe('pending');
    expect(await seatStatus(f.businessOnly, f.business)).toBe('pending');
    expect(await emailsOf(f.both)).toEqual(['confirmation']);
    expect(await emailsOf(f.businessOnly)).toEqual(['confirmation']);
  });

  it('lets the coordinator approve within capacity (the next waits in line) and decline, each with an email', async () => {
    const f = await fixture();
    const approved = await civilCoordinator.client.post(`/registrations/${f.both}/spaces/${f.civil}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.body.spaces).toEqual([{ spaceId: f.civil, status: 'confirmed', name: expect.any(String) }]);
    expect(await emailsOf(f.both)).toEqual(['confirmation', 'approved']);

    // The space has one seat: the second approval waits in line, never overbooks.
    const full = await civilCoordinator.client.post(`/registrations/${f.civilOnly}/spaces/${f.civil}/approve`);
    expect(full.status).toBe(200);
    expect(full.body.spaces[0].status).toBe('waitlisted');
    expect(await emailsOf(f.civilOnly)).toEqual(['confirmation', 'waitlisted']);
    const [{ confirmedCount }] = await q('SELECT confirmed_count AS "confirmedCount" FROM spaces WHERE id = $1', [
      f.civil,
    ]);
    expect(confirmedCount).toBe(1);
    expect(
      (await q("SELECT 1 FROM registration_spaces WHERE space_id = $1 AND status = 'confirmed'", [f.civil])).length,
    ).toBe(1);

    // Nothing pending any more in this space.
    expectProblem(
      await civilCoordinator.client.post(`/registrations/${f.both}/spaces/${f.civil}/approve`),
      422,
      'no-pending-space-request',
    );
    expectProblem(
      await civilCoordinator.client.post(`/registrations/${f.civilOnly}/spaces/${f.civil}/decline`),
      422,
      'no-pending-space-request',
    );
    const stats = (await civilCoordinator.client.get(`/dialogues/${f.dialogue.id}/stats`)).body;
    expect(stats.awaiting.bySpace).toEqual({});
    // "Both" still waits for the business space: not the civil-society coordinator's to see.
    const left = await civilCoordinator.client.get(`/dialogues/${f.dialogue.id}/registrations?awaiting=space`);
    expect(left.body.total).toBe(0);
    expect(
      ids(await businessCoordinator.client.get(`/dialogues/${f.dialogue.id}/registrations?awaiting=space`)),
    ).toEqual(['Both', 'Business']);

    // The business coordinator declines; the person keeps the dialogue and the civil-society seat.
    const declined = await businessCoordinator.client.post(`/registrations/${f.both}/spaces/${f.business}/decline`);
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({
      status: 'confirmed',
      spaces: [{ spaceId: f.business, status: 'declined' }],
    });
    expect(await seatStatus(f.both, f.civil)).toBe('confirmed');
    expect(await emailsOf(f.both)).toEqual(['confirmation', 'approved', 'declined']);
    expectProblem(
      await businessCoordinator.client.post(`/registrations/${f.both}/spaces/${f.business}/decline`),
      422,
      'no-pending-space-request',
    );
  });

  describe('undo of a space decline', () => {
    const declinedEmail = async (registrationId: string) =>
      (
        await q<{ status: string; sendAfter: Date }>(
          `SELECT status, send_after AS "sendAfter" FROM outbound_emails
            WHERE registration_id = $1 AND kind = 'declined' ORDER BY created_at DESC LIMIT 1`,
          [registrationId],
        )
      )[0];

    it('holds the email for the undo window; undo puts the request back as pending and cancels the email', async () => {
      const f = await fixture();
      const declined = await businessCoordinator.client.post(`/registrations/${f.both}/spaces/${f.business}/decline`);
      expect(declined.status).toBe(200);
      const undoUntil = Date.parse(declined.body.undoUntil);
      expect(undoUntil).toBeGreaterThan(Date.now());
      const held = await declinedEmail(f.both);
      expect(held.status).toBe('pending');
      expect(new Date(held.sendAfter).getTime()).toBeGreaterThan(undoUntil);
      // Not the coordinator of that space: refused, nothing changes.
      expect(
        (await civilCoordinator.client.post(`/registrations/${f.both}/spaces/${f.business}/undo-decline`)).status,
      ).toBe(403);

      const undone = await businessCoordinator.client.post(
        `/registrations/${f.both}/spaces/${f.business}/undo-decline`,
      );

      expect(undone.status).toBe(200);
      expect(undone.body.spaces).toEqual([{ spaceId: f.business, status: 'pending', name: expect.any(String) }]);
      expect(await seatStatus(f.both, f.business)).toBe('pending');
      expect((await declinedEmail(f.both)).status).toBe('cancelled');
      // Back among the pending approvals, and approvable.
      expect(
        ids(await businessCoordinator.client.get(`/dialogues/${f.dialogue.id}/registrations?awaiting=space`)),
      ).toContain('Both');
      expectProblem(
        await businessCoordinator.client.post(`/registrations/${f.both}/spaces/${f.business}/undo-decline`),
        409,
        'undo-expired',
      );
      // Declined again: a new email, held again.
      expect(
        (await businessCoordinator.client.post(`/registrations/${f.both}/spaces/${f.business}/decline`)).status,
      ).toBe(200);
      expect((await declinedEmail(f.both)).status).toBe('pending');
      expect(await emailsOf(f.both)).toEqual(['confirmation', 'declined', 'declined']);
    });

    it('after the window: 409 undo-expired, the decline stands and its email stays due', async () => {
      const f = await fixture();
      expect((await organizer.post(`/registrations/${f.civilOnly}/spaces/${f.civil}/decline`)).status).toBe(200);
      await q(`UPDATE registration_spaces SET declined_at = now() - interval '1 minute' WHERE registration_id = $1`, [
        f.civilOnly,
      ]);
      expectProblem(
        await civilCoordinator.client.post(`/registrations/${f.civilOnly}/spaces/${f.civil}/undo-decline`),
        409,
        'undo-expired',
      );
      expect(await seatStatus(f.civilOnly, f.civil)).toBe('declined');
      expect((await declinedEmail(f.civilOnly)).status).toBe('pending');
    });

    it('undoes one space decline without touching another space’s held email', async () => {
      const f = await fixture();
      expect((await organizer.post(`/registrations/${f.both}/spaces/${f.civil}/decline`)).status).toBe(200);
      expect((await organizer.post(`/registrations/${f.both}/spaces/${f.business}/decline`)).status).toBe(200);
      expect((await organizer.post(`/registrations/${f.both}/spaces/${f.business}/undo-decline`)).status).toBe(200);
      const rows = await q<{ status: string }>(
        `SELECT status FROM outbound_emails WHERE registration_id = $1 AND kind = 'declined' ORDER BY created_at`,
        [f.both],
      );
      expect(rows.map((r) => r.status)).toEqual(['pending', 'cancelled']);
      expect(await seatStatus(f.both, f.civil)).toBe('declined');
      expect(await seatStatus(f.both, f.business)).toBe('pending');
    });
  });

  it('lets organizers approve and decline any space request; unknown requests are 404', async () => {
    const f = await fixture();
    const ok = await organizer.post(`/registrations/${f.businessOnly}/spaces/${f.business}/approve`);
    expect(ok.status).toBe(200);
    expect(ok.body.spaces).toEqual([{ spaceId: f.business, status: 'confirmed', name: expect.any(String) }]);
    const no = await admin.post(`/registrations/${f.civilOnly}/spaces/${f.civil}/decline`);
    expect(no.status).toBe(200);
    expect(no.body.spaces[0].status).toBe('declined');
    expect(await emailsOf(f.businessOnly)).toEqual(['confirmation', 'approved']);
    expect(await emailsOf(f.civilOnly)).toEqual(['confirmation', 'declined']);
    expectProblem(await organizer.post(`/registrations/${f.none}/spaces/${f.civil}/approve`), 404, 'not-found');
    expectProblem(await organizer.post(`/registrations/${randomUUID()}/spaces/${f.civil}/approve`), 404, 'not-found');
    expect((await organizer.post(`/registrations/${f.none}/spaces/not-a-uuid/approve`)).status).toBe(404);
  });

  it('waits for the organizer first when the registration itself is pending', async () => {
    const dialogue = await DialogueFactory.createPublished(organizer, {
      informalSessionId: sessionId,
      approvalRequired: true,
    });
    const s = await organizer.post(`/dialogues/${dialogue.id}/spaces`, {
      name: `Civil ${randomUUID()}`,
      kind: 'civil_society',
      access: 'approval',
      coordinatorUserIds: [civilCoordinator.id],
    });
    const reg = await sut.api.post(`/dialogues/${dialogue.id}/registrations`, person({ spaceIds: [s.body.id] }));
    expect(
      (await civilCoordinator.client.get(`/dialogues/${dialogue.id}/registrations?awaiting=space`)).body.total,
    ).toBe(0);
    expectProblem(
      await civilCoordinator.client.post(`/registrations/${reg.body.id}/spaces/${s.body.id}/approve`),
      422,
      'registration-pending',
    );
  });

  describe('role matrix', () => {
    type Who = 'anonymous' | 'participant' | 'coordinatorOfThis' | 'coordinatorOfOther' | 'organizer' | 'admin';
    const client = (who: Who): ApiClient =>
      ({
        anonymous: sut.api,
        participant: sut.api.withToken('not-a-staff-token-but-a-manage-link-token'),
        coordinatorOfThis: civilCoordinator.client,
        coordinatorOfOther: businessCoordinator.client,
        organizer,
        admin,
      })[who];
    const expected: Record<Who, number> = {
      anonymous: 401,
      participant: 401,
      coordinatorOfThis: 200,
      // sees the registration through the business request, but not this space's: 403
      coordinatorOfOther: 403,
      organizer: 200,
      admin: 200,
    };

    for (const action of ['approve', 'decline']) {
      it(`POST /registrations/:id/spaces/:spaceId/${action}`, async () => {
        for (const who of Object.keys(expected) as Who[]) {
          const f = await fixture();
          const res = await client(who).post(`/registrations/${f.both}/spaces/${f.civil}/${action}`);
          expect({ who, status: res.status }).toEqual({ who, status: expected[who] });
        }
      });
    }

    it('POST /registrations/:id/spaces/:spaceId/undo-decline', async () => {
      for (const who of Object.keys(expected) as Who[]) {
        const f = await fixture();
        expect((await organizer.post(`/registrations/${f.both}/spaces/${f.civil}/decline`)).status).toBe(200);
        const res = await client(who).post(`/registrations/${f.both}/spaces/${f.civil}/undo-decline`);
        expect({ who, status: res.status }).toEqual({ who, status: expected[who] });
      }
    });
  });
});
