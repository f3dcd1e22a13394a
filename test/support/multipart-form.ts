/** Forms with files as a browser without JavaScript sends them (Browserless sends text bodies only). */
import type { Browserless } from './browserless.js';
import type { TestServer } from './test-server.js';

export interface FilePart {
  /** The form field's name; `photo` when not given. */
  readonly field?: string;
  readonly filename: string;
  readonly contentType: string;
  readonly bytes: Buffer;
}

export interface MultipartBody {
  readonly body: Buffer;
  readonly contentType: string;
}

/** A multipart body as a browser writes it: the fields, then each file. */
export function multipart(fields: ReadonlyArray<readonly [string, string]>, files: readonly FilePart[]): MultipartBody {
  const boundary = `----hearthform${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of fields) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  for (const file of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'photo'}"; filename="${file.filename}"\r\nContent-Type: ${file.contentType}\r\n\r\n`), file.bytes, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Posts a multipart body with the browser's cookies; redirects are not followed. */
export async function postMultipart(server: TestServer, browser: Browserless, path: string, form: MultipartBody) {
  const cookie = ['hearth_login', 'hearth_csrf'].flatMap((name) => (browser.cookie(name) === undefined ? [] : [`${name}=${browser.cookie(name)}`])).join('; ');
  const response = await fetch(new URL(path, server.url), { method: 'POST', headers: { 'content-type': form.contentType, cookie }, body: new Uint8Array(form.body), redirect: 'manual' });
  return { status: response.status, headers: response.headers, body: await response.text() };
}
