/**
 * What the photo pages (photos.php, album.php, photo.php) share: reading their ids, finding what
 * the viewer may see, their 404s, the frame with the viewer's tabs, and the links between them.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PageParams } from '../../../http/page-kit/page-params.js';
import { renderPage } from '../../../http/page-kit/layout.js';
import { sendProblem } from '../../../http/page-kit/page-replies.js';
import { html, type SafeHtml } from '../../../http/page-kit/templates.js';
import type { Services } from '../../feature.js';
import type { Person } from '../../people/records.js';
import { accountNav, profilePath, signedInLine } from '../../sign-in/pages/account-nav.js';
import { displayName, signedInPerson } from '../../sign-in/pages/browser-sign-in.js';
import { ALBUMS_PAGE_PATH } from '../photo-values.js';
import type { Album, AlbumVisibility, Photo } from '../records.js';

/** The choices the album form offers (Hearth has no networks, so not that one). */
export const VISIBILITY_CHOICES: ReadonlyArray<{ readonly value: AlbumVisibility; readonly label: string }> = [
  { value: 'everyone', label: 'Everyone' },
  { value: 'friends-of-friends', label: 'Friends of friends' },
  { value: 'friends', label: 'Friends only' },
];

export function visibilityLabel(visible: AlbumVisibility): string {
  return VISIBILITY_CHOICES.find((choice) => choice.value === visible)?.label ?? 'Friends only';
}

export function albumsPagePath(uid: number): string {
  return `${ALBUMS_PAGE_PATH}?id=${uid}`;
}

/** A uid (`id=`), as profile.php reads it. */
export function readUid(params: PageParams, name = 'id'): number | undefined {
  const text = params.get(name);
  return text !== undefined && /^[1-9]\d{0,14}$/.test(text) ? Number(text) : undefined;
}

/** An album's or photo's local number (`aid=`, `pid=`): below 2^32, as photo-ids.ts packs them. */
export function readLocalNumber(params: PageParams, name: string): number | undefined {
  const text = params.get(name);
  if (text === undefined || !/^[1-9]\d{0,9}$/.test(text)) return undefined;
  const value = Number(text);
  return value < 2 ** 32 ? value : undefined;
}

export function noSuchAlbum(reply: FastifyReply): FastifyReply {
  return sendProblem(reply, { status: 404, title: 'No such album', message: 'This album does not exist, or you cannot see it.' });
}

export function noSuchPhoto(reply: FastifyReply): FastifyReply {
  return sendProblem(reply, { status: 404, title: 'No such photo', message: 'This photo does not exist, or you cannot see it.' });
}

/** A POST from someone who may not do what it asks (not the owner, not signed in). */
export function notYours(reply: FastifyReply, what: string): FastifyReply {
  return sendProblem(reply, { status: 403, title: 'Not yours to change', message: `Only the owner can ${what}.` });
}

/** The album, when it exists, belongs to `owner` and the viewer may see it. */
export async function visibleAlbum(services: Services, viewer: Person | undefined, owner: number, albumId: number): Promise<Album | undefined> {
  const [album] = await services.photos.albums(viewer?.uid, { albumIds: [albumId], owners: [owner] });
  return album;
}

/** The photos of an album the viewer may see (waiting ones only for their owner), in upload order. */
export async function visibleAlbumPhotos(services: Services, viewer: Person | undefined, albumId: number): Promise<Photo[]> {
  return (await services.photos.photos(viewer?.uid, { albumId })).photos;
}

/** The person whose photos these are, and who is looking. */
export async function ownerAndViewer(request: FastifyRequest, services: Services, uid: number): Promise<{ readonly owner: Person | undefined; readonly viewer: Person | undefined }> {
  const [owner, viewer] = await Promise.all([services.people.find(uid), signedInPerson(request, services)]);
  return { owner, viewer };
}

/** "Ada Lovelace’s photos", linked back to her profile and her albums. */
export function ownerLine(owner: Person, viewer: Person | undefined): SafeHtml {
  const whose = viewer?.uid === owner.uid ? 'Your photos' : `${displayName(owner)}’s photos`;
  return html`<p class="photo-trail muted"><a href="${profilePath(owner.uid)}">${displayName(owner)}</a> · <a href="${albumsPagePath(owner.uid)}">${whose}</a></p>`;
}

export interface PhotoFrame {
  readonly title: string;
  readonly body: SafeHtml;
  readonly viewer: Person | undefined;
}

export function photoPage(frame: PhotoFrame): SafeHtml {
  const { viewer } = frame;
  const body = html`${viewer && accountNav(undefined, viewer)}
${frame.body}
${viewer && signedInLine(viewer)}`;
  return renderPage({ title: frame.title, body, wide: true, topNote: viewer && displayName(viewer) });
}

/** A notice above a form: what went wrong with what was sent. */
export function problemNotice(message: string | undefined): SafeHtml | undefined {
  return message === undefined ? undefined : html`<p class="notice error" role="alert">${message}</p>`;
}
