import { msg, type Message } from '@gfmd/api-platform';

/** The most rows one import takes (beyond it the whole file is refused). */
export const IMPORT_MAX_ROWS = 2000;

/** The columns of a registrations import, in any order (header names are matched case-insensitively). */
export const IMPORT_COLUMNS = [
  'email',
  'firstName',
  'lastName',
  'organization',
  'stakeholderGroup',
  'country',
  'preferredLanguage',
  'title',
  'jobTitle',
  'spaces',
  'attendance',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** The columns every file must have. */
export const IMPORT_REQUIRED_COLUMNS: readonly ImportColumn[] = [
  'email',
  'firstName',
  'lastName',
  'organization',
  'stakeholderGroup',
  'country',
  'preferredLanguage',
];

/**
 * Reads CSV (RFC 4180: commas, double quotes, CRLF or LF; a leading byte-order mark is ignored)
 * into rows of cells, each with its line number in the file. Blank lines are skipped. Null when
 * the file is malformed (a quote left open, or text straight after a closing quote).
 */
export function readCsv(text: string): { line: number; cells: string[] }[] | null {
  const rows: { line: number; cells: string[] }[] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let closed = false;
  let line = 1;
  let start = 1;
  const s = text.replace(/^\uFEFF/, '');
  const end = () => {
    row.push(cell);
    if (row.some((c) => c.trim() !== '')) rows.push({ line: start, cells: row });
    row = [];
    cell = '';
    closed = false;
  };
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
        closed = true;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell === '' && !closed) quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
      closed = false;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      end();
      line++;
      start = line;
    } else if (closed) return null;
    else cell += ch;
  }
  if (quoted) return null;
  end();
  return rows;
}

/** An import file read: its rows as objects keyed by column (empty cells left out), or what is wrong with it. */
export type ImportFile =
  | { ok: { line: number; values: Partial<Record<ImportColumn, string>>; extraCells: boolean }[] }
  | { error: { field: string; message: Message }[] };

/** Reads an import file: the header (known columns, the required ones present) and its rows. */
export function importRows(text: string): ImportFile {
  const read = readCsv(text);
  if (!read) return { error: [{ field: 'csv', message: msg('csv.unclosedQuote.field') }] };
  const [header, ...lines] = read;
  if (!header) return { error: [{ field: 'csv', message: msg('csv.empty.field') }] };
  const index = new Map<ImportColumn, number>();
  const unknown: string[] = [];
  header.cells.forEach((h, i) => {
    const name = h.trim().toLowerCase();
    const col = IMPORT_COLUMNS.find((c) => c.toLowerCase() === name);
    if (col && !index.has(col)) index.set(col, i);
    else if (name) unknown.push(h.trim());
  });
  const missing = IMPORT_REQUIRED_COLUMNS.filter((c) => !index.has(c));
  if (missing.length || unknown.length)
    return {
      error: [
        ...missing.map((c) => ({ field: 'csv', message: msg('csv.missingColumn.field', { column: c }) })),
        ...unknown.map((c) => ({
          field: 'csv',
          message: msg('csv.unknownOrRepeatedColumn.field', { column: c.slice(0, 40) }),
        })),
      ],
    };
  if (!lines.length) return { error: [{ field: 'csv', message: msg('csv.noRows.field') }] };
  if (lines.length > IMPORT_MAX_ROWS)
    return {
      error: [{ field: 'csv', message: msg('csv.tooManyRows.field', { rows: lines.length, max: IMPORT_MAX_ROWS }) }],
    };
  return {
    ok: lines.map(({ line, cells }) => {
      const values: Partial<Record<ImportColumn, string>> = {};
      for (const [col, i] of index) {
        const v = (cells[i] ?? '').trim();
        if (v !== '') values[col] = v;
      }
      return { line, values, extraCells: cells.length > header.cells.length };
    }),
  };
}
