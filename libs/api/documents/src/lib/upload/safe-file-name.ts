/**
 * A file name safe to store and to give back in Content-Disposition: the last segment of any
 * path (both slash kinds), no control or reserved characters, no leading dots, at most 120
 * characters, its extension replaced by the one of the detected type. Empty → `document.<ext>`.
 */
export function safeFileName(clientName: string, extension: string): string {
  const last = clientName.split(/[/\\]/).pop() ?? '';
  const base = last
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f<>:"|?*;\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\.[A-Za-z0-9]{1,8}$/, '')
    .replace(/^[.\s]+/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120)
    .trim();
  return `${base || 'document'}.${extension}`;
}

/** A path in the name the client gave (refused: names are names, not places). */
export function hasPath(clientName: string): boolean {
  return /[/\\]/.test(clientName) || /^\.\.?$/.test(clientName) || /^[A-Za-z]:/.test(clientName);
}

/** `attachment; filename="ascii"; filename*=UTF-8''percent-encoded` (RFC 6266). */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
