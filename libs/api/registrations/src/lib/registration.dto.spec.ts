import 'reflect-metadata';
import { type ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { compileFastPath, createValidationPipe, fastPathOf, ProblemException } from '@gfmd/api-platform';
import fc from 'fast-check';
import { CreateRegistrationDto } from './registration.dto';

/** A body as the HTTP parser hands it over (JSON.parse in this realm; jest's structuredClone makes another realm's objects). */
const clone = (body: unknown): unknown => JSON.parse(JSON.stringify(body));

const meta: ArgumentMetadata = { type: 'body', metatype: CreateRegistrationDto, data: '' };

const valid = () => ({
  email: 'ana.silva@example.org',
  firstName: 'Ana',
  lastName: 'Silva',
  organization: 'Migrant Forum',
  stakeholderGroup: 'civil_society',
  country: 'CH',
  preferredLanguage: 'en',
  consent: true,
});

/** Values each field is tried with: valid ones, edge cases of every check, and wrong types. */
const strings = [
  'Ana',
  '  Ana  ',
  '',
  '   ',
  'x'.repeat(100),
  'x'.repeat(101),
  'x'.repeat(150),
  'x'.repeat(151),
  'x'.repeat(201),
  'Ana\nSilva',
  'Ana\tSilva',
  'Ana\u202eSilva',
  'Ana\u2028',
  'A\ud800',
  'www.evil.com',
  'http://x',
  'a@b.org',
  'Zoë Ñandú',
  'ليلى',
];
const anyValue = fc.oneof(
  fc.constantFrom<unknown>(
    ...strings,
    null,
    0,
    1,
    true,
    false,
    [],
    ['a'],
    {},
    { a: 1 },
    'CH',
    'ch',
    ' fr ',
    'XX',
    'en',
    'ar',
    'zz',
    'civil_society',
    'government',
    'online',
    'in_person',
    'hybrid',
    'tok_EN-123',
    'tok en',
    'y'.repeat(129),
    'ana@example.org',
    ' ana@example.org ',
    'Ana <ana@example.org>',
    'ana@[127.0.0.1]',
    'ana@localhost',
    `${'a'.repeat(250)}@b.org`,
  ),
  fc.string({ maxLength: 30 }),
);
const uuid = fc.constantFrom(
  '3f1c2a5e-8a9b-4c1d-9e2f-1a2b3c4d5e6f',
  '3F1C2A5E-8A9B-4C1D-9E2F-1A2B3C4D5E6F',
  '00000000-0000-0000-0000-000000000000',
  'not-a-uuid',
);
const fieldValues: Record<string, fc.Arbitrary<unknown>> = {
  email: anyValue,
  firstName: anyValue,
  lastName: anyValue,
  organization: anyValue,
  title: anyValue,
  jobTitle: anyValue,
  accessibilityNeeds: fc.oneof(anyValue, fc.constantFrom('Line one\nline two', 'x'.repeat(2001))),
  stakeholderGroup: anyValue,
  country: anyValue,
  preferredLanguage: anyValue,
  consent: fc.constantFrom<unknown>(true, false, 'true', 1, null),
  attendance: anyValue,
  invitationToken: anyValue,
  spaceIds: fc.oneof(fc.array(uuid, { maxLength: 3 }), fc.array(uuid, { minLength: 21, maxLength: 22 }), anyValue),
  answers: fc.oneof(
    fc.dictionary(fc.constantFrom('q1', 'q2', 'constructor', '__proto__', 'prototype'), fc.jsonValue({ maxDepth: 2 })),
    anyValue,
  ),
  unknownField: anyValue,
};
/** A valid body with some fields changed, some removed and perhaps an unknown one added. */
const bodies = fc
  .record({
    set: fc.subarray(Object.keys(fieldValues), { maxLength: 4 }),
    drop: fc.option(fc.constantFrom(...Object.keys(valid())), { freq: 5 }),
  })
  .chain(({ set, drop }) =>
    fc.tuple(...set.map((k) => fieldValues[k])).map((values) => {
      const body: Record<string, unknown> = valid();
      set.forEach((k, i) => (body[k] = values[i]));
      if (drop && !set.includes(drop)) delete body[drop];
      return body;
    }),
  );

/** What the full pipe (class-transformer, class-validator) answers: the instance, or that it refuses. */
async function full(pipe: ValidationPipe, body: unknown): Promise<unknown> {
  try {
    return await ValidationPipe.prototype.transform.call(pipe, clone(body), meta);
  } catch {
    return 'refused';
  }
}

describe('CreateRegistrationDto precompiled validation', () => {
  const pipe = createValidationPipe();

  it('takes the fast path for a plainly valid body, with the instance the full pipe makes', async () => {
    const fast = fastPathOf(CreateRegistrationDto);
    expect(fast).not.toBeNull();
    const body = { ...valid(), firstName: '  Ana ', country: 'ch', spaceIds: ['3f1c2a5e-8a9b-4c1d-9e2f-1a2b3c4d5e6f'] };
    const entity = fast?.(clone(body));
    expect(entity).toBeInstanceOf(CreateRegistrationDto);
    expect(entity).toStrictEqual(await full(pipe, body));
    expect(entity).toMatchObject({ firstName: 'Ana', country: 'CH' });
    expect(await pipe.transform(clone(body), meta)).toStrictEqual(entity);
  });

  it('accepts only what the full pipe accepts, as the same instance (property-based)', async () => {
    const fast = fastPathOf(CreateRegistrationDto) as NonNullable<ReturnType<typeof fastPathOf>>;
    let accepted = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(bodies, async (body) => {
        const expected = await full(pipe, body);
        const got = fast(clone(body));
        if (expected === 'refused') refused++;
        if (got === undefined) return; // not sure: the full pipe decides
        accepted++;
        expect(expected).not.toBe('refused');
        expect(got).toStrictEqual(expected);
      }),
      { numRuns: 3000, seed: 20261206 },
    );
    // Both sides were exercised: many bodies took the fast path, many were refused.
    expect(accepted).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(1000);
  });

  it('answers a refused body with the full pipe’s own problem', async () => {
    const body = { ...valid(), firstName: 'www.evil.com', extra: 1 };
    const viaPipe = await pipe.transform(clone(body), meta).catch((e: unknown) => e);
    const viaFull = await ValidationPipe.prototype.transform.call(pipe, clone(body), meta).catch((e: unknown) => e);
    expect(viaPipe).toEqual(viaFull);
    expect((viaPipe as ProblemException).errors?.map((e) => e.field)).toEqual(['extra', 'firstName']);
  });

  it('control: a plan missing one check is caught by the comparison', async () => {
    const broken = compileFastPath(CreateRegistrationDto, { skip: 'isPersonName' });
    expect(broken).not.toBeNull();
    const body = { ...valid(), organization: 'www.evil.com' };
    expect(await full(pipe, body)).toBe('refused');
    expect(broken?.(clone(body))).toBeInstanceOf(CreateRegistrationDto); // the broken plan accepts it
    expect(fastPathOf(CreateRegistrationDto)?.(clone(body))).toBeUndefined();
  });
});
