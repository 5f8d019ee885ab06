import { AgendaModule } from '@gfmd/api-agenda';
import { AuthModule } from '@gfmd/api-auth';
import { DialoguesModule, SeedService } from '@gfmd/api-dialogues';
import { MailModule, OutboxService } from '@gfmd/api-mail';
import { OutcomesModule } from '@gfmd/api-outcomes';
import { PlatformModule } from '@gfmd/api-platform';
import { RegistrationsModule } from '@gfmd/api-registrations';
import { SpacesModule } from '@gfmd/api-spaces';
import { createTestApp, DAY, DialogueFactory, InformalSessionFactory, TestApp, withEnv } from '@gfmd/api-testing';
import type { ApiClient } from '@gfmd/api-testing';
import type {
  CitedContribution,
  ContributionPage,
  Dialogue,
  DocumentView,
  Outcome,
  PublishedRecommendation,
  RecommendationContributionLinks,
  Theme,
} from '@gfmd/contracts';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fetchFile, uploadDocument } from '../testing/document-upload';
import { samples } from '../testing/sample-files';
import { DocumentsModule } from './documents.module';

/**
 * Documents beside the agenda and in its emails (as links, never attachments), and written
 * contributions linked to the recommendations they informed (docs/documents.md).
 */
describe('Documents in agenda emails, contributions behind recommendations (integration)', () => {
  let sut: TestApp;
  let dir: string;
  let organizer: ApiClient;
  let rapporteur: { id: string; client: ApiClient };
  let coordinator: { id: string; client: ApiClient };

  const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
    sut.dataSource.query(sql, params) as Promise<T[]>;

  async function upload(owner: { ownerType: string; ownerId: string }, visibility: string, title: string) {
    const res = await uploadDocument(
      organizer,
      {
        ...owner,
        kind: 'background_paper',
        visibility,
        language: 'en',
        'title.en': title,
        'title.fr': `${title} (fr)`,
      },
      { name: `${title}.pdf`, bytes: samples.pdf() },
    );
    if (res.status !== 201) throw new Error(`upload: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as DocumentView;
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gfmd-doc-links-'));
    sut = await withEnv({ STORAGE_DIR: dir, MAX_UPLOAD_MB: '2' }, () =>
      createTestApp([
        PlatformModule,
        AuthModule,
        MailModule,
        DialoguesModule,
        SpacesModule,
        AgendaModule,
        RegistrationsModule,
        OutcomesModule,
        DocumentsModule,
      ]),
    );
    await sut.app.get(SeedService).seedProcess();
    organizer = (await sut.staff('organizer')).client;
    rapporteur = await sut.staff('coordinator');
    coordinator = await sut.staff('coordinator');
  });
  afterAll(async () => {
    await sut?.close();
    await rm(dir, { recursive: true, force: true });
  });

  describe('the confirmation email lists the documents a participant may read, as links', () => {
    let dialogue: Dialogue;
    let item: { id: string };
    let docs: { dialoguePublic: DocumentView; itemRegistrants: DocumentView; itemStaff: DocumentView };
    let text: string;
    let html: string;
    let attachments: { filename: string }[];
    let registrationId: string;

    beforeAll(async () => {
      dialogue = await DialogueFactory.createPublished(organizer);
      const res = await organizer.post(`/dialogues/${dialogue.id}/agenda-items`, {
        title: 'Opening panel',
        kind: 'panel',
        speakers: [],
        startsAt: dialogue.startsAt,
        endsAt: new Date(new Date(dialogue.startsAt).getTime() + 3_600_000).toISOString(),
      });
      if (res.status !== 201) throw new Error(`item: ${res.status} ${res.text}`);
      item = res.body;
      docs = {
        dialoguePublic: await upload({ ownerType: 'dialogue', ownerId: dialogue.id }, 'public', 'Concept note'),
        itemRegistrants: await upload({ ownerType: 'agenda_item', ownerId: item.id }, 'registrants', 'Speaker slides'),
        itemStaff: await upload({ ownerType: 'agenda_item', ownerId: item.id }, 'staff', 'Run sheet'),
      };
      const reg = await sut.api.post(`/dialogues/${dialogue.id}/registrations`, {
        email: `p-${randomUUID()}@example.org`,
        firstName: 'Ada',
        lastName: 'Lovelace',
        organization: 'Analytical Society',
        stakeholderGroup: 'civil_society',
        country: 'GB',
        preferredLanguage: 'fr',
        consent: true,
      });
      if (reg.status !== 201) throw new Error(`register: ${reg.status} ${reg.text}`);
      registrationId = reg.body.id;
      const [row] = await q<{ id: string; attachments: { filename: string }[] }>(
        `SELECT id, attachments FROM outbound_emails WHERE registration_id = $1 AND kind = 'confirmation'`,
        [reg.body.id],
      );
      attachments = row.attachments ?? [];
      const content = await sut.app.get(OutboxService).contentOf(row.id);
      text = content?.text ?? '';
      html = content?.html ?? '';
    });

    it('links the public document by its public URL, in the reader’s language', () => {
      expect(text).toContain('Documents');
      expect(text).toContain(`Concept note (fr): http://`);
      expect(text).toContain(`/api/v1/documents/${docs.dialoguePublic.id}/file`);
      expect(html).toContain(`/api/v1/documents/${docs.dialoguePublic.id}/file`);
    });

    it('links the agenda item’s registrants’ document through the participant’s own token, which opens it', async () => {
      const match = new RegExp(
        `(/api/v1/registrations/manage/[A-Za-z0-9_-]{20,}/documents/${docs.itemRegistrants.id}/file)`,
      ).exec(text);
      expect(match).not.toBeNull();
      expect(html).toContain(match?.[1]);
      const opened = await fetchFile(sut.baseUrl, match?.[1].replace('/api/v1', '') ?? '');
      expect(opened.status).toBe(200);
      expect(opened.bytes.subarray(0, 5).toString()).toBe('%PDF-');
      // Without the token the same document is not there.
      expect((await fetchFile(sut.baseUrl, `/documents/${docs.itemRegistrants.id}/file`)).status).toBe(404);
    });

    it('never lists a staff document, and attaches no document (only the .ics)', () => {
      expect(text).not.toContain(docs.itemStaff.id);
      expect(html).not.toContain(docs.itemStaff.id);
      expect(text).not.toContain('Run sheet');
      expect(attachments.map((a) => a.filename)).toEqual(['agenda.ics']);
    });

    it('the personal agenda email lists them the same way', async () => {
      await q(`UPDATE registrations SET email_confirmed_at = now() WHERE id = $1`, [registrationId]);
      const sent = await organizer.post(`/dialogues/${dialogue.id}/agenda/send`);
      expect(sent.status).toBeLessThan(300);
      const [row] = await q<{ id: string; attachments: { filename: string }[] }>(
        `SELECT id, attachments FROM outbound_emails WHERE registration_id = $1 AND kind = 'agenda'`,
        [registrationId],
      );
      const content = await sut.app.get(OutboxService).contentOf(row.id);
      expect(content?.text).toContain(`/api/v1/documents/${docs.dialoguePublic.id}/file`);
      expect(content?.text).toMatch(
        new RegExp(`/api/v1/registrations/manage/[A-Za-z0-9_-]{20,}/documents/${docs.itemRegistrants.id}/file`),
      );
      expect(content?.text).not.toContain(docs.itemStaff.id);
      expect(row.attachments.map((a) => a.filename)).toEqual(['agenda.ics']);
    });

    it('stores no token on the outbox row (links minted at send time)', async () => {
      const rows = await q<{ params: Record<string, unknown> }>(
        `SELECT params FROM outbound_emails WHERE dialogue_id = $1`,
        [dialogue.id],
      );
      for (const r of rows) {
        expect(r.params['manageDocumentsUrl']).toBeUndefined();
        expect(JSON.stringify(r.params)).not.toMatch(/registrations\/manage\//);
      }
    });
  });

  describe('contributions linked to recommendations', () => {
    let dialogue: Dialogue;
    let outcome: Outcome;
    let accepted: string;
    let acceptedOther: string;
    let submitted: string;
    let otherDialogueContribution: string;

    async function contribution(d: Dialogue, decide: 'accept' | 'reject' | null, title = 'Portable pensions') {
      const res = await sut.api.post(`/dialogues/${d.id}/contributions`, {
        title,
        text: 'Migrant workers lose their pension rights when they move.',
        organization: 'Migrant Forum in Asia',
        stakeholderGroup: 'civil_society',
        email: `author-${randomUUID()}@example.org`,
        name: 'Amina Diallo',
        language: 'en',
        consentToPublish: true,
        consent: true,
      });
      if (res.status !== 202) throw new Error(`contribution: ${res.status} ${res.text}`);
      // The address check, as the author's click would do it.
      await q(`UPDATE contributions SET status = 'submitted', confirmed_at = now() WHERE id = $1`, [res.body.id]);
      if (decide) {
        const r = await organizer.post(`/contributions/${res.body.id}/${decide}`, {});
        if (r.status !== 200) throw new Error(`${decide}: ${r.status} ${r.text}`);
      }
      return res.body.id as string;
    }
    const link = (client: ApiClient, recommendationId: string, contributionIds: string[]) =>
      client.request('PUT', `/dialogues/${dialogue.id}/outcome/recommendations/${recommendationId}/contributions`, {
        contributionIds,
      });

    beforeAll(async () => {
      const session = await InformalSessionFactory.create(organizer, {}, 45);
      const themes = (await organizer.get<Theme[]>('/themes')).body;
      dialogue = await DialogueFactory.createPublished(organizer, { informalSessionId: session.id });
      const other = await DialogueFactory.createPublished(organizer);
      for (const d of [dialogue, other]) {
        const w = await organizer.request('PUT', `/dialogues/${d.id}/contribution-window`, {
          contributionsCloseAt: new Date(Date.now() + 7 * DAY).toISOString(),
        });
        if (w.status !== 200) throw new Error(`window: ${w.status}`);
      }
      accepted = await contribution(dialogue, 'accept', 'Portable pensions');
      acceptedOther = await contribution(dialogue, 'accept', 'Skills recognition');
      submitted = await contribution(dialogue, null);
      otherDialogueContribution = await contribution(other, 'accept');
      const rec = (text: string) => ({
        text,
        kind: 'policy_recommendation',
        themeIds: [themes[0].id],
        addressedTo: ['government'],
      });
      const put = await organizer.request('PUT', `/dialogues/${dialogue.id}/outcome`, {
        rapporteurUserIds: [rapporteur.id],
        summary: 'What the dialogue said.',
        keyMessages: [],
        recommendations: [rec('Make pensions portable.'), rec('Recognize skills.')],
        version: 0,
      });
      if (put.status !== 200) throw new Error(`outcome: ${put.status} ${put.text}`);
      outcome = put.body;
    });

    it('the rapporteur links accepted contributions of the dialogue to a recommendation', async () => {
      const res = await link(rapporteur.client, outcome.recommendations[0].id, [accepted, acceptedOther]);
      expect(res.status).toBe(200);
      expect(res.body.contributions.map((c: CitedContribution) => c.id)).toEqual([accepted, acceptedOther]);
      expect(res.body.contributions[0]).toMatchObject({ title: 'Portable pensions', name: 'Amina Diallo' });
      expect(res.body.contributions[0].email).toBeUndefined();
      const links = await organizer.get<RecommendationContributionLinks[]>(
        `/dialogues/${dialogue.id}/outcome/contribution-links`,
      );
      expect(links.body).toEqual([
        { recommendationId: outcome.recommendations[0].id, contributionIds: [accepted, acceptedOther] },
      ]);
    });

    it('refuses a contribution not accepted, of another dialogue or unknown (422), and changes nothing', async () => {
      for (const bad of [submitted, otherDialogueContribution, randomUUID()]) {
        const res = await link(rapporteur.client, outcome.recommendations[0].id, [accepted, bad]);
        expect(res.status).toBe(422);
        expect(res.body.type).toMatch(/\/unknown-contribution$/);
        expect(res.body.errors[0].field).toBe('contributionIds[1]');
      }
      const rows = await q(`SELECT 1 FROM recommendation_contributions WHERE recommendation_id = $1`, [
        outcome.recommendations[0].id,
      ]);
      expect(rows).toHaveLength(2);
    });

    it('only the rapporteurs and organizers link (403); an unknown recommendation is 404; bad ids 400', async () => {
      expect((await link(coordinator.client, outcome.recommendations[1].id, [accepted])).status).toBe(403);
      expect((await link(rapporteur.client, randomUUID(), [accepted])).status).toBe(404);
      expect((await link(rapporteur.client, outcome.recommendations[1].id, ['nope'])).status).toBe(400);
      expect(
        (
          await sut.api.request(
            'PUT',
            `/dialogues/${dialogue.id}/outcome/recommendations/${outcome.recommendations[1].id}/contributions`,
            { contributionIds: [] },
          )
        ).status,
      ).toBe(401);
    });

    it('the published recommendation lists its contributions; the contribution page lists the recommendation', async () => {
      for (const [step, client] of [
        ['submit', rapporteur.client],
        ['approve', organizer],
        ['publish', organizer],
      ] as const) {
        const r = await client.post(`/dialogues/${dialogue.id}/outcome/${step}`);
        if (r.status !== 200) throw new Error(`${step}: ${r.status} ${r.text}`);
      }
      const published = (await organizer.get<Outcome>(`/dialogues/${dialogue.id}/outcome`)).body;
      const reference = published.recommendations[0].reference as string;
      const page = await sut.api.get<PublishedRecommendation>(`/recommendations/${reference}`);
      expect(page.status).toBe(200);
      expect(page.body.contributions?.map((c) => c.title)).toEqual(['Portable pensions', 'Skills recognition']);

      const contributionPage = await sut.api.get<ContributionPage>(`/contributions/${accepted}`);
      expect(contributionPage.status).toBe(200);
      expect(contributionPage.body.email).toBeUndefined();
      expect(contributionPage.body.citedBy).toEqual([
        expect.objectContaining({
          reference,
          text: 'Make pensions portable.',
          url: expect.stringContaining(reference),
        }),
      ]);
    });

    it('the acceptance email links the author to their contribution’s page', async () => {
      const [row] = await q<{ id: string }>(`SELECT id FROM outbound_emails WHERE idempotency_key = $1`, [
        `contribution_accepted:${accepted}`,
      ]);
      const content = await sut.app.get(OutboxService).contentOf(row.id);
      expect(content?.text).toContain(`/contributions/${accepted}`);
      expect(content?.html).toContain(`/contributions/${accepted}`);
    });

    it('a contribution not accepted has no public page (404)', async () => {
      expect((await sut.api.get(`/contributions/${submitted}`)).status).toBe(404);
      expect((await organizer.get(`/contributions/${submitted}`)).status).toBe(200);
      expect((await sut.api.get(`/contributions/${randomUUID()}`)).status).toBe(404);
    });
  });
});
