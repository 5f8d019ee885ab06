import type { Outcome, Page, PublishedOutcome, PublishedRecommendation } from '@gfmd/contracts';
import { outcomesWorld } from './outcomes.int-helpers';

/** Outcomes and recommendations in several languages (docs/i18n.md, "Content in several languages"). */
describe('Outcome content in several languages (integration)', () => {
  const w = outcomesWorld();

  /** A published outcome whose summary is in French and whose first recommendation is in French and Arabic. */
  async function translated() {
    const f = await w.outcomeIn('draft');
    const [first, second] = w.asBody(f.outcome);
    const res = await w.put(w.organizer, f.dialogue.id, {
      summary: 'What the dialogue said.',
      translations: { fr: { summary: 'Ce que le dialogue a dit.' } },
      keyMessages: f.outcome.keyMessages,
      recommendations: [
        { ...first, translations: { fr: { text: 'Les États devraient agir.' }, ar: { text: 'ينبغي للدول أن تعمل.' } } },
        second,
      ],
      version: f.outcome.version,
    });
    expect(res.status).toBe(200);
    for (const [step, client] of [
      ['submit', w.rapporteur.client],
      ['approve', w.organizer],
      ['publish', w.organizer],
    ] as const) {
      expect((await client.post(`/dialogues/${f.dialogue.id}/outcome/${step}`)).status).toBe(200);
    }
    const published = (await w.sut.api.get<PublishedOutcome>(`/dialogues/${f.dialogue.id}/outcome/published`)).body;
    return { ...f, first, second, references: published.recommendations.map((r) => r.reference) };
  }

  it('gives the editors the translations and what each language lacks', async () => {
    const f = await w.outcomeIn('draft');
    const [first, second] = w.asBody(f.outcome);
    const res = await w.put(w.organizer, f.dialogue.id, {
      summary: f.outcome.summary,
      translations: { fr: { summary: 'Ce que le dialogue a dit.' } },
      keyMessages: f.outcome.keyMessages,
      recommendations: [{ ...first, translations: { fr: { text: 'Les États devraient agir.' } } }, second],
      version: f.outcome.version,
    });
    expect(res.status).toBe(200);
    const staff = await w.current(f.dialogue.id);
    expect(staff).toMatchObject({
      summary: 'What the dialogue said.',
      summaryLang: 'en',
      translations: { fr: { summary: 'Ce que le dialogue a dit.' } },
    });
    // The key message is translatable too (by position) and not translated yet. Only the
    // dialogue's languages (en, fr, es) are asked for: not Arabic, Russian or Chinese.
    expect(staff.missingTranslations).toEqual({ fr: ['keyMessages.0'], es: ['summary', 'keyMessages.0'] });
    expect(staff.recommendations[0]).toMatchObject({
      text: first.text,
      textLang: 'en',
      translations: { fr: { text: 'Les États devraient agir.' } },
    });
    expect(staff.recommendations[0].missingTranslations).toEqual({ es: ['text'] });
    expect(staff.recommendations[1].missingTranslations).toEqual({ fr: ['text'], es: ['text'] });
    // A staff reader asking for French reads French (as anyone).
    const fr = await w.organizer.get<Outcome>(`/dialogues/${f.dialogue.id}/outcome?lang=fr`);
    expect(fr.body).toMatchObject({ summary: 'Ce que le dialogue a dit.', summaryLang: 'fr' });
    // A later save without `translations` keeps them; `null` for a field removes it.
    const again = await w.put(w.organizer, f.dialogue.id, {
      summary: staff.summary,
      keyMessages: staff.keyMessages,
      recommendations: [{ ...w.asBody(staff)[0], translations: { fr: { text: null } } }, w.asBody(staff)[1]],
      version: staff.version,
    });
    expect(again.status).toBe(200);
    const after = await w.current(f.dialogue.id);
    expect(after.translations).toEqual({ fr: { summary: 'Ce que le dialogue a dit.' } });
    expect(after.recommendations[0].translations).toEqual({});
  });

  it('reads the published outcome and a recommendation in French and in Arabic, falling back to the source', async () => {
    const f = await translated();
    const fr = await w.sut.api.get<PublishedOutcome>(`/dialogues/${f.dialogue.id}/outcome/published?lang=fr`);
    expect(fr.body).toMatchObject({ summary: 'Ce que le dialogue a dit.', summaryLang: 'fr' });
    expect(fr.body.recommendations[0]).toMatchObject({ text: 'Les États devraient agir.', textLang: 'fr' });
    expect(fr.body.recommendations[1]).toMatchObject({ text: f.second.text, textLang: 'en' });

    const ar = await w.sut.api.request<PublishedRecommendation>(
      'GET',
      `/recommendations/${f.references[0]}`,
      undefined,
      {
        'Accept-Language': 'ar',
      },
    );
    expect(ar.body).toMatchObject({ text: 'ينبغي للدول أن تعمل.', textLang: 'ar' });
    const arOutcome = await w.sut.api.get<PublishedOutcome>(`/dialogues/${f.dialogue.id}/outcome/published?lang=ar`);
    expect(arOutcome.body).toMatchObject({ summary: 'What the dialogue said.', summaryLang: 'en' });
    // The anonymous outcome route reads the same.
    expect((await w.sut.api.get<PublishedOutcome>(`/dialogues/${f.dialogue.id}/outcome?lang=fr`)).body).toMatchObject({
      summaryLang: 'fr',
    });

    const search = await w.sut.api.get<Page<PublishedRecommendation>>(
      `/recommendations?dialogueId=${f.dialogue.id}&lang=fr`,
    );
    const byRef = new Map(search.body.items.map((r) => [r.reference, r]));
    expect(byRef.get(f.references[0])).toMatchObject({ text: 'Les États devraient agir.', textLang: 'fr' });
    expect(byRef.get(f.references[1])).toMatchObject({ textLang: 'en' });
    const en = await w.sut.api.get<PublishedRecommendation>(`/recommendations/${f.references[0]}`);
    expect(en.body).toMatchObject({ text: f.first.text, textLang: 'en' });
  });

  it('accepts translations in languages the dialogue does not list and names them to the editors', async () => {
    const f = await w.outcomeIn('draft');
    const [first, second] = w.asBody(f.outcome);
    // The dialogue lists en, fr, es: Arabic and Russian are accepted, kept and marked.
    const res = await w.put(w.organizer, f.dialogue.id, {
      summary: f.outcome.summary,
      translations: { ar: { summary: 'ما قاله الحوار.' }, fr: { summary: 'Ce que le dialogue a dit.' } },
      keyMessages: f.outcome.keyMessages,
      recommendations: [
        { ...first, translations: { ru: { text: 'Государства должны действовать.' }, ar: { text: 'ينبغي للدول.' } } },
        second,
      ],
      version: f.outcome.version,
    });
    expect(res.status).toBe(200);
    const pick = (o: Outcome) => ({
      unlistedLanguages: o.unlistedLanguages,
      recommendations: o.recommendations.map((r) => r.unlistedLanguages),
    });
    const expected = { unlistedLanguages: ['ar'], recommendations: [['ar', 'ru'], []] };
    expect(pick(res.body as Outcome)).toEqual(expected);
    const staff = await w.current(f.dialogue.id);
    expect(pick(staff)).toEqual(expected);
    expect(staff.translations).toEqual({
      ar: { summary: 'ما قاله الحوار.' },
      fr: { summary: 'Ce que le dialogue a dit.' },
    });
    // The read goes back as it came (a client sending `unlistedLanguages` back is not refused).
    const { summary, summaryLang, keyMessages, keyMessagesLang, translations, missingTranslations, version } = staff;
    const again = await w.put(w.organizer, f.dialogue.id, {
      ...{ summary, summaryLang, keyMessages, keyMessagesLang, translations, missingTranslations, version },
      unlistedLanguages: staff.unlistedLanguages,
      recommendations: w.asBody(staff),
    });
    expect(again.status).toBe(200);
    expect(pick(again.body as Outcome)).toEqual(expected);
    // A reader's read (`?lang=`) carries none of the editors' extras.
    const fr = (await w.organizer.get<Outcome>(`/dialogues/${f.dialogue.id}/outcome?lang=fr`)).body;
    expect(pick(fr)).toEqual({ unlistedLanguages: undefined, recommendations: [undefined, undefined] });
  });

  it('refuses bad translations with a 400 problem and changes nothing', async () => {
    const f = await w.outcomeIn('draft');
    const before = await w.current(f.dialogue.id);
    const [first, second] = w.asBody(before);
    const bad: [string, Record<string, unknown>, Record<string, unknown>][] = [
      ['language xx', { xx: { summary: 'Résumé' } }, {}],
      ['too long in Arabic', { ar: { summary: 'ع'.repeat(20001) } }, {}],
      ['bidi override', { fr: { summary: 'Résumé \u202Eesrever' } }, {}],
      ['unknown field', { fr: { title: 'Titre' } }, {}],
      ['recommendation too long in Arabic', {}, { ar: { text: 'ع'.repeat(5001) } }],
      ['recommendation unknown field', {}, { fr: { summary: 'Résumé' } }],
      ['recommendation bidi isolate', {}, { ar: { text: 'نص \u2067مخفي\u2069' } }],
    ];
    for (const [what, translations, recTranslations] of bad) {
      const res = await w.put(w.organizer, f.dialogue.id, {
        summary: 'Changed',
        translations,
        keyMessages: before.keyMessages,
        recommendations: [{ ...first, translations: recTranslations }, second],
        version: before.version,
      });
      expect([what, res.status]).toEqual([what, 400]);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(res.body.errors?.[0]?.field).toMatch(/translations(\.[a-z]+)?(\.\w+)?$/);
    }
    expect(await w.current(f.dialogue.id)).toEqual(before);
  });

  it('keeps a coordinator from changing the summary translations', async () => {
    const f = await w.outcomeIn('draft');
    const res = await w.put(w.coordinator.client, f.dialogue.id, {
      summary: f.outcome.summary,
      translations: { fr: { summary: 'Autre chose.' } },
      keyMessages: f.outcome.keyMessages,
      recommendations: w.asBody(f.outcome),
      version: f.outcome.version,
    });
    expect(res.status).toBe(403);
  });
});
