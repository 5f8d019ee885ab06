import { DialogueFactory } from '@gfmd/api-testing';
import type { Outcome, PublishedOutcome, PublishedRecommendation } from '@gfmd/contracts';
import { outcomesWorld } from './outcomes.int-helpers';

const FR_SUMMARY = 'Ce que le dialogue a dit.';
const EN_SUMMARY = 'What the dialogue said.';
const FR_KEY = ['La mobilité est une responsabilité partagée.', 'Les compétences voyagent avec les personnes.'];
const EN_KEY = 'Mobility is a shared responsibility.';
const FR_TEXT = 'Les États devraient protéger les travailleurs migrants.';

/**
 * An outcome takes its dialogue's first language as its source (`contentSourceLanguage`), and its
 * key messages are translated like its summary (docs/i18n.md, "Content in several languages").
 */
describe('Outcome source language and key messages (integration)', () => {
  const w = outcomesWorld();

  /** A dialogue written in French (English second), its outcome in French with English translations. */
  async function french(publish = true) {
    const dialogue = await DialogueFactory.createPublished(w.organizer, {
      informalSessionId: w.session.id,
      languages: ['fr', 'en'],
    });
    const res = await w.put(w.organizer, dialogue.id, {
      rapporteurUserIds: [w.rapporteur.id],
      summary: FR_SUMMARY,
      keyMessages: FR_KEY,
      translations: { en: { summary: EN_SUMMARY, 'keyMessages.0': EN_KEY } },
      recommendations: [w.rec({ text: FR_TEXT, translations: { en: { text: 'States should protect.' } } })],
      version: 0,
    });
    expect(res.status).toBe(200);
    if (publish) {
      for (const [step, client] of [
        ['submit', w.rapporteur.client],
        ['approve', w.organizer],
        ['publish', w.organizer],
      ] as const) {
        expect((await client.post(`/dialogues/${dialogue.id}/outcome/${step}`)).status).toBe(200);
      }
    }
    return { dialogue, outcome: await w.current(dialogue.id) };
  }

  it("reads the working copy in the dialogue's first language, and lists what other languages lack", async () => {
    const { outcome } = await french(false);
    expect(outcome).toMatchObject({
      summary: FR_SUMMARY,
      summaryLang: 'fr',
      keyMessages: FR_KEY,
      keyMessagesLang: ['fr', 'fr'],
      translations: { en: { summary: EN_SUMMARY, 'keyMessages.0': EN_KEY } },
    });
    // French is the source: never "missing"; English lacks the second key message only; the
    // languages the dialogue does not list (es, ar, ru, zh) are not asked for.
    expect(outcome.missingTranslations).toEqual({ en: ['keyMessages.1'] });
    expect(outcome.recommendations[0]).toMatchObject({ text: FR_TEXT, textLang: 'fr' });
    expect(outcome.recommendations[0].missingTranslations).toEqual({});
  });

  it('publishes the French outcome: English readers read English where translated, others the French', async () => {
    const { dialogue } = await french();
    const path = `/dialogues/${dialogue.id}/outcome/published`;
    const en = (await w.sut.api.get<PublishedOutcome>(`${path}?lang=en`)).body;
    expect(en).toMatchObject({
      summary: EN_SUMMARY,
      summaryLang: 'en',
      keyMessages: [EN_KEY, FR_KEY[1]],
      keyMessagesLang: ['en', 'fr'],
    });
    expect(en.recommendations[0]).toMatchObject({ text: 'States should protect.', textLang: 'en' });
    const es = (await w.sut.api.get<PublishedOutcome>(`${path}?lang=es`)).body;
    expect(es).toMatchObject({ summary: FR_SUMMARY, summaryLang: 'fr', keyMessagesLang: ['fr', 'fr'] });
    expect(es.recommendations[0]).toMatchObject({ text: FR_TEXT, textLang: 'fr' });

    // The recommendation's own page and the search say French is its language too.
    const reference = en.recommendations[0].reference;
    const one = await w.sut.api.get<PublishedRecommendation>(`/recommendations/${reference}?lang=es`);
    expect(one.body).toMatchObject({ text: FR_TEXT, textLang: 'fr' });
    const page = await w.sut.api.get<{ items: PublishedRecommendation[] }>(
      `/recommendations?dialogueId=${dialogue.id}&lang=ar`,
    );
    expect(page.body.items.map((r) => r.textLang)).toEqual(['fr']);
  });

  it('keeps key message translations with their message when a client reorders them without sending any', async () => {
    const { dialogue, outcome } = await french(false);
    const res = await w.put(w.organizer, dialogue.id, {
      summary: outcome.summary,
      keyMessages: [FR_KEY[1], FR_KEY[0]],
      recommendations: w.asBody(outcome),
      version: outcome.version,
    });
    expect(res.status).toBe(200);
    const after = await w.current(dialogue.id);
    expect(after.translations).toEqual({ en: { summary: EN_SUMMARY, 'keyMessages.1': EN_KEY } });
    // Removing the translated message drops its translation.
    const removed = await w.put(w.organizer, dialogue.id, {
      summary: after.summary,
      keyMessages: [FR_KEY[1]],
      recommendations: w.asBody(after),
      version: after.version,
    });
    expect(removed.status).toBe(200);
    expect((await w.current(dialogue.id)).translations).toEqual({ en: { summary: EN_SUMMARY } });
  });

  it('refuses bad key message translations with a 400 problem naming the field, and changes nothing', async () => {
    const { dialogue } = await french(false);
    const before = await w.current(dialogue.id);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ ar: { 'keyMessages.0': 'ع'.repeat(2001) } }, 'translations.ar.keyMessages.0', 'maxLength'],
      [{ es: { 'keyMessages.1': 'Mensaje \u202Eoculto' } }, 'translations.es.keyMessages.1', 'isPlainText'],
      [{ es: { 'keyMessages.50': 'Demasiado' } }, 'translations.es.keyMessages.50', 'isIn'],
      [{ de: { 'keyMessages.0': 'Mobilität' } }, 'translations.de', 'isIn'],
    ];
    for (const [translations, field, code] of cases) {
      const res = await w.put(w.organizer, dialogue.id, {
        summary: before.summary,
        keyMessages: before.keyMessages,
        translations,
        recommendations: w.asBody(before),
        version: before.version,
      });
      expect([field, res.status]).toEqual([field, 400]);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(res.body.errors?.[0]).toMatchObject({ field, code });
      expect(res.body.errors?.[0]?.message).not.toMatch(/undefined/);
    }
    expect(await w.current(dialogue.id)).toEqual(before);
  });

  it('reads the key messages of an English dialogue in Spanish once translated', async () => {
    const f = await w.outcomeIn('draft');
    const res = await w.put(w.organizer, f.dialogue.id, {
      summary: f.outcome.summary,
      keyMessages: f.outcome.keyMessages,
      translations: { es: { 'keyMessages.0': 'La movilidad es una responsabilidad compartida.' } },
      recommendations: w.asBody(f.outcome),
      version: f.outcome.version,
    });
    expect(res.status).toBe(200);
    const es = await w.organizer.get<Outcome>(`/dialogues/${f.dialogue.id}/outcome?lang=es`);
    expect(es.body).toMatchObject({
      summaryLang: 'en',
      keyMessages: ['La movilidad es una responsabilidad compartida.'],
      keyMessagesLang: ['es'],
    });
  });
});
