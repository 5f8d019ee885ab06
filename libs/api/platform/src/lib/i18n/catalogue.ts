import { ar } from './catalogue.ar';
import { en } from './catalogue.en';
import { es } from './catalogue.es';
import { fr } from './catalogue.fr';
import type { CatalogueLanguage } from './languages';

/** Every message the server writes, by key (the English catalogue is the reference). */
export type MessageKey = keyof typeof en;

/** A catalogue of one language: every key of the English one, no other (checked by the compiler). */
export type Catalogue = { readonly [K in MessageKey]: string };

/** The `{name}` parameters of a template. */
type ParamsOf<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | ParamsOf<Rest> : never;
export type MessageParamName<K extends MessageKey> = ParamsOf<(typeof en)[K]>;
export type MessageParams<K extends MessageKey> = Record<MessageParamName<K>, string | number>;

/** The keys of `.one` / `.other` pairs, without the suffix. */
export type PluralKey = {
  [K in MessageKey]: K extends `${infer Base}.one` ? (`${Base}.other` extends MessageKey ? Base : never) : never;
}[MessageKey];

/**
 * Server text not yet in a language: a key and its parameters. Thrown problems, field errors
 * and warnings carry these; they are written out in the reader's language at the edge.
 */
export interface Message {
  readonly key: MessageKey;
  readonly params?: Readonly<Record<string, string | number>>;
}

/** `[]` for a template without parameters, `[params]` otherwise: the compiler checks their names. */
type ParamsArg<K extends MessageKey> = [MessageParamName<K>] extends [never] ? [] : [params: MessageParams<K>];

/** A message of the catalogue (`msg('dialogues.notEditable', { status })`). */
export function msg<K extends MessageKey>(key: K, ...params: ParamsArg<K>): Message {
  return params.length ? { key, params: params[0] } : { key };
}

/** The singular or plural of a `.one` / `.other` pair, by `count` (also passed as `{count}` when used). */
export function msgPlural<B extends PluralKey>(
  count: number,
  base: B,
  params: Omit<MessageParams<`${B}.one` & MessageKey>, 'count'> & Record<string, string | number> = {} as never,
): Message {
  const key = `${base}.${count === 1 ? 'one' : 'other'}` as MessageKey;
  return { key, params: { count, ...params } };
}

export const isMessage = (value: unknown): value is Message =>
  typeof value === 'object' && value !== null && typeof (value as Message).key === 'string';

/** One catalogue per language with words (fr, es and ar import only the type from here: no cycle at run time). */
export const CATALOGUES: Record<CatalogueLanguage, Catalogue> = { en, fr, es, ar };

/** A template with its `{name}` parameters filled in (an unknown parameter stays as written). */
export function fill(template: string, params?: Readonly<Record<string, string | number>>): string {
  if (!params) return template;
  return template.replace(/\{([A-Za-z]+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/** A message in a language (English when the language has no catalogue or the key no words). */
export function translate(message: Message | string, language: CatalogueLanguage = 'en'): string {
  if (typeof message === 'string') return message;
  const template = CATALOGUES[language]?.[message.key] ?? CATALOGUES.en[message.key] ?? message.key;
  return fill(template, message.params);
}

/** The English of a message: what logs and English readers see. */
export const english = (message: Message | string) => translate(message, 'en');
