import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

type Storage = ReturnType<typeof getMetadataStorage>;
type Lookup = Storage['getTargetValidationMetadatas'];

const INSTALLED = Symbol.for('gfmd.validationMetadataCache');

/**
 * Remembers class-validator's answer to "which checks apply to this class?". class-validator
 * works it out again for every object it validates (nested ones too) by walking the metadata
 * of every decorated class in the process (an `instanceof` test per class, hundreds here), which
 * a rush of registrations paid on every request. The answer only changes when a decorator
 * registers more metadata, so any registration empties the cache: the checks that run, their
 * order and their messages are exactly class-validator's own.
 *
 * Installed once per process (by the global validation pipe); idempotent.
 */
export function cacheValidationMetadata(storage: Storage = getMetadataStorage()): void {
  const s = storage as Storage & { [INSTALLED]?: true };
  if (s[INSTALLED]) return;
  s[INSTALLED] = true;

  let lookups = new Map<unknown, Map<string, ValidationMetadata[]>>();
  let grouped = new WeakMap<ValidationMetadata[], Record<string, ValidationMetadata[]>>();
  const forget = () => {
    lookups = new Map();
    grouped = new WeakMap();
  };

  const add = s.addValidationMetadata.bind(s);
  s.addValidationMetadata = (metadata) => {
    forget();
    add(metadata);
  };

  const lookup: Lookup = s.getTargetValidationMetadatas.bind(s);
  s.getTargetValidationMetadatas = (targetConstructor, targetSchema, always, strictGroups, groups) => {
    const key = `${targetSchema}\u0000${always}\u0000${strictGroups}\u0000${groups?.join('\u0000') ?? '-'}`;
    let byOptions = lookups.get(targetConstructor);
    if (!byOptions) lookups.set(targetConstructor, (byOptions = new Map()));
    let found = byOptions.get(key);
    if (!found) byOptions.set(key, (found = lookup(targetConstructor, targetSchema, always, strictGroups, groups)));
    return found;
  };

  // The executor groups the list it got by property on every call: the same list, the same groups.
  const group = s.groupByPropertyName.bind(s);
  s.groupByPropertyName = (metadata) => {
    let out = grouped.get(metadata);
    if (!out) grouped.set(metadata, (out = group(metadata)));
    return out;
  };
}
