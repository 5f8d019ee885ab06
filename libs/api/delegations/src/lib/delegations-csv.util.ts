import { msg, type Message } from '@gfmd/api-platform';

/**
 * Reads CSV (RFC 4180: commas, double quotes, CRLF or LF; a leading byte-order mark is ignored)
 * into rows of cells. Blank lines are skipped.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      row.push(cell);
      if (row.some((c) => c.trim() !== '')) rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  row.push(cell);
  if (row.some((c) => c.trim() !== '')) rows.push(row);
  return rows;
}

/** The columns of a delegations import, in any order (header names are matched case-insensitively). */
export const IMPORT_COLUMNS = [
  'name',
  'stakeholderGroup',
  'country',
  'seats',
  'focalPointEmail',
  'focalPointLanguage',
] as const;

/**
 * The rows of a delegations import as objects keyed by column (empty cells left out), or the
 * header's problems.
 */
export function delegationRows(
  text: string,
): { ok: Record<string, unknown>[] } | { error: { field: string; message: Message }[] } {
  const [header, ...lines] = parseCsv(text);
  if (!header) return { error: [{ field: 'csv', message: msg('csv.empty.field') }] };
  const names = header.map((h) => h.trim().toLowerCase());
  const index = new Map<string, number>();
  const unknown: string[] = [];
  names.forEach((n, i) => {
    const col = IMPORT_COLUMNS.find((c) => c.toLowerCase() === n);
    if (col) index.set(col, i);
    else if (n) unknown.push(header[i].trim());
  });
  const missing = IMPORT_COLUMNS.filter((c) => !index.has(c) && c !== 'country' && c !== 'focalPointLanguage');
  if (missing.length || unknown.length)
    return {
      error: [
        ...missing.map((c) => ({ field: 'csv', message: msg('csv.missingColumn.field', { column: c }) })),
        ...unknown.map((c) => ({ field: 'csv', message: msg('csv.unknownColumn.field', { column: c.slice(0, 40) }) })),
      ],
    };
  return {
    ok: lines.map((cells) => {
      const out: Record<string, unknown> = {};
      for (const [col, i] of index) {
        const v = (cells[i] ?? '').trim();
        if (v === '') continue;
        out[col] = col === 'seats' ? (/^\d+$/.test(v) ? Number(v) : v) : v;
      }
      return out;
    }),
  };
}
