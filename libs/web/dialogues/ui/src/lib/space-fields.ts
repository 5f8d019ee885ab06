import { SPACE_TRANSLATED_FIELDS, type SpaceTranslatedField } from '@gfmd/contracts';
import type { TranslatedField } from '@gfmd/web-shared-ui/translation-fields';

/*
 * A space's fields as both of its editors show them: the organizers' space editor (console) and a
 * coordinator's "Details and translations" of their own space (coordinator). One definition, so
 * their limits and labels cannot drift apart (they did: 2000 against the API's 5000).
 */

/** Longest name and description the API takes, in any language (libs/api/spaces, space.dto.ts). */
export const SPACE_NAME_MAX_LENGTH = 200;
export const SPACE_DESCRIPTION_MAX_LENGTH = 5000;

/** The dictionary keys of the translated fields' labels. */
const LABELS = { name: 'common.name', description: 'spaces.description' } as const;

const LIMITS: Record<SpaceTranslatedField, Omit<TranslatedField, 'key' | 'label'>> = {
  name: { max: SPACE_NAME_MAX_LENGTH },
  description: { max: SPACE_DESCRIPTION_MAX_LENGTH, multiline: true },
};

/**
 * The translated fields of a space for the translation tabs, labelled by `t`: all of them for
 * organizers, `['description']` for a coordinator (the API lets them translate nothing else).
 */
export function spaceTranslatedFields(
  t: (key: (typeof LABELS)[SpaceTranslatedField]) => string,
  fields: readonly SpaceTranslatedField[] = SPACE_TRANSLATED_FIELDS,
): TranslatedField[] {
  return fields.map((key) => ({ key, label: t(LABELS[key]), ...LIMITS[key] }));
}

/** Splits "Room A, Room B; Room C" (or one per line) into a list without blanks or repeats. */
export function splitList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,;\n]/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}
