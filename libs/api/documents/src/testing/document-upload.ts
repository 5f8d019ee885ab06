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
