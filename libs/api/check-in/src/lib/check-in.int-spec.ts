// Check-in codes and the door (real PostgreSQL): sign, verify, forge, reissue; other dialogue and
// unconfirmed refused; second scans and offline replays never count twice; undo; the door role
// scans and does nothing else; a coordinator reaches only the registrations of their spaces.
import { AuthModule } from '@gfmd/api-auth';
import { DialoguesModule, SeedService } from '@gfmd/api-dialogues';
import { MailModule, OutboxService } from '@gfmd/api-mail';
import { PlatformModule } from '@gfmd/api-platform';
import { RegistrationsModule } from '@gfmd/api-registrations';
import { SpacesModule } from '@gfmd/api-spaces';
import { createTestApp, DialogueFactory, InformalSessionFactory, TestApp } from '@gfmd/api-testing';
import type { ApiClient, ApiResponse } from '@gfmd/api-testing';
import type { Dialogue } from '@gfmd/contracts';
import { randomUUID } from 'node:crypto';
import { CheckInCodes } from './check-in-codes.service';
import { CheckInModule } from './check-in.module';

const MODULES = [
  PlatformModule,
  AuthModule,
  MailModule,
  DialoguesModule,
  SpacesModule,
  RegistrationsModule,
  CheckInModule,
];

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

