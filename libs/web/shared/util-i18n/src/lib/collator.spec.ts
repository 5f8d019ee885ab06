import { compareNames } from './collator';

describe('compareNames', () => {
  it('sorts Russian names in Russian order: Ё right after Е, not before А', () => {
    const names = ['Жуков', 'Ёлкин', 'Егоров', 'Алексеев'];
    expect([...names].sort()).toEqual(['Ёлкин', 'Алексеев', 'Егоров', 'Жуков']); // code points: wrong
    expect([...names].sort(compareNames('ru'))).toEqual(['Алексеев', 'Егоров', 'Ёлкин', 'Жуков']);
  });

  it('sorts Chinese names by pinyin under zh', () => {
    expect(['张伟', '王芳', '陈静', '李娜', '安琪'].sort(compareNames('zh'))).toEqual([
      '安琪',
      '陈静',
      '李娜',
      '王芳',
      '张伟',
    ]);
  });

  it('follows the interface language: accents second, numbers by value', () => {
    expect(['Salle 10', 'Salle 2', 'Élysée', 'Etoile'].sort(compareNames('fr-FR'))).toEqual([
      'Élysée',
      'Etoile',
      'Salle 2',
      'Salle 10',
    ]);
    expect(['Ñandú', 'Nube', 'Oso'].sort(compareNames('es-ES'))).toEqual(['Nube', 'Ñandú', 'Oso']);
  });
});
