import { formatMessage } from './message-format.util';

describe(formatMessage.name, () => {
  it('returns the template untouched without parameters', () => {
    expect(formatMessage('Hello {name}', undefined, 'en')).toBe('Hello {name}');
  });

  it('interpolates named parameters and formats numbers in the locale', () => {
    expect(formatMessage('{from}–{to} of {total}', { from: 1, to: 20, total: 1200 }, 'fr')).toBe('1–20 of 1\u202f200');
  });

  it('chooses plural branches with Intl.PluralRules', () => {
    const template = '{count, plural, =0 {none} one {# day} other {# days}}';
    expect(formatMessage(template, { count: 0 }, 'en')).toBe('none');
    expect(formatMessage(template, { count: 1 }, 'en')).toBe('1 day');
    expect(formatMessage(template, { count: 12 }, 'en')).toBe('12 days');
  });

  it('keeps unknown parameters visible', () => {
    expect(formatMessage('Hi {who}', { name: 'x' }, 'en')).toBe('Hi {who}');
  });
});