describe('check-in at the door (integration)', () => {
  let sut: TestApp;
  let organizer: ApiClient;
  let door: ApiClient;
  let doorId: string;
  let sessionId: string;

  const q = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
    sut.dataSource.query(text, params) as Promise<T[]>;
  const expectProblem = (res: ApiResponse, status: number, slug: string) => {
    expect({ status: res.status, type: res.body?.type }).toEqual({
      status,
      type: `https://gfmd-dialogues.org/problems/${slug}`,
    });
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  };
  const manageToken = async (registrationId: string) => {
    const [row] = await q<{ id: string }>(
      "SELECT id FROM outbound_emails WHERE registration_id = $1 AND kind = ANY('{confirmation,pending}')",
      [registrationId],
    );
    const email = await sut.app.get(OutboxService).contentOf(row.id);
    const match = /\/manage\/([A-Za-z0-9_-]{40,})/.exec(`${email?.text} ${email?.html}`);
    if (!match) throw new Error('no manage link in the email');
    return match[1];
  };
  const assignDoor = async (dialogueId: string, userIds: string[]) => {
    const res = await organizer.request('PUT', `/dialogues/${dialogueId}/door-staff`, { userIds });
    if (res.status !== 200) throw new Error(`door-staff: ${res.status} ${res.text}`);
    return res;
  };
  /** A published dialogue, with the test's door user assigned to its door. */
  const dialogue = async (over: Record<string, unknown> = {}) => {
    const d = await DialogueFactory.createPublished(organizer, { informalSessionId: sessionId, ...over });
    await assignDoor(d.id, [doorId]);
    return d;
  };
  const register = async (d: Dialogue, over: Record<string, unknown> = {}) => {
    const res = await sut.api.post(`/dialogues/${d.id}/registrations`, person(over));
    if (res.status !== 201) throw new Error(`register: ${res.status} ${res.text}`);
    return res.body.id as string;
  };
  const codeOf = async (id: string, dialogueId: string) =>
    (await sut.app.get(CheckInCodes).codesOf(id, dialogueId)).checkInCode;
  const checkedInAt = async (id: string) =>
    (await q<{ at: Date | null }>('SELECT checked_in_at AS at FROM registrations WHERE id = $1', [id]))[0].at;
  const auditLines = async (id: string, action: string) =>
    (
      await q<{ n: number }>('SELECT count(*)::int AS n FROM audit_events WHERE entity_id = $1 AND action = $2', [
        id,
        action,
      ])
    )[0].n;

  beforeAll(async () => {
    sut = await createTestApp(MODULES);
    await sut.app.get(SeedService).seedProcess();
    organizer = (await sut.staff('organizer')).client;
    ({ client: door, id: doorId } = await sut.staff('door'));
    sessionId =
      (await organizer.get('/informal-sessions')).body[0]?.id ?? (await InformalSessionFactory.create(organizer)).id;
  });
  afterAll(() => sut.close());

  it('gives a confirmed participant a signed code in the manage view, which checks them in once', async () => {
    const d = await dialogue();
    const id = await register(d, { firstName: 'Leïla' });
    const token = await manageToken(id);
    const view = await sut.api.get(`/registrations/manage/${token}`);
    const code: string = view.body.checkInCode;
    expect(code).toMatch(/^C1[A-Za-z0-9_-]{48}$/);
    expect(code).not.toContain(token);
    // The confirmation email sends them to that page for it (no token in a QR, no code in the email).
    const [row] = await q<{ id: string }>(
      "SELECT id FROM outbound_emails WHERE registration_id = $1 AND kind = 'confirmation'",
      [id],
    );
    const email = await sut.app.get(OutboxService).contentOf(row.id);
    expect(email?.text).toMatch(/check-in code|code d’enregistrement/);

    const first = await door.post('/check-in/scan', { code, dialogueId: d.id });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      alreadyCheckedIn: false,
      replayed: false,
      registration: {
        id,
        name: 'Leïla Diallo',
        organization: 'Migrant Forum',
        stakeholderGroup: 'civil_society',
        status: 'confirmed',
      },
    });
    const at = await checkedInAt(id);
    expect(at).not.toBeNull();

    const second = await door.post('/check-in/scan', { code, dialogueId: d.id });
    expect(second.status).toBe(200);
    expect(second.body.alreadyCheckedIn).toBe(true);
    expect(await checkedInAt(id)).toEqual(at);
    expect(await auditLines(id, 'registration.checked_in')).toBe(1);
    expect((await organizer.get(`/dialogues/${d.id}/attendance`)).body).toMatchObject({ expected: 1, arrived: 1 });
  });

  it('answers 404 to a forged, altered or reissued-away code, and never checks anyone in with one', async () => {
    const d = await dialogue();
    const id = await register(d);
    const code = await codeOf(id, d.id);
    const altered = code.slice(0, -3) + (code.endsWith('AAA') ? 'BBB' : 'AAA');
    const forged = `C1${Buffer.concat([Buffer.from(id.replace(/-/g, ''), 'hex'), Buffer.alloc(20)]).toString('base64url')}`;
    for (const bad of [altered, forged, `C1${'A'.repeat(48)}`, 'not-a-check-in-code']) {
      expectProblem(await door.post('/check-in/scan', { code: bad }), 404, 'not-found');
    }
    expect(await checkedInAt(id)).toBeNull();

    const reissued = await organizer.post(`/registrations/${id}/check-in-code/reissue`);
    expect(reissued.status).toBe(200);
    expect(reissued.body.checkInCode).not.toBe(code);
    expectProblem(await door.post('/check-in/scan', { code }), 404, 'not-found');
    expect((await door.post('/check-in/scan', { code: reissued.body.checkInCode })).status).toBe(200);
    expect(await auditLines(id, 'registration.check_in_code_reissued')).toBe(1);
    expectProblem(await door.post(`/registrations/${id}/check-in-code/reissue`), 403, 'forbidden');
  });

  it('checks in with the desk code typed at the door, only in its dialogue, voided by a reissue like the QR', async () => {
    const d = await dialogue();
    const other = await dialogue();
    const id = await register(d, { firstName: 'Kwame' });
    const neighbour = await register(d, { firstName: 'Ama' });
    const view = await sut.api.get(`/registrations/manage/${await manageToken(id)}`);
    const desk: string = view.body.deskCode;
    expect(desk).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);

    // Nobody else is checked in by a typo, another dialogue's door, or without the dialogue.
    const typo = desk.slice(0, 8) + (desk[8] === 'A' ? 'B' : 'A');
    expectProblem(await door.post('/check-in/scan', { code: typo, dialogueId: d.id }), 404, 'not-found');
    expectProblem(await door.post('/check-in/scan', { code: desk, dialogueId: other.id }), 404, 'not-found');
    const without = await door.post('/check-in/scan', { code: desk });
    expectProblem(without, 400, 'invalid-input');
    expect(without.body.errors).toEqual([expect.objectContaining({ field: 'dialogueId' })]);
    expect(await checkedInAt(id)).toBeNull();

    // Typed as people type: lower case, spaces, O for 0 and I for 1.
    const typed = ` ${desk.toLowerCase().replace('-', ' ').replace(/0/g, 'o').replace(/1/g, 'i')} `;
    const scanId = randomUUID();
    const first = await door.post('/check-in/scan', { code: typed, dialogueId: d.id, scanId });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ alreadyCheckedIn: false, registration: { id, name: 'Kwame Diallo' } });
    const again = await door.post('/check-in/scan', { code: desk, dialogueId: d.id, scanId });
    expect(again.body).toMatchObject({ replayed: true, registration: { id } });
    expect(await checkedInAt(neighbour)).toBeNull();
    expect(await auditLines(id, 'registration.checked_in')).toBe(1);

    const reissued = await organizer.post(`/registrations/${id}/check-in-code/reissue`);
    expect(reissued.body.deskCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(reissued.body.deskCode.slice(0, 4)).toBe(desk.slice(0, 4));
    expect(reissued.body.deskCode).not.toBe(desk);
    expectProblem(await door.post('/check-in/scan', { code: desk, dialogueId: d.id }), 404, 'not-found');
    const now = await door.post('/check-in/scan', { code: reissued.body.deskCode, dialogueId: d.id });
    expect(now.body).toMatchObject({ alreadyCheckedIn: true, registration: { id } });
  });

  it('refuses a code of another dialogue and an unconfirmed registration with 422', async () => {
    const d = await dialogue();
    const other = await dialogue();
    const id = await register(d);
    expectProblem(
      await door.post('/check-in/scan', { code: await codeOf(id, d.id), dialogueId: other.id }),
      422,
      'other-dialogue',
    );

    const approval = await dialogue({ approvalRequired: true });
    const pending = await register(approval);
    expectProblem(
      await door.post('/check-in/scan', { code: await codeOf(pending, approval.id) }),
      422,
      'not-confirmed',
    );
    const view = await sut.api.get(`/registrations/manage/${await manageToken(pending)}`);
    expect(view.body.checkInCode).toBeNull();
    expect(view.body.deskCode).toBeNull();
    expect(await checkedInAt(id)).toBeNull();
    expect(await checkedInAt(pending)).toBeNull();
  });

  it('counts a replayed offline batch once, at the time the device scanned', async () => {
    const d = await dialogue();
    const id = await register(d);
    const code = await codeOf(id, d.id);
    const scanId = randomUUID();
    const scannedAt = new Date(Date.now() - 3_600_000).toISOString();
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => door.post('/check-in/scan', { code, dialogueId: d.id, scanId, scannedAt })),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(answers.filter((a) => !a.body.alreadyCheckedIn)).toHaveLength(6);
    expect(answers.filter((a) => a.body.replayed)).toHaveLength(5);
    expect((await checkedInAt(id))?.toISOString()).toBe(scannedAt);
    expect(await auditLines(id, 'registration.checked_in')).toBe(1);
    expect(
      (await q<{ n: number }>('SELECT count(*)::int AS n FROM check_in_scans WHERE registration_id = $1', [id]))[0].n,
    ).toBe(1);
    // A second device's scan of the same person: already checked in, nothing counted.
    const other = await door.post('/check-in/scan', { code, dialogueId: d.id, scanId: randomUUID() });
    expect(other.body).toMatchObject({ alreadyCheckedIn: true, replayed: false });
    // A scan id reused for someone else is refused.
    const stranger = await register(d);
    expectProblem(
      await door.post('/check-in/scan', { code: await codeOf(stranger, d.id), scanId }),
      409,
      'scan-id-reused',
    );
    expect(await checkedInAt(stranger)).toBeNull();
  });

  it('undoes the check-in a scan counted, once; a scan that counted nothing has nothing to undo', async () => {
    const d = await dialogue();
    const id = await register(d);
    const code = await codeOf(id, d.id);
    const first = await door.post('/check-in/scan', { code });
    const second = await door.post('/check-in/scan', { code });
    expectProblem(await door.post('/check-in/undo', { scanId: second.body.scanId }), 422, 'nothing-to-undo');
    const undone = await door.post('/check-in/undo', { scanId: first.body.scanId });
    expect(undone.status).toBe(200);
    expect(undone.body.registration.checkedInAt).toBeNull();
    expect((await door.post('/check-in/undo', { scanId: first.body.scanId })).status).toBe(200);
    expect(await auditLines(id, 'registration.check_in_undone')).toBe(1);
    expect((await door.post('/check-in/scan', { code })).body.alreadyCheckedIn).toBe(false);
    expectProblem(await door.post('/check-in/undo', { scanId: randomUUID() }), 404, 'not-found');
  });

  it('lets door staff scan, search and count, and nothing else', async () => {
    const d = await dialogue({ title: `Door ${randomUUID()}` });
    const draft = await DialogueFactory.create(organizer, { informalSessionId: sessionId });
    const id = await register(d, { lastName: 'Okonkwo' });
    expect((await door.get('/auth/me')).body.role).toBe('door');
    const found = await door.get(`/dialogues/${d.id}/check-in/search?q=okonk`);
    expect(found.body.items.map((p: { id: string }) => p.id)).toEqual([id]);
    const manual = await door.post('/check-in/manual', { registrationId: id, dialogueId: d.id });
    expect(manual.body.alreadyCheckedIn).toBe(false);
    for (const [method, path] of [
      ['GET', `/dialogues/${d.id}/registrations`],
      ['GET', `/registrations/${id}`],
      ['POST', `/registrations/${id}/check-in`],
      ['GET', `/dialogues/${d.id}/badges.pdf`],
      ['PATCH', `/dialogues/${d.id}`],
      ['GET', '/users'],
      ['GET', `/dialogues/${d.id}/stats`],
    ] as const) {
      expectProblem(await door.request(method, path, method === 'GET' ? undefined : {}), 403, 'forbidden');
    }
    // Public pages treat door staff as visitors: no drafts.
    expect((await door.get(`/dialogues/${draft.id}`)).status).toBe(404);
    expect((await organizer.get(`/dialogues/${draft.id}`)).status).toBe(200);
  });

  it('lets a coordinator check in only the people of their spaces', async () => {
    const d = await dialogue();
    const mine = await sut.staff('coordinator');
    const theirs = await sut.staff('coordinator');
    const space = async (coordinatorUserIds: string[]) => {
      const res = await organizer.post(`/dialogues/${d.id}/spaces`, {
        name: `Space ${randomUUID()}`,
        kind: 'civil_society',
        access: 'open',
        coordinatorUserIds,
      });
      return res.body.id as string;
    };
    const a = await space([mine.id]);
    await space([theirs.id]);
    const id = await register(d, { spaceIds: [a] });
    const code = await codeOf(id, d.id);
    expectProblem(await theirs.client.post('/check-in/scan', { code }), 404, 'not-found');
    expect(await checkedInAt(id)).toBeNull();
    const ok = await mine.client.post('/check-in/scan', { code, dialogueId: d.id });
    expect(ok.status).toBe(200);
    expect(ok.body.registration.spaces).toEqual([expect.objectContaining({ spaceId: a, status: 'confirmed' })]);
    expect((await mine.client.get(`/dialogues/${d.id}/attendance`)).body.bySpace).toEqual([
      expect.objectContaining({ spaceId: a, expected: 1, arrived: 1 }),
    ]);
  });

  it('binds door staff to the dialogues an organizer assigned them to', async () => {
    const d = await DialogueFactory.createPublished(organizer, { informalSessionId: sessionId });
    const id = await register(d, { lastName: 'Mensah' });
    const code = await codeOf(id, d.id);
    const gate = await sut.staff('door');
    const notAssigned = async (res: ApiResponse) => {
      expectProblem(res, 403, 'forbidden');
      expect(res.body.detail).toBe("You are not assigned to this dialogue's door.");
    };
    expect((await gate.client.get('/check-in/dialogues')).body).toEqual({ all: false, dialogueIds: [] });
    await notAssigned(await gate.client.post('/check-in/scan', { code, dialogueId: d.id }));
    await notAssigned(await gate.client.post('/check-in/scan', { code }));
    await notAssigned(await gate.client.post('/check-in/manual', { registrationId: id, dialogueId: d.id }));
    await notAssigned(await gate.client.post('/check-in/manual', { registrationId: id }));
    await notAssigned(await gate.client.get(`/dialogues/${d.id}/check-in/search?q=mensah`));
    await notAssigned(await gate.client.get(`/dialogues/${d.id}/attendance`));
    // An undo of a scan made by an organizer at that dialogue.
    const byOrganizer = await organizer.post('/check-in/scan', { code, dialogueId: d.id });
    expect(byOrganizer.status).toBe(200);
    await notAssigned(await gate.client.post('/check-in/undo', { scanId: byOrganizer.body.scanId }));
    // A replay of that scan id is refused too.
    await notAssigned(await gate.client.post('/check-in/scan', { code, scanId: byOrganizer.body.scanId }));
    expect((await organizer.post('/check-in/undo', { scanId: byOrganizer.body.scanId })).status).toBe(200);
    expect(await checkedInAt(id)).toBeNull();

    // Who may assign: organizers (and admins); not coordinators, participants' tokens or door staff.
    const coordinator = await sut.staff('coordinator');
    for (const client of [coordinator.client, gate.client, sut.api]) {
      const res = await client.request('PUT', `/dialogues/${d.id}/door-staff`, { userIds: [gate.id] });
      expect([401, 403]).toContain(res.status);
      expect((await client.get(`/dialogues/${d.id}/door-staff`)).status).toBeGreaterThanOrEqual(401);
    }
    expect((await coordinator.client.get(`/dialogues/${d.id}/door-staff`)).status).toBe(403);
    // Only active door users: a coordinator, an unknown id or a deactivated door user is named in a 422.
    const unknown = randomUUID();
    const bad = await organizer.request('PUT', `/dialogues/${d.id}/door-staff`, {
      userIds: [gate.id, coordinator.id, unknown],
    });
    expectProblem(bad, 422, 'not-door-staff');
    expect(bad.body.errors.map((e: { message: string }) => e.message)).toEqual([
      `${coordinator.id} is not an active door user`,
      `${unknown} is not an active door user`,
    ]);
    const retired = await sut.staff('door');
    const admin = (await sut.staff('admin')).client;
    expect((await admin.patch(`/users/${retired.id}`, { active: false })).status).toBe(200);
    expectProblem(
      await organizer.request('PUT', `/dialogues/${d.id}/door-staff`, { userIds: [retired.id] }),
      422,
      'not-door-staff',
    );
    expect((await organizer.request('PUT', `/dialogues/${d.id}/door-staff`, { userIds: ['nope'] })).status).toBe(400);
    expect((await organizer.request('PUT', `/dialogues/${randomUUID()}/door-staff`, { userIds: [] })).status).toBe(404);
    expect((await organizer.get(`/dialogues/${d.id}/door-staff`)).body).toEqual({ dialogueId: d.id, users: [] });

    // Assigned: the door user works at that dialogue's door, and lists it.
    const assigned = await organizer.request('PUT', `/dialogues/${d.id}/door-staff`, { userIds: [gate.id] });
    expect(assigned.body.users).toEqual([expect.objectContaining({ id: gate.id, active: true })]);
    expect((await organizer.get(`/dialogues/${d.id}/door-staff`)).body.users.map((u: { id: string }) => u.id)).toEqual([
      gate.id,
    ]);
    expect(await auditLines(d.id, 'dialogue.door_staff_changed')).toBe(1);
    expect((await gate.client.get('/check-in/dialogues')).body).toEqual({ all: false, dialogueIds: [d.id] });
    expect((await organizer.get('/check-in/dialogues')).body).toEqual({ all: true, dialogueIds: [] });
    const scan = await gate.client.post('/check-in/scan', { code, dialogueId: d.id });
    expect(scan.status).toBe(200);
    expect(scan.body.alreadyCheckedIn).toBe(false);
    expect((await gate.client.get(`/dialogues/${d.id}/check-in/search?q=mensah`)).status).toBe(200);
    expect((await gate.client.get(`/dialogues/${d.id}/attendance`)).body.arrived).toBe(1);
    expect((await gate.client.post('/check-in/undo', { scanId: scan.body.scanId })).status).toBe(200);
    expect((await gate.client.post('/check-in/manual', { registrationId: id })).status).toBe(200);

    // Removed again: refused again (the same list again changes nothing and writes no audit line).
    await organizer.request('PUT', `/dialogues/${d.id}/door-staff`, { userIds: [] });
    await organizer.request('PUT', `/dialogues/${d.id}/door-staff`, { userIds: [] });
    expect(await auditLines(d.id, 'dialogue.door_staff_changed')).toBe(2);
    await notAssigned(await gate.client.get(`/dialogues/${d.id}/attendance`));
  });

  it('refuses malformed bodies with 400', async () => {
    for (const body of [
      {},
      { code: 42 },
      { code: 'x'.repeat(65) },
      { code: 'C1 <b>' },
      { registrationId: 'nope' },
      { code: 'C1', extra: 1 },
    ]) {
      expect((await door.post('/check-in/scan', body)).status).toBe(400);
    }
    expect((await door.post('/check-in/scan', { code: `C1${'A'.repeat(48)}`, scannedAt: 'yesterday' })).status).toBe(
      400,
    );
  });
});
