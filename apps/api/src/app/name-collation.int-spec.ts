import { SeedService } from '@gfmd/api-dialogues';
import { ApiClient, createTestApp, DialogueFactory, TestApp } from '@gfmd/api-testing';
import type { Dialogue } from '@gfmd/contracts';
import { AppModule } from './app.module';

/**
 * Names sorted in the reader's language (docs/i18n.md, "Sorting names"): PostgreSQL's ICU
 * collations by `?lang=`/Accept-Language, where the database's own collation (C.UTF-8 here)
 * sorts by code point; and Cyrillic and Han text unchanged through the API and the CSV.
 */
describe('names in the reader’s collation (integration)', () => {
  let sut: TestApp;
  let organizer: ApiClient;

  beforeAll(async () => {
    sut = await createTestApp([AppModule]);
    await sut.app.get(SeedService).seedProcess();
    organizer = (await sut.staff('organizer')).client;
  });
  afterAll(() => sut.close());

  const withDelegations = async (names: string[]): Promise<Dialogue> => {
    const dialogue = await DialogueFactory.createPublished(organizer, { capacity: 50 });
    const csv = [
      'name,stakeholderGroup,seats,focalPointEmail',
      ...names.map((n, i) => `${n},government,1,focal${i}@example.org`),
    ].join('\r\n');
    const res = await organizer.post(`/dialogues/${dialogue.id}/delegations/import`, { csv });
    expect(res.status).toBe(200);
    return dialogue;
  };
  const delegationNames = async (dialogue: Dialogue, lang: string) =>
    (
      await organizer.get<{ items: { name: string }[] }>(`/dialogues/${dialogue.id}/delegations?lang=${lang}`)
    ).body.items.map((d) => d.name);

  it('sorts Russian names in Russian order: Ё right after Е (code points put it before А)', async () => {
    const dialogue = await withDelegations(['Жуков', 'Ёлкин', 'Егоров', 'Алексеев', 'Ершов']);
    expect(await delegationNames(dialogue, 'ru')).toEqual(['Алексеев', 'Егоров', 'Ёлкин', 'Ершов', 'Жуков']);
    const rows: { name: string }[] = await sut.dataSource.query(
      `SELECT name FROM delegations WHERE dialogue_id = $1 ORDER BY name COLLATE "C"`,
      [dialogue.id],
    );
    expect(rows[0].name).toBe('Ёлкин'); // what ORDER BY name gave before
  });

  it('sorts Chinese names by pinyin under zh, and by the root collation for others', async () => {
    const dialogue = await withDelegations(['张伟', '王芳', '陈静', '李娜', '安琪']);
    expect(await delegationNames(dialogue, 'zh')).toEqual(['安琪', '陈静', '李娜', '王芳', '张伟']);
    const en = await delegationNames(dialogue, 'en');
    expect(en).not.toEqual(['安琪', '陈静', '李娜', '王芳', '张伟']);
    expect(new Set(en)).toEqual(new Set(['安琪', '陈静', '李娜', '王芳', '张伟']));
    const accept = await organizer.request('GET', `/dialogues/${dialogue.id}/delegations`, undefined, {
      'Accept-Language': 'zh-CN, en;q=0.5',
    });
    expect(accept.body.items.map((d: { name: string }) => d.name)).toEqual(['安琪', '陈静', '李娜', '王芳', '张伟']);
  });

  it('finds participants at the door in the reader’s order, and keeps Cyrillic and Han text unchanged through the API and the CSV', async () => {
    const dialogue = await DialogueFactory.createPublished(organizer, { capacity: 50 });
    const people = [
      { first: 'Пётр', last: 'Ёлкин', org: 'Общество «Миграция»' },
      { first: 'Анна', last: 'Егорова', org: 'Общество «Миграция»' },
      { first: 'Иван', last: 'Алексеев', org: 'Общество «Миграция»' },
    ];
    const han = { first: '伟', last: '张', org: '移民与发展论坛' };
    const csv = [
      'email,firstName,lastName,organization,stakeholderGroup,country,preferredLanguage',
      ...[...people, han].map((p, i) => `p${i}@example.org,${p.first},${p.last},"${p.org}",civil_society,RU,en`),
    ].join('\n');
    const imported = await organizer.request(
      'POST',
      `/dialogues/${dialogue.id}/registrations/import?dryRun=false`,
      csv,
      {
        'content-type': 'text/csv',
      },
    );
    expect(imported.status).toBe(200);
    expect(imported.body.confirmed).toBe(4);

    const found = await organizer.get<{ items: { name: string; organization: string }[] }>(
      `/dialogues/${dialogue.id}/check-in/search?q=${encodeURIComponent('Миграция')}&lang=ru`,
    );
    expect(found.body.items.map((p) => p.name)).toEqual(['Иван Алексеев', 'Анна Егорова', 'Пётр Ёлкин']);
    expect(found.body.items[0].organization).toBe('Общество «Миграция»');

    const list = await organizer.get<{ items: { firstName: string; lastName: string; organization: string }[] }>(
      `/dialogues/${dialogue.id}/registrations?pageSize=50`,
    );
    expect(list.body.items.map((r) => [r.firstName, r.lastName, r.organization])).toEqual(
      expect.arrayContaining([
        ['Пётр', 'Ёлкин', 'Общество «Миграция»'],
        ['伟', '张', '移民与发展论坛'],
      ]),
    );
    const file = await organizer.get(`/dialogues/${dialogue.id}/registrations.csv`);
    expect(file.status).toBe(200);
    for (const text of ['Пётр', 'Ёлкин', 'Общество «Миграция»', '移民与发展论坛']) expect(file.text).toContain(text);
    expect(file.text).toMatch(/(^|,)"?伟"?,"?张"?(,|$)/m);
  });
});
