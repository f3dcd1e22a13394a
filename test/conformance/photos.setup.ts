/**
 * The photos suites' tools: images made with sharp (a JPEG with an EXIF orientation and GPS, a PNG
 * with transparency, a GIF), and photos.upload sent as the 2009 PHP client sends it — every
 * argument a multipart part, the image one more part named by `filename=` only (no name), the
 * signature over the text parts.
 */
import sharp from 'sharp';
import type { RestClient, SessionInfo } from '../../sdk/index.js';
import type { App } from '../../src/features/apps/records.js';
import type { Person } from '../../src/features/people/records.js';
import { signedInSession, webClient } from '../support/sessions.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { sign, type Answer, type Pairs } from './protocol-helpers.js';

/** A 1600 × 1200 JPEG with stripes, tagged to be shown rotated (EXIF orientation 6) and with a GPS position. */
export async function cameraJpeg(width = 1600, height = 1200): Promise<Buffer> {
  const stripes = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) stripes.set(x < width / 2 ? [200, 40, 40] : [40, 40, 200], (y * width + x) * 3);
  return sharp(stripes, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 90 })
    .withMetadata({ orientation: 6 })
    .withExifMerge({ IFD0: { Make: 'Hearth test camera' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1', GPSLongitudeRef: 'W', GPSLongitude: '0/1 7/1 0/1' } })
    .toBuffer();
}

export function transparentPng(): Promise<Buffer> {
  return sharp({ create: { width: 300, height: 200, channels: 4, background: { r: 0, g: 128, b: 0, alpha: 0.5 } } }).png().toBuffer();
}

export function smallGif(): Promise<Buffer> {
  return sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 255, g: 200, b: 0 } } }).gif().toBuffer();
}

export interface UploadOptions {
  readonly format?: 'xml' | 'json';
  /** The file part's name (none, as the PHP client without cURL; `_file` with cURL). */
  readonly partName?: string;
  readonly filename?: string;
  readonly contentType?: string;
  /** Leave the file part out. */
  readonly noFile?: boolean;
  /** Another method that takes a file (events.create); photos.upload when not given. */
  readonly method?: string;
}

/** photos.upload (or `options.method`) in a session of `app`, the arguments and the file as multipart parts. */
export async function uploadPhoto(server: TestServer, app: App, session: SessionInfo | undefined, params: Record<string, string>, file: Buffer, options: UploadOptions = {}): Promise<Answer> {
  const query: Pairs = [
    ['method', options.method ?? 'photos.upload'],
    ['api_key', app.apiKey],
    ['v', '1.0'],
    ...(session ? ([['session_key', session.session_key]] as Pairs) : []),
  ];
  const body: Pairs = [['call_id', `${Date.now() / 1000}`], ['format', options.format ?? 'xml'], ...Object.entries(params)];
  const sig = sign(app.secret, query, body);
  const boundary = `----hearth${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of [...body, ['sig', sig]]) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (!options.noFile) {
    const named = options.partName === undefined ? '' : ` name="${options.partName}";`;
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data;${named} filename="${options.filename ?? 'photo.jpg'}"\r\nContent-Type: ${options.contentType ?? 'image/jpg'}\r\n\r\n`), file, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  const url = `${server.endpoint}?${query.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`).join('&')}`;
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, body: new Uint8Array(Buffer.concat(parts)) });
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', body: await response.text() };
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** The PNG with its header (IHDR) saying another size, its checksum made right: a decompression bomb's header. */
export function withPngSize(png: Buffer, width: number, height: number): Buffer {
  const copy = Buffer.from(png);
  // Signature (8), length (4), "IHDR" (4), then width and height; the chunk's CRC covers type and data (17 bytes).
  copy.writeUInt32BE(width, 16);
  copy.writeUInt32BE(height, 20);
  copy.writeUInt32BE(crc32(copy.subarray(12, 29)), 29);
  return copy;
}

export interface PhotoCast {
  readonly server: TestServer;
  readonly web: App;
  /** Ada, her friend Bob, Bob's friend Cleo (a friend of a friend of Ada's), and Dan, a stranger. */
  readonly ada: Person;
  readonly bob: Person;
  readonly cleo: Person;
  readonly dan: Person;
  /** Each signed in to the web app; Ada granted photo_upload. */
  readonly sessions: { readonly [name in 'ada' | 'bob' | 'cleo' | 'dan']: SessionInfo };
  /** A client in a person's session. */
  as(name: 'ada' | 'bob' | 'cleo' | 'dan'): RestClient;
}

export async function photoCast(backend: 'sqlite' | 'postgres'): Promise<PhotoCast> {
  const server = await startTestServer({ backend });
  const web = await server.createApp('web');
  const [ada, bob, cleo, dan] = [await server.createPerson('Ada Lovelace'), await server.createPerson('Bob Bobson'), await server.createPerson('Cleo Cleary'), await server.createPerson('Dan Dennett')];
  await server.services.friends.addDirectly(ada.uid, bob.uid);
  await server.services.friends.addDirectly(bob.uid, cleo.uid);
  const sessions = { ada: await signedInSession(server, web, ada), bob: await signedInSession(server, web, bob), cleo: await signedInSession(server, web, cleo), dan: await signedInSession(server, web, dan) };
  await server.store.permissions.grant(ada.uid, web.appId, 'photo_upload');
  return { server, web, ada, bob, cleo, dan, sessions, as: (name) => webClient(server, web, sessions[name]) };
}

/** The local number of an aid or pid. */
export function localOf(wireId: string): number {
  return Number(BigInt(wireId) & 0xffffffffn);
}
