import type { Dialogue, InformalSession, Language, RegistrationStatus, Space } from '@gfmd/contracts';
import { hashToken, newToken } from '@gfmd/api-platform';
import { DialogueFactory, type ApiClient, type TestApp } from '@gfmd/api-testing';
import { randomUUID } from 'node:crypto';

export const HOUR = 3_600_000;

export interface AgendaFixture {
  dialogue: Dialogue;
  plenary: Space;
  civil: Space;
  business: Space;
  /** An instant `hours` after the dialogue starts, as ISO. */
  at(hours: number): string;
}

/**
 * The seeded GCM informal session 1 (seedProcess runs in every spec's setup): informal session
 * numbers (1–1000) are a scarce shared resource in the test database, and these fixtures do not
 * care about lead times.
 */
export async function sharedSessionId(organizer: ApiClient): Promise<string> {
  const sessions = (await organizer.get<InformalSession[]>('/informal-sessions')).body;
  const first = sessions.find((s) => s.number === 1);
  if (!first) throw new Error('the GCM informal sessions are not seeded');
  return first.id;
}

/**
 * A dialogue (8 hours long, Europe/Zurich) with a plenary space, a civil society space
 * coordinated by `coordinatorId` and a business space coordinated by `otherCoordinatorId`.
 * "Shared hall" is a room of both the civil society and the business space.
 */
export async function agendaFixture(
  organizer: ApiClient,
  ids: { coordinatorId: string; otherCoordinatorId: string },
  { published = true, dialogue: overrides = {} }: { published?: boolean; dialogue?: Record<string, unknown> } = {},
): Promise<AgendaFixture> {
  const withSession = { informalSessionId: await sharedSessionId(organizer), ...overrides };
  const dialogue = published
    ? await DialogueFactory.createPublished(organizer, withSession)
    : await DialogueFactory.create(organizer, withSession);
  const space = async (body: Record<string, unknown>) => {
    const res = await organizer.post(`/dialogues/${dialogue.id}/spaces`, body);
    if (res.status !== 201) throw new Error(`space: ${res.status} ${res.text}`);
    return res.body as Space;
  };
  const plenary = await space({ name: 'Plenary', kind: 'plenary', rooms: ['Room 1'] });
  const civil = await space({
    name: 'Civil Society space',
    kind: 'civil_society',
    coordinatingGroup: 'civil_society',
    coordinatorUserIds: [ids.coordinatorId],
    rooms: ['Room 2', 'Shared hall'],
  });
  const business = await space({
    name: 'Business Mechanism space',
    kind: 'business',
    coordinatingGroup: 'private_sector',
    coordinatorUserIds: [ids.otherCoordinatorId],
    rooms: ['Room 3', 'Shared hall'],
  });
  const start = Date.parse(dialogue.startsAt);
  return { dialogue, plenary, civil, business, at: (hours) => new Date(start + hours * HOUR).toISOString() };
}

export interface TestParticipant {
  id: string;
  token: string;
  email: string;
}

/**
 * Inserts a registration with a manage token straight into the tables (the registration API is
 * built elsewhere); `spaces` are its seat requests with their own status.
 */
export async function insertParticipant(
  sut: TestApp,
  dialogueId: string,
  {
    status = 'confirmed',
    spaces = [],
    language = 'en',
    firstName = 'Ana',
    emailConfirmed = true,
  }: {
    status?: RegistrationStatus;
    spaces?: { spaceId: string; status: RegistrationStatus }[];
    language?: Language;
    firstName?: string;
    /** false: the participant has not used their manage link yet (agenda mail skips them). */
    emailConfirmed?: boolean;
  } = {},
): Promise<TestParticipant> {
  const token = newToken();
  const email = `participant-${randomUUID()}@test.gfmd`;
  const [row] = await sut.dataSource.query(
    `INSERT INTO registrations (dialogue_id, email, email_normalized, first_name, last_name, organization, stakeholder_group,
                                country, preferred_language, status, manage_token_hash, consent_at, email_confirmed_at)
     VALUES ($1, $2, $2, $3, 'Tester', 'Test NGO', 'civil_society', 'CH', $4, $5, $6, now(), CASE WHEN $7 THEN now() END)
     RETURNING id`,
    [dialogueId, email, firstName, language, status, hashToken(token), emailConfirmed],
  );
  for (const s of spaces) {
    await sut.dataSource.query(
      'INSERT INTO registration_spaces (registration_id, space_id, dialogue_id, status) VALUES ($1, $2, $3, $4)',
      [row.id, s.spaceId, dialogueId, s.status],
    );
  }
  return { id: row.id, token, email };
}
