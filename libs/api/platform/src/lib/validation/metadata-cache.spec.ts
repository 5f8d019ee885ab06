import 'reflect-metadata';
import { IsInt, IsOptional, IsString, MaxLength, MetadataStorage, ValidateNested, validate } from 'class-validator';
import { Type } from 'class-transformer';
import { cacheValidationMetadata } from './metadata-cache';

class Address {
  @IsString() @MaxLength(6) city!: string;
}
class Person {
  @IsString() name!: string;
  @IsOptional() @IsInt() age?: number;
  @ValidateNested() @Type(() => Address) address!: Address;
}
class Child extends Person {
  @IsString() school!: string;
}

const person = (p: Partial<Person>) => Object.assign(new Person(), p);
const errorsOf = async (o: object, opts = {}) =>
  (await validate(o, { whitelist: true, forbidNonWhitelisted: true, ...opts })).map((e) => ({
    property: e.property,
    constraints: e.constraints,
    children: e.children?.map((c) => ({ property: c.property, constraints: c.constraints })),
  }));

describe('cacheValidationMetadata', () => {
  const samples = (): object[] => [
    person({ name: 'a', address: Object.assign(new Address(), { city: 'Geneva' }) }),
    person({ name: 1 as never, age: 'x' as never, address: Object.assign(new Address(), { city: 'Bern' }) }),
    Object.assign(new Child(), {
      name: 'b',
      school: 3,
      address: Object.assign(new Address(), { city: 'Rome' }),
      extra: 1,
    }),
  ];

  it('answers exactly what class-validator answers without it (errors, order, nested, inherited, whitelist)', async () => {
    const before = await Promise.all(samples().map((o) => errorsOf(o)));
    const groups = await Promise.all(samples().map((o) => errorsOf(o, { groups: ['g'] })));
    cacheValidationMetadata();
    cacheValidationMetadata(); // idempotent
    for (let round = 0; round < 2; round++) {
      expect(await Promise.all(samples().map((o) => errorsOf(o)))).toEqual(before);
      expect(await Promise.all(samples().map((o) => errorsOf(o, { groups: ['g'] })))).toEqual(groups);
    }
    expect(before[0]).toEqual([]);
    expect(before[1].map((e) => e.property)).toEqual(['name', 'age']);
    expect(before[2].map((e) => e.property).sort()).toEqual(['extra', 'school']);
  });

  it('sees checks registered after a lookup (a decorator added later empties the cache)', async () => {
    cacheValidationMetadata();
    class Late {
      @IsString() a!: string;
    }
    expect(await errorsOf(Object.assign(new Late(), { a: 'x' }))).toEqual([]);
    IsInt()(Late.prototype, 'a');
    expect((await errorsOf(Object.assign(new Late(), { a: 'x' })))[0]?.constraints).toHaveProperty('isInt');
  });

  it('looks each class up once while nothing new is registered', async () => {
    const storage = new MetadataStorage();
    let walks = 0;
    const original = storage.getTargetValidationMetadatas.bind(storage);
    storage.getTargetValidationMetadatas = (...args) => {
      walks++;
      return original(...args);
    };
    cacheValidationMetadata(storage);
    for (let i = 0; i < 5; i++) storage.getTargetValidationMetadatas(Person, '', false, false);
    expect(walks).toBe(1);
  });
});
