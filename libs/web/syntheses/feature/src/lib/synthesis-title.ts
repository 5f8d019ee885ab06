import type { Synthesis } from '@gfmd/contracts';
import type { I18n } from '@gfmd/web-shared-util-i18n';

/** The synthesis's heading around the session's or milestone's own title. */
export interface SynthesisHeading {
  before: string;
  title: string;
  after: string;
}

/**
 * The heading in the page's words with the session's or milestone's own title apart
 * (`targetTitle`, which may have come in another language: `targetTitleLang`), so that the
 * title alone is marked with `lang`. A session's heading is the page's "Informal thematic session
 * {number}: {title}", cut where the title goes (the words may come after it in some language); a
 * milestone's is its title alone. The API's `title` is never read back: its shape is the server's.
 */
export function synthesisHeading(s: Pick<Synthesis, 'sessionNumber' | 'targetTitle'>, i18n: I18n): SynthesisHeading {
  if (s.sessionNumber === undefined) return { before: '', title: s.targetTitle, after: '' };
  const slot = '\u0000';
  const [before = '', after = ''] = i18n
    .t('dialogues.sessionHeading', { number: s.sessionNumber, title: slot })
    .split(slot);
  return { before, title: s.targetTitle, after };
}
