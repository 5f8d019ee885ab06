import { getMetadataStorage, type ValidationArguments } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { TransformationType } from 'class-transformer';
import type { ClassTransformOptions } from 'class-transformer';
import type { MetadataStorage as TransformMetadataStorage } from 'class-transformer/types/MetadataStorage';

/** class-transformer's metadata storage: the one of its CommonJS build, which its main entry (and so the pipe) uses. */
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as {
  defaultMetadataStorage: TransformMetadataStorage;
};

/*
 * A fast path in front of the global validation pipe for the bodies of a few hot routes (the
 * public registration form). The pipe (class-transformer, then class-validator) costs about a
 * tenth of the API's CPU per registration: it builds error objects for every property, goes
 * through promises and walks the metadata on every call. For a class marked
 * `@PrecompiledValidation()`, the same checks are laid out once, from the very metadata the
 * pipe uses (the same constraint instances, conditions and @Transform functions, in the same
 * order), into a plan that only answers "accepted: here is the instance" or "not sure".
 *
 * It can only accept: anything it does not take as plainly valid (a failed check, an unknown
 * field, a key such as `__proto__`, a value that is not JSON data) goes through the full pipe,
 * which refuses with its own errors or accepts. A class whose metadata uses anything the plan
 * does not lay out (nested validation, @Type, @Expose/@Exclude, async checks, groups) gets no
 * plan. The plan is made again when a decorator registers more metadata.
 */

const PRECOMPILED = Symbol.for('gfmd.precompiledValidation');

/** Marks a body class for the precompiled fast path of the global validation pipe. */
export function PrecompiledValidation(): ClassDecorator {
  return (target) => {
    (target as unknown as Record<symbol, boolean>)[PRECOMPILED] = true;
  };
}

type Ctor = new () => object;
/** A compiled plan: the instance when the body is plainly valid, undefined when not sure. */
export type FastPath = (value: unknown) => object | undefined;

/** What class-transformer applies by default, merged with the pipe's own options (as it does). */
const TRANSFORM_DEFAULTS: ClassTransformOptions = {
  enableCircularCheck: false,
  enableImplicitConversion: false,
  excludeExtraneousValues: false,
  excludePrefixes: undefined,
  exposeDefaultValues: false,
  exposeUnsetFields: true,
  groups: undefined,
  ignoreDecorators: false,
  strategy: undefined,
  targetMaps: undefined,
  version: undefined,
};

/** Keys the pipe strips or class-transformer skips: a body holding one goes the full way. */
const RISKY_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

let version = 0;
let hooked = false;
const plans = new Map<Ctor, { version: number; plan: FastPath | null }>();

/** Any metadata registered later (validation or transformation) makes every plan again. */
function hookMetadata(): void {
  if (hooked) return;
  hooked = true;
  const bump = () => void version++;
  const v = getMetadataStorage() as unknown as Record<string, (...a: unknown[]) => unknown>;
  const t = defaultMetadataStorage as unknown as Record<string, (...a: unknown[]) => unknown>;
  for (const [storage, names] of [
    [v, ['addValidationMetadata', 'addConstraintMetadata']],
    [t, ['addTypeMetadata', 'addTransformMetadata', 'addExposeMetadata', 'addExcludeMetadata']],
  ] as const) {
    for (const name of names) {
      const original = storage[name].bind(storage);
      storage[name] = (...args: unknown[]) => {
        bump();
        return original(...args);
      };
    }
  }
}

/** The plan of a class marked @PrecompiledValidation(), or null (not marked, or not plannable). */
export function fastPathOf(metatype: unknown): FastPath | null {
  if (typeof metatype !== 'function' || !(metatype as unknown as Record<symbol, boolean>)[PRECOMPILED]) return null;
  hookMetadata();
  const ctor = metatype as Ctor;
  const known = plans.get(ctor);
  if (known && known.version === version) return known.plan;
  const plan = compile(ctor, {});
  plans.set(ctor, { version, plan });
  return plan;
}

/** A copy of JSON data as class-transformer makes it (plain objects and arrays anew), or NOT_PLAIN. */
const NOT_PLAIN = Symbol('not plain');
function copyJson(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object') {
    return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null
      ? value
      : NOT_PLAIN;
  }
  if (depth > 8) return NOT_PLAIN;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) return NOT_PLAIN;
      const v = copyJson(value[i], depth + 1);
      if (v === NOT_PLAIN) return NOT_PLAIN;
      out.push(v);
    }
    return out;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return NOT_PLAIN;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    if (RISKY_KEYS.has(key)) return NOT_PLAIN;
    const v = copyJson((value as Record<string, unknown>)[key], depth + 1);
    if (v === NOT_PLAIN) return NOT_PLAIN;
    out[key] = v;
  }
  return out;
}

const isThenable = (x: unknown) => !!x && typeof (x as { then?: unknown }).then === 'function';

