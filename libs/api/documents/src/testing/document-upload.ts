import type { ApiClient } from '@gfmd/api-testing';

export interface UploadResult {
  status: number;
  body: any;
}

/** POST /documents as a browser's FormData would send it: the fields, then the file. */
export async function uploadDocument(
  client: ApiClient,
  fields: Record<string, string>,
  file?: { name: string; bytes: Buffer | Uint8Array; type?: string },
): Promise<UploadResult> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file)
    form.append(
      'file',
      new Blob([new Uint8Array(file.bytes)], { type: file.type ?? 'application/octet-stream' }),
      file.name,
    );
  const res = await fetch(`${client.baseUrl}/api/v1/documents`, {
    method: 'POST',
    headers: client.token ? { authorization: `Bearer ${client.token}` } : {},
    body: form,
  });
  const text = await res.text();
  return { status: res.status, body: /json/.test(res.headers.get('content-type') ?? '') ? JSON.parse(text) : text };
}

/** GET a file; the bytes and the headers. */
export async function fetchFile(baseUrl: string, path: string, token?: string) {
  const res = await fetch(`${baseUrl}/api/v1${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

/** A multipart/form-data body built by hand (for bodies a browser would never send). */
export function multipart(
  fields: Record<string, string>,
  files: { name: string; fileName: string; bytes: Buffer | Uint8Array; type?: string }[],
): { contentType: string; body: Buffer } {
  const boundary = `----gfmd${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${f.name}"; filename="${f.fileName}"\r\n` +
          `Content-Type: ${f.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      Buffer.from(f.bytes),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { contentType: `multipart/form-data; boundary=${boundary}`, body: Buffer.concat(chunks) };
}

/** POST /documents with a raw body and content type. */
export async function rawUpload(
  client: ApiClient,
  raw: { contentType: string; body: Buffer },
  path = '/documents',
): Promise<UploadResult> {
  const res = await fetch(`${client.baseUrl}/api/v1${path}`, {
    method: 'POST',
    headers: {
      'content-type': raw.contentType,
      ...(client.token ? { authorization: `Bearer ${client.token}` } : {}),
    },
    body: new Uint8Array(raw.body),
  });
  const text = await res.text();
  return { status: res.status, body: /json/.test(res.headers.get('content-type') ?? '') ? JSON.parse(text) : text };
}
