import {
  LANGUAGES,
  STAKEHOLDER_GROUPS,
  type InvitationRecipientRequest,
  type Language,
  type StakeholderGroup,
} from '@gfmd/contracts';

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

function normalizeGroup(value: string): StakeholderGroup | undefined {
  const key = value
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  return (STAKEHOLDER_GROUPS as readonly string[]).includes(key)
    ? STAKEHOLDER_GROUPS.find((g) => g === key)
    : undefined;
}

function normalizeLanguage(value: string): Language | undefined {
  const key = value.trim().toLowerCase().slice(0, 2);
  return LANGUAGES.find((l) => l === key);
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
