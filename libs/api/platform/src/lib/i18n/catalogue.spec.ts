import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CATALOGUES, fill, msg, msgPlural, translate } from './catalogue';
import { en } from './catalogue.en';
import { isConstraintCode } from '../problem/messages/problem-language';
import { CATALOGUE_LANGUAGES } from './languages';

const paramsOf = (template: string) => [...template.matchAll(/\{([A-Za-z]+)\}/g)].map((m) => m[1]).sort();

/** Every TypeScript source of the API libraries and apps, tests and the catalogues themselves aside. */
function apiSources(): string {
  const root = resolve(__dirname, '../../../../../..');
  const dirs = [join(root, 'libs/api'), join(root, 'apps/api/src'), join(root, 'apps/worker/src')];
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (name === 'node_modules') continue;
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts') && !/\.(int-)?spec\.ts$/.test(name) && !/catalogue\.[a-z]{2}\.ts$/.test(name))
        out.push(readFileSync(path, 'utf8'));
    }
  };
  dirs.forEach(walk);
  return out.join('\n');
}

describe('server catalogues', () => {
  const keys = Object.keys(en).sort();

  it('are written in English, French, Spanish and Arabic', () => {
    expect([...CATALOGUE_LANGUAGES].sort()).toEqual(['ar', 'en', 'es', 'fr']);
  });

  it('Arabic is written in Arabic script (no message left in English by mistake)', () => {
    // Every Arabic message holds Arabic letters; a copy of the English would not.
    const arabic = /[\u0600-\u06FF]/;
    expect(keys.filter((k) => !arabic.test(CATALOGUES.ar[k as keyof typeof en]))).toEqual([]);
  });

  it.each(CATALOGUE_LANGUAGES.filter((l) => l !== 'en'))('%s has exactly the keys of English', (language) => {
    expect(Object.keys(CATALOGUES[language]).sort()).toEqual(keys);
  });

  it.each(CATALOGUE_LANGUAGES.filter((l) => l !== 'en'))(
    '%s uses the same parameters as English in every message, and no empty one',
    (language) => {
      const catalogue = CATALOGUES[language];
      const mismatched = keys.filter(
        (k) => paramsOf(catalogue[k as keyof typeof en]).join() !== paramsOf(en[k as keyof typeof en]).join(),
      );
      expect(mismatched).toEqual([]);
      expect(keys.filter((k) => !catalogue[k as keyof typeof en].trim())).toEqual([]);
    },
  );

  it('holds no key that the code never uses', () => {
    const code = apiSources();
    const used = (key: string) => {
      if (code.includes(`'${key}'`)) return true;
      const plural = /^(.*)\.(one|other)$/.exec(key);
      if (plural && (code.includes(`'${plural[1]}'`) || code.includes(`'${plural[1]}.one'`))) return true;
      const notFound = /^notFound\.(.+)$/.exec(key);
      if (notFound) return code.includes(`notFound('${notFound[1]}')`);
      // Looked up by the problem filter from a field error's property and constraint code.
      const validation = /^validation\.(\w+)\.(\w+)$/.exec(key);
      return !!validation && code.includes(` ${validation[1]}`) && isConstraintCode(validation[2]);
    };
    expect(keys.filter((k) => !used(k))).toEqual([]);
  });
});

describe('translate', () => {
  it('fills the parameters in the language asked for, English when it has no catalogue', () => {
    const m = msg('dialogues.notEditable', { status: 'concluded' });
    expect(translate(m, 'en')).toBe('A concluded dialogue cannot be edited.');
    expect(translate(m, 'fr')).toBe("Un dialogue à l'état « concluded » ne peut pas être modifié.");
    expect(translate(m, 'es')).toBe('Un diálogo en estado «concluded» no se puede editar.');
    expect(translate(m, 'ar')).toBe('لا يمكن تعديل حوار في الحالة «concluded».');
    expect(translate('plain English', 'fr')).toBe('plain English');
  });

  it('picks the singular or the plural and passes the count', () => {
    expect(translate(msgPlural(1, 'agenda.outsideNewTimes'), 'en')).toMatch(/^1 agenda item would .* move it first\.$/);
    expect(translate(msgPlural(3, 'agenda.outsideNewTimes'), 'fr')).toMatch(/^3 points .* déplacez-les d'abord\.$/);
    expect(translate(msgPlural(3, 'agenda.outsideNewTimes'), 'ar')).toMatch(/\(3\).*انقلها أولًا\.$/);
  });

  it('leaves an unknown parameter as written and never reads inherited properties', () => {
    expect(fill('{a} {b} {constructor}', { a: 1 })).toBe('1 {b} {constructor}');
  });
});