interface Check {
  metadata: ValidationMetadata;
  validate: (value: unknown, args: ValidationArguments) => unknown;
}
interface PropertyPlan {
  name: string;
  conditions: ((object: object, value: unknown) => unknown)[];
  /** IS_DEFINED checks first, then the others, as class-validator runs them. */
  checks: Check[];
}

/** Test seam: `skip` leaves out the checks of the named constraint (to show the equivalence test bites). */
export function compile(ctor: Ctor, options: { skip?: string }): FastPath | null {
  const storage = getMetadataStorage();
  // The same lookup as class-validator's executor (no schema, no groups, not `always`).
  const metadatas = storage.getTargetValidationMetadatas(ctor, undefined as unknown as string, false, false, undefined);
  if (!metadatas.length) return null;
  // An instance that starts with fields of its own, or a property that is a method or accessor,
  // would be handled differently by class-transformer: the full pipe only.
  if (Object.keys(new ctor()).length) return null;
  // class-transformer: only @Transform on the class's own properties (no @Type, @Expose, @Exclude, strategy).
  if (defaultMetadataStorage.getStrategy(ctor) !== 'none') return null;
  if (
    defaultMetadataStorage.getExposedMetadatas(ctor).length ||
    defaultMetadataStorage.getExcludedMetadatas(ctor).length
  )
    return null;

  const grouped = storage.groupByPropertyName(metadatas);
  const properties: PropertyPlan[] = [];
  for (const [name, list] of Object.entries(grouped)) {
    if (!list.length || RISKY_KEYS.has(name) || name in ctor.prototype) return null;
    if (defaultMetadataStorage.findTypeMetadata(ctor, name)) return null;
    const plan: PropertyPlan = { name, conditions: [], checks: [] };
    const defined: Check[] = [];
    for (const m of list) {
      if (m.groups?.length || m.always) return null;
      if (m.type === 'conditionalValidation') {
        plan.conditions.push(m.constraints[0] as PropertyPlan['conditions'][number]);
      } else if (m.type === 'customValidation' || m.type === 'isDefined') {
        if (!m.constraintCls) return null;
        for (const c of storage.getTargetValidatorConstraints(m.constraintCls)) {
          if (c.async || !c.instance) return null;
          if (options.skip && c.name === options.skip) continue;
          const instance = c.instance as { validate: Check['validate'] };
          (m.type === 'isDefined' ? defined : plan.checks).push({
            metadata: m,
            validate: instance.validate.bind(instance),
          });
        }
      } else if (m.type !== 'whitelistValidation') {
        return null; // nested or promise validation: the full pipe only
      }
    }
    plan.checks = [...defined, ...plan.checks];
    properties.push(plan);
  }
  const allowed = new Set(properties.map((p) => p.name));
  const transformOptions: ClassTransformOptions = { ...TRANSFORM_DEFAULTS, enableImplicitConversion: false };
  const transforms = new Map(
    properties.map((p) => [
      p.name,
      defaultMetadataStorage.findTransformMetadatas(ctor, p.name, TransformationType.PLAIN_TO_CLASS),
    ]),
  );
  if (
    [...transforms.values()].some((list) =>
      list.some(
        (t) =>
          t.options && (t.options.groups?.length || t.options.since !== undefined || t.options.until !== undefined),
      ),
    )
  )
    return null;
  const targetName = ctor.name;

  return (value: unknown) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    if (Object.getPrototypeOf(value) !== Object.prototype) return undefined;
    const body = value as Record<string, unknown>;
    const entity = new ctor() as Record<string, unknown>;
    // class-transformer: each key of the body in its order, copied, then its @Transform functions.
    for (const key of Object.keys(body)) {
      if (!allowed.has(key)) return undefined; // unknown (refused by the whitelist) or risky
      let v = copyJson(body[key]);
      if (v === NOT_PLAIN) return undefined;
      for (const t of transforms.get(key) ?? [])
        v = t.transformFn({
          value: v,
          key,
          obj: body,
          type: TransformationType.PLAIN_TO_CLASS,
          options: transformOptions,
        });
      if (v !== undefined || transformOptions.exposeUnsetFields) entity[key] = v;
    }
    // class-validator: every property with checks, present or not.
    for (const p of properties) {
      const v = entity[p.name];
      let applies = true;
      for (const condition of p.conditions) applies = !!condition(entity, v) && applies;
      if (!applies) continue;
      for (const check of p.checks) {
        const m = check.metadata;
        if (m.validateIf && !m.validateIf(entity, v)) continue;
        const args: ValidationArguments = {
          targetName,
          property: m.propertyName,
          object: entity,
          value: v,
          constraints: m.constraints,
        };
        if (m.each && Array.isArray(v)) {
          for (const item of v) {
            const ok = check.validate(item, args);
            if (!ok || isThenable(ok)) return undefined;
          }
        } else {
          const ok = check.validate(v, args);
          if (!ok || isThenable(ok)) return undefined;
        }
      }
    }
    return entity;
  };
}
