import type { Dialogue, InformalSession, Theme } from '@gfmd/contracts';
import { randomUUID } from 'node:crypto';
import type { ApiClient } from './test-app';

/** A number for informal sessions made by tests (the seed uses 1–6); collisions are retried. */
const uniqueSessionNumber = () => 1000 + Math.floor(Math.random() * 999_000);

export const DAY = 86_400_000;

export const InformalSessionFactory = {
  /** Makes a theme-backed informal session through the API, starting `inDays` from now. */
  async create(organizer: ApiClient, overrides: Partial<InformalSession> = {}, inDays = 60): Promise<InformalSession> {
    const themes = (await organizer.get<Theme[]>('/themes')).body;
    for (let attempt = 0; attempt < 20; attempt++) {
      const startsAt = new Date(Date.now() + inDays * DAY);
      const res = await organizer.post<InformalSession>('/informal-sessions', {
        number: uniqueSessionNumber(),
        title: `Informal session ${randomUUID()}`,
        themeId: themes[0].id,
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + DAY).toISOString(),
        venue: 'Geneva, Palais des Nations',
        timeZone: 'Europe/Zurich',
        ...overrides,
      });
      if (res.status === 201) return res.body;
      if (res.status !== 409) throw new Error(`informal session: ${res.status} ${res.text}`);
    }
    throw new Error('could not find a free informal session number');
  },
};

export const DialogueFactory = {
  /** A dialogue 30 days from now, two weeks ahead of its informal session. */
  async create(organizer: ApiClient, overrides: Record<string, unknown> = {}): Promise<Dialogue> {
    const informalSessionId =
      (overrides['informalSessionId'] as string | undefined) ??
      (await InformalSessionFactory.create(organizer, {}, 45)).id;
    const startsAt = new Date(Date.now() + 30 * DAY);
    const res = await organizer.post<Dialogue>('/dialogues', {
      title: `Dialogue ${randomUUID()}`,
      summary: 'A thematic dialogue made by a test.',
      informalSessionId,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + DAY / 3).toISOString(),
      timeZone: 'Europe/Zurich',
      venue: 'Geneva',
      format: 'in_person',
      capacity: 100,
      languages: ['en', 'fr', 'es'],
      ...overrides,
    });
    if (res.status !== 201) throw new Error(`dialogue: ${res.status} ${res.text}`);
    return res.body;
  },

  async createPublished(organizer: ApiClient, overrides: Record<string, unknown> = {}): Promise<Dialogue> {
    const d = await DialogueFactory.create(organizer, overrides);
    const res = await organizer.post<Dialogue>(`/dialogues/${d.id}/publish`);
    if (res.status !== 200) throw new Error(`publish: ${res.status} ${res.text}`);
    return res.body;
  },
};
