import {
  LANGUAGES,
  STAKEHOLDER_GROUPS,
  type InvitationRecipientRequest,
  type Language,
  type StakeholderGroup,
} from '@gfmd/contracts';
import type { UiLanguage } from '@gfmd/web-shared-util-i18n';
import { GROUP_LABELS, LANGUAGE_LABELS, foldForSearch } from '@gfmd/web-shared-util-i18n/search';

export type RecipientIssue = 'invalidEmail' | 'duplicate' | 'unknownGroup' | 'unknownLanguage';

export interface ParsedRecipient {
  line: number;
  recipient: InvitationRecipientRequest;
  issues: RecipientIssue[];
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Splits one CSV line, honouring "quoted, fields" and "" escapes; `;` and tab also separate. */
export function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        cell += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',' || ch === ';' || ch === '\t') {
      cells.push(cell.trim());
      cell = '';
    } else {
      cell += ch;
    }
  }
  cells.push(cell.trim());
  return cells;
}

/** Every spelling a value may take, folded: its code and its label in each UI language. */
function spellings<T extends string>(codes: readonly T[], labels: Record<Language, Record<T, string>>): Map<string, T> {
  const map = new Map<string, T>();
  for (const code of codes) {
    map.set(foldForSearch(code), code);
    for (const language of LANGUAGES) {
      map.set(foldForSearch(labels[language][code]), code);
    }
  }
  return map;
}

const GROUP_SPELLINGS = spellings(STAKEHOLDER_GROUPS, GROUP_LABELS);
const LANGUAGE_SPELLINGS = spellings(LANGUAGES, LANGUAGE_LABELS);

/** A stakeholder group from its code or its label in any UI language (case and accents ignored). */
export function normalizeGroup(value: string): StakeholderGroup | undefined {
  return GROUP_SPELLINGS.get(foldForSearch(value));
}

/** A language from its code (`fr`, `fr-CH`) or its name in any UI language (case and accents ignored). */
export function normalizeLanguage(value: string): Language | undefined {
  const folded = foldForSearch(value);
  return (
    LANGUAGE_SPELLINGS.get(folded) ??
    LANGUAGE_SPELLINGS.get(/^[a-z]{2}(?: [a-z]{2,4})?$/.test(folded) ? folded.slice(0, 2) : '')
  );
}

/** What the group or language column accepts, for the error message: "code (label), …" in the page's language. */
export function acceptedValues(kind: 'group' | 'language', language: UiLanguage): string {
  return kind === 'group'
    ? STAKEHOLDER_GROUPS.map((g) => `${g} (${GROUP_LABELS[language][g]})`).join(', ')
    : LANGUAGES.map((l) => `${l} (${LANGUAGE_LABELS[language][l]})`).join(', ');
}

/**
 * Parses pasted or uploaded recipients: one per line, `email[,name[,stakeholderGroup[,language]]]`.
 * A header line (containing "email") is skipped. Each row carries its own issues for the preview.
 */
export function parseRecipients(text: string): ParsedRecipient[] {
  const rows: ParsedRecipient[] = [];
  const seen = new Set<string>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, index) => {
    if (!raw.trim()) {
      return;
    }
    const [email = '', name = '', group = '', language = ''] = splitCsvLine(raw);
    if (index === 0 && /^(e-?mail( address)?|courriel|correo( electrónico)?)$/i.test(email.trim())) {
      return;
    }
    const issues: RecipientIssue[] = [];
    const normalizedEmail = email.trim();
    if (!EMAIL.test(normalizedEmail)) {
      issues.push('invalidEmail');
    }
    const key = normalizedEmail.toLowerCase();
    if (seen.has(key)) {
      issues.push('duplicate');
    }
    seen.add(key);
    const stakeholderGroup = group ? normalizeGroup(group) : undefined;
    if (group && !stakeholderGroup) {
      issues.push('unknownGroup');
    }
    const preferredLanguage = language ? normalizeLanguage(language) : undefined;
    if (language && !preferredLanguage) {
      issues.push('unknownLanguage');
    }
    rows.push({
      line: index + 1,
      recipient: {
        email: normalizedEmail,
        ...(name ? { name } : {}),
        ...(stakeholderGroup ? { stakeholderGroup } : {}),
        ...(preferredLanguage ? { preferredLanguage } : {}),
      },
      issues,
    });
  });
  return rows;
}
