import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { createValidationPipe } from '../problem/validation';
import { ProblemException } from '../problem/problem.exception';
import { isEmailAddress } from './email.decorator';
import { IsArrayOf } from './nested.decorator';
import { Nullable, OptionalButNotNull, PatchType } from './nullability.decorators';
import { hasControlChars, IsPersonName, IsPlainText } from './plain-text.decorators';
import { IsString } from 'class-validator';

class Item {
  @IsString() name: string;
}

class Thing {
  @IsString() @IsPlainText() title: string;
  @OptionalButNotNull() @IsString() @IsPlainText(true) summary?: string;
  @Nullable() @IsString() note?: string | null;
  @OptionalButNotNull() @IsPersonName() person?: string;
  @OptionalButNotNull() @IsArrayOf(() => Item) items?: Item[];
}
class ThingPatch extends PatchType(Thing) {}

const errorsOf = async (cls: new () => object, body: unknown) => {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype: cls });
    return [];
  } catch (e) {
    return (e as ProblemException).errors ?? [];
  }
};

describe('validation decorators', () => {
  it('a PATCH refuses null for fields that cannot be empty and takes it for nullable ones', async () => {
    expect(await errorsOf(ThingPatch, {})).toEqual([]);
    expect(await errorsOf(ThingPatch, { note: null })).toEqual([]);
    expect(await errorsOf(ThingPatch, { title: null })).toEqual([
      { field: 'title', message: 'title must not be null', code: 'notNull' },
    ]);
    expect(await errorsOf(ThingPatch, { summary: null })).toEqual([
      { field: 'summary', message: 'summary must not be null', code: 'notNull' },
    ]);
    expect(await errorsOf(Thing, { title: 'x', summary: null })).toEqual([
      { field: 'summary', message: 'summary must not be null', code: 'notNull' },
    ]);
  });

  it('arrays of objects refuse elements that are not objects', async () => {
    for (const items of [[[]], [null], ['x'], [1], [[{ name: 'a' }]]]) {
      const errors = await errorsOf(Thing, { title: 'x', items });
      expect(errors.length).toBeGreaterThan(0);
      expect(errors[0].field).toMatch(/^items/);
    }
    expect(await errorsOf(Thing, { title: 'x', items: [{ name: 'a' }] })).toEqual([]);
  });

  it('one character set for plain text', () => {
    for (const c of [
      '\u0000',
      '\u0008',
      '\u000b',
      '\u001f',
      '\u007f',
      '\u0085',
      '\u009f',
      '\u202a',
      '\u202e',
      '\u2066',
      '\u2069',
      '\ud800',
    ]) {
      expect([c, hasControlChars(`a${c}b`), hasControlChars(`a${c}b`, true)]).toEqual([c, true, true]);
    }
    for (const c of ['\n', '\r', '\u2028', '\u2029'])
      expect([c, hasControlChars(`a${c}b`), hasControlChars(`a${c}b`, true)]).toEqual([c, true, false]);
    expect(hasControlChars('Ana\tPérez 😀 محمد')).toBe(false);
  });

  it('names hold no links or addresses and fit a greeting', () => {
    const check = (person: string) => validateSync(plainToInstance(Thing, { title: 'x', person })).length;
    expect(check("José O'Brien-Núñez")).toBe(0);
    for (const bad of ['https://x.example', 'WWW.x.example', 'a@b.example', 'x'.repeat(101), 'A\u202eB'])
      expect(check(bad)).toBe(1);
  });

  it('emails: ill-formed UTF-16 is refused, not thrown on', () => {
    expect(isEmailAddress('ana@example.org')).toBe(true);
    for (const bad of ['\ud800@example.org', 'ana@\udfffexample.org', 'a@b', `${'a'.repeat(250)}@b.org`, 42, null]) {
      expect(isEmailAddress(bad)).toBe(false);
    }
  });
});
