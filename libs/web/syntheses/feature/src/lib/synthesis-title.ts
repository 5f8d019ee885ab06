import type { SynthesisTarget } from '@gfmd/contracts';

/**
 * A synthesis title cut into the API's prefix and the session's or milestone's own title. A
 * session's title comes as "Informal thematic session 4: Title" (docs/syntheses.md): the prefix in
 * the page's language, the own title in `titleLang`, which may differ (a title not translated
 * falls back to English). The prefix is the words up to the session's number and its colon ("4:",
 * "4 :" in French, Arabic-Indic digits too); a milestone's title has none. A title that does not
 * look like that is all own title.
 */
export function splitSynthesisTitle(title: string, target: SynthesisTarget): { prefix: string; own: string } {
  if (target !== 'informal-sessions') return { prefix: '', own: title };
  const match = /^(\P{Nd}*\p{Nd}+\s*[:：]\s*)(\S[\s\S]*)$/u.exec(title);
  return match ? { prefix: match[1], own: match[2] } : { prefix: '', own: title };
}
