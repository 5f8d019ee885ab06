/**
 * Set-up through the API for the persona journeys: what a journey does not walk through itself
 * (a session, a published dialogue, its spaces, people who registered) is made here, through the
 * same HTTP contract a client uses, so the browser steps stay short.
 */
import type { Page } from '@playwright/test';
import { expect, linkIn, login, type Api, type Inbox } from './fixtures';
import { dayFromNow, open, waitForHeading } from './ui';

const items = (body: any) => (Array.isArray(body) ? body : body.items);

/**
 * The informal session `number` (ahead of which the dialogues are), created once per database.
 * The two projects' workers may ask for the same number at the same moment: the one whose create
 * is refused as a duplicate (409) reads the other's.
 */
export async function sessionId(api: Api, adminToken: string, number: number): Promise<string> {
  const find = async () =>
    items((await api<any>('GET', '/informal-sessions')).body).find((s: any) => s.number === number);
  const found = await find();
  if (found) return found.id;
  const theme = items((await api<any>('GET', '/themes')).body)[0];
  const res = await api<any>(
    'POST',
    '/informal-sessions',
    {
      number,
      title: `Informal session ${number}`,
      themeId: theme.id,
      startsAt: `${dayFromNow(80)}T14:00:00Z`,
      endsAt: `${dayFromNow(81)}T22:00:00Z`,
      venue: 'United Nations Headquarters, New York',
      timeZone: 'America/New_York',
    },
    adminToken,
  );
  if (res.status === 409) {
    const created = await find();
    if (created) return created.id;
  }
  expect(res.status).toBe(201);
  return res.body.id;
}

export interface DialogueSpec {
  title: string;
  sessionId: string;
  capacity?: number;
  day?: number;
}

/** A dialogue (a draft unless `publish`); resolves its id. */
export async function createDialogue(api: Api, token: string, spec: DialogueSpec): Promise<string> {
  const day = dayFromNow(spec.day ?? 40);
  const res = await api<any>(
    'POST',
    '/dialogues',
    {
      title: spec.title,
      summary: `${spec.title}: a dialogue for the browser tests.`,
      informalSessionId: spec.sessionId,
      startsAt: `${day}T08:00:00Z`,
      endsAt: `${day}T16:00:00Z`,
      timeZone: 'Europe/Zurich',
      venue: 'Palais des Nations, Geneva',
      format: 'in_person',
      capacity: spec.capacity ?? 50,
    },
    token,
  );
  expect(res.status).toBe(201);
  return res.body.id;
}

export async function publish(api: Api, token: string, dialogueId: string): Promise<void> {
  expect((await api('POST', `/dialogues/${dialogueId}/publish`, undefined, token)).status).toBe(200);
}

export async function createSpace(
  api: Api,
  token: string,
  dialogueId: string,
  space: { name: string; kind: string; access: string; coordinatorUserIds?: string[]; rooms?: string[] },
): Promise<string> {
  const res = await api<any>('POST', `/dialogues/${dialogueId}/spaces`, space, token);
  expect(res.status).toBe(201);
  return res.body.id;
}

export interface Person {
  email: string;
  firstName: string;
  lastName: string;
  stakeholderGroup?: string;
  preferredLanguage?: string;
}

/** Registers through the public form's endpoint; resolves the registration's id and status. */
export async function register(
  api: Api,
  dialogueId: string,
  person: Person,
  spaceIds: string[] = [],
): Promise<{ id: string; status: string; spaces: { spaceId: string; status: string }[] }> {
  const res = await api<any>('POST', `/dialogues/${dialogueId}/registrations`, {
    email: person.email,
    firstName: person.firstName,
    lastName: person.lastName,
    organization: `${person.lastName} Network`,
    stakeholderGroup: person.stakeholderGroup ?? 'civil_society',
    country: 'CH',
    preferredLanguage: person.preferredLanguage ?? 'en',
    consent: true,
    spaceIds,
  });
  expect([res.status, res.status === 201 ? '' : res.body]).toEqual([201, '']);
  return res.body;
}

/**
 * Opens the manage link of the person's confirmation email (as they would): their address is
 * then confirmed, and messages to their space reach them.
 */
export async function confirmAddress(api: Api, inbox: Inbox, email: string): Promise<void> {
  const mail = await inbox.waitFor(email, /^(Registration confirmed|Inscription confirmée|Inscripción confirmada)/);
  const token = linkIn(mail, '/manage/').split('/manage/')[1];
  expect((await api('GET', `/registrations/manage/${token}`)).status).toBe(200);
}

/** A registration as staff see it (status, seats, check-in). */
export async function registration(api: Api, token: string, id: string): Promise<any> {
  const res = await api<any>('GET', `/registrations/${id}`, undefined, token);
  expect(res.status).toBe(200);
  return res.body;
}

/** Signs in through the login page; waits for the page the role lands on. */
export async function signIn(
  page: Page,
  who: { email: string; password: string },
  landing: '**/console' | '**/workspace' | '**/door',
): Promise<void> {
  await open(page, '/login', 'Staff sign in');
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(landing);
  await waitForHeading(page);
}

export { login };
