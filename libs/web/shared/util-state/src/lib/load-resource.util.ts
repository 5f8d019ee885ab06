import { type EffectRef, effect, untracked } from '@angular/core';

/**
 * Loads again each time the key changes (a route parameter, a token…), and once at the start.
 * Only the key is tracked: the signals read while loading are not. Call it in an injection context.
 */
export function loadResource<K>(key: () => K, load: (key: K) => unknown): EffectRef {
  return effect(() => {
    const value = key();
    untracked(() => void load(value));
  });
}
