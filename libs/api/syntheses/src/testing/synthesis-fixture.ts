import { DAY, DialogueFactory, type ApiClient } from '@gfmd/api-testing';
import type {
  ContentTranslations,
  Dialogue,
  InformalSession,
  Milestone,
  Outcome,
  Process,
  Theme,
} from '@gfmd/contracts';
import { randomUUID } from 'node:crypto';

/** A process of its own (so counts and candidates see only this spec's data), one session and a stocktaking meeting. */
export async function processFixture(organizer: ApiClient): Promise<{
  process: Process;
  session: InformalSession;
  milestone: Milestone;
  themes: Theme[];
}> {
  const now = Date.now();
  const slug = `p-${randomUUID().slice(0, 8)}`;
  const process = (
    await organizer.post<Process>('/processes', {
      slug,
      title: `Process ${slug}`,
      startsAt: new Date(now - 10 * DAY).toISOString(),
      endsAt: new Date(now + 400 * DAY).toISOString(),
    })
  ).body;
  const themes = (await organizer.get<Theme[]>('/themes')).body;
  const session = (
    await organizer.post<InformalSession>(`/processes/${process.id}/informal-sessions`, {
      number: 1 + Math.floor(Math.random() * 900),
      title: `Session ${slug}`,
      themeId: themes[0].id,
      startsAt: new Date(now + 60 * DAY).toISOString(),
      endsAt: new Date(now + 61 * DAY).toISOString(),
      venue: 'New York, United Nations Headquarters',
      timeZone: 'America/New_York',
    })
  ).body;
  const milestone = (
    await organizer.post<Milestone>(`/processes/${process.id}/milestones`, {
      kind: 'stocktaking_meeting',
      title: `Stocktaking meeting ${slug}`,
      startsAt: new Date(now + 120 * DAY).toISOString(),
      endsAt: new Date(now + 122 * DAY).toISOString(),
      venue: 'Puerto Vallarta',
      timeZone: 'America/Mexico_City',
    })
  ).body;
  if (!process.id || !session.id || !milestone.id) throw new Error('process fixture failed');
  return { process, session, milestone, themes };
}

/**
 * A published dialogue ahead of `sessionId` with a published outcome of `count` recommendations;
 * answers their references. `author` drafts and submits, `reviewer` approves and publishes.
 */
export async function publishedRecommendations(
  author: ApiClient,
  reviewer: ApiClient,
  sessionId: string,
  themeId: string,
  count: number,
  text = (i: number) => `Recommendation ${i + 1}: strengthen the portability of social protection for migrant workers.`,
  translations: (i: number) => ContentTranslations<'text'> | undefined = () => undefined,
  /** More fields of the dialogue (its `languages`: the first is the recommendations' source). */
  dialogueFields: Record<string, unknown> = {},
): Promise<{ dialogue: Dialogue; references: string[] }> {
  const startsAt = new Date(Date.now() + 30 * DAY);
  const dialogue = await DialogueFactory.createPublished(author, {
    ...dialogueFields,
    informalSessionId: sessionId,
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + DAY / 3).toISOString(),
  });
  const put = await author.request('PUT', `/dialogues/${dialogue.id}/outcome`, {
    summary: 'What the dialogue said.',
    keyMessages: ['Mobility is a shared responsibility.'],
    recommendations: Array.from({ length: count }, (_, i) => ({
      text: text(i),
      translations: translations(i),
      kind: i % 2 ? 'good_practice' : 'policy_recommendation',
      themeIds: [themeId],
      addressedTo: ['government', 'civil_society'],
    })),
    version: 0,
  });
  if (put.status !== 200) throw new Error(`outcome: ${put.status} ${put.text}`);
  for (const [client, step] of [
    [author, 'submit'],
    [reviewer, 'approve'],
    [reviewer, 'publish'],
  ] as const) {
    const res = await client.post(`/dialogues/${dialogue.id}/outcome/${step}`);
    if (res.status !== 200) throw new Error(`${step}: ${res.status} ${res.text}`);
  }
  const outcome = (await author.get<Outcome>(`/dialogues/${dialogue.id}/outcome`)).body;
  return { dialogue, references: outcome.recommendations.map((r) => r.reference as string) };
}
