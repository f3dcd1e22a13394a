/**
 * `/photos.php?id=UID`: a person's albums that the viewer may see, newest modified first, each with
 * its cover (the album size of its first photo), name, number of photos and when it last changed.
 * The owner also gets the "Create an album" form and the photos waiting for their approval
 * (uploaded by apps without photo_upload), each with an Approve button. Both forms post here.
 */
import type { FastifyReply } from 'fastify';
import { InvalidInputError } from '../../../dispatch/invalid-input-error.js';
import { csrfField } from '../../../http/page-kit/csrf.js';
import { definePage, type PageContext } from '../../../http/page-kit/define-page.js';
import { redirectTo, sendPage, sendProblem } from '../../../http/page-kit/page-replies.js';
import { html, type SafeHtml } from '../../../http/page-kit/templates.js';
import { timeText } from '../../../http/page-kit/time-text.js';
import type { Person } from '../../people/records.js';
import { displayName } from '../../sign-in/pages/browser-sign-in.js';
import { ALBUMS_PAGE_PATH, albumPagePath, imagePath } from '../photo-values.js';
import type { Album, AlbumVisibility, Photo } from '../records.js';
import { albumsPagePath, notYours, ownerAndViewer, ownerLine, photoPage, problemNotice, readLocalNumber, readUid, VISIBILITY_CHOICES, visibilityLabel } from './photo-page-parts.js';

export const albumsPage = definePage({
  path: ALBUMS_PAGE_PATH,
  forms: 'checked',
  handler: (page) => answer(page),
});

async function answer(page: PageContext): Promise<FastifyReply> {
  const { request, reply, services, params } = page;
  const uid = readUid(params);
  if (uid === undefined) {
    return sendProblem(reply, { status: 400, title: 'Whose photos?', message: 'This link does not say whose photos to show.', note: html`Links to photos look like <code>${ALBUMS_PAGE_PATH}?id=500000001</code>.` });
  }
  const { owner, viewer } = await ownerAndViewer(request, services, uid);
  if (!owner) return sendProblem(reply, { status: 404, title: 'No such person', message: `Nobody on Hearth has the uid ${uid}.` });
  if (request.method !== 'POST') return show(page, owner, viewer);
  if (viewer?.uid !== owner.uid) return notYours(reply, 'change these albums');

  if (params.flag('approve')) {
    const photoId = readLocalNumber(params, 'approve');
    // An approval that no longer applies (approved in another tab) changes nothing and says nothing.
    if (photoId !== undefined) await services.photos.approve(owner.uid, photoId);
    return redirectTo(reply, 303, albumsPagePath(owner.uid));
  }
  const visible = params.get('visible') ?? 'everyone';
  const choice = VISIBILITY_CHOICES.find((candidate) => candidate.value === visible);
  if (choice === undefined) return show(page, owner, viewer, 'Choose who can see the album from the list.');
  try {
    const album = await services.photos.createAlbum({
      owner: owner.uid,
      appId: null,
      name: params.raw('name') ?? '',
      description: params.raw('description') ?? '',
      location: params.raw('location') ?? '',
      visible: choice.value,
    });
    return redirectTo(reply, 303, albumPagePath(album));
  } catch (error) {
    if (error instanceof InvalidInputError) return show(page, owner, viewer, 'Give the album a name.');
    throw error;
  }
}

async function show({ reply, services, params, csrfToken }: PageContext, owner: Person, viewer: Person | undefined, problem?: string): Promise<FastifyReply> {
  const own = viewer?.uid === owner.uid;
  const albums = await services.photos.albums(viewer?.uid, { owners: [owner.uid] });
  const covers = new Map((await services.photos.photosByIds(albums.flatMap((album) => (album.coverPhotoId === null ? [] : [album.coverPhotoId])))).map((photo) => [photo.photoId, photo]));
  const waiting = own ? (await services.photos.photosInAlbums(albums.map((album) => album.albumId))).filter((photo) => photo.pending) : [];
  const token = own ? csrfToken() : '';
  const names = new Map(albums.map((album) => [album.albumId, album.name]));
  const title = own ? 'Your photos' : `${displayName(owner)}’s photos`;
  const body = html`${ownerLine(owner, viewer)}
<h1>${title}</h1>
${
  albums.length === 0
    ? html`<p class="muted">${own ? 'You have no albums yet. Create one below.' : `${owner.firstName} has no albums you can see.`}</p>`
    : html`<ul class="album-list">${albums.map((album) => albumItem(album, covers.get(album.coverPhotoId ?? 0), own))}</ul>`
}
${waiting.length > 0 && waitingSection(waiting, names, token)}
${own && createForm(owner.uid, token, problem, params)}`;
  return sendPage(reply, problem === undefined ? 200 : 400, photoPage({ title, body, viewer }));
}

function albumItem(album: Album, cover: Photo | undefined, own: boolean): SafeHtml {
  const count = album.size === 1 ? '1 photo' : `${album.size} photos`;
  return html`<li class="album-item">
<a class="album-cover" href="${albumPagePath(album)}">${cover ? html`<img src="${imagePath(cover, 'album')}" alt="" width="${cover.images.album.width}" height="${cover.images.album.height}">` : html`<span class="album-empty">No photos</span>`}</a>
<div class="album-text"><a class="album-name" href="${albumPagePath(album)}">${album.name}</a>
<p class="muted">${count} · Updated ${timeText(album.modifiedAt)}${own ? ` · ${visibilityLabel(album.visible)}` : ''}</p></div>
</li>`;
}

function waitingSection(photos: readonly Photo[], albumNames: ReadonlyMap<number, string>, token: string): SafeHtml {
  return html`<section class="photos-waiting" aria-labelledby="waiting-title">
<h2 class="section" id="waiting-title">Waiting for your approval</h2>
<p class="muted">Applications uploaded these without your permission to publish photos. Nobody else sees them until you approve them.</p>
<ul class="album-list">${photos.map(
    (photo) => html`<li class="album-item">
<span class="album-cover"><img src="${imagePath(photo, 'album')}" alt="" width="${photo.images.album.width}" height="${photo.images.album.height}"></span>
<div class="album-text"><span class="album-name">${photo.caption || 'No caption'}</span>
<p class="muted">In ${albumNames.get(photo.albumId) ?? 'an album'}</p>
<form method="post" action="${albumsPagePath(photo.owner)}">${csrfField(token)}<button class="button small" type="submit" name="approve" value="${photo.photoId}">Approve</button></form></div>
</li>`,
  )}</ul>
</section>`;
}

function createForm(uid: number, token: string, problem: string | undefined, params: { raw(name: string): string | undefined }): SafeHtml {
  // After a refused attempt the form keeps what was typed.
  const typed = (name: string) => (problem === undefined ? '' : (params.raw(name) ?? ''));
  const chosen: AlbumVisibility | string = problem === undefined ? 'everyone' : (params.raw('visible') ?? 'everyone');
  return html`<section class="album-create" aria-labelledby="create-title">
<h2 class="section" id="create-title">Create an album</h2>
${problemNotice(problem)}
<form method="post" action="${albumsPagePath(uid)}">${csrfField(token)}
<div class="field"><label for="album-name">Name</label><input type="text" id="album-name" name="name" maxlength="255" required value="${typed('name')}"></div>
<div class="field"><label for="album-description">Description <span class="optional">(optional)</span></label><textarea id="album-description" name="description" rows="3" maxlength="5000">${typed('description')}</textarea></div>
<div class="field"><label for="album-location">Location <span class="optional">(optional)</span></label><input type="text" id="album-location" name="location" maxlength="255" value="${typed('location')}"></div>
<div class="field"><label for="album-visible">Who can see it</label><select id="album-visible" name="visible">${VISIBILITY_CHOICES.map((choice) =>
    choice.value === chosen ? html`<option value="${choice.value}" selected>${choice.label}</option>` : html`<option value="${choice.value}">${choice.label}</option>`,
  )}</select></div>
<div class="actions"><button class="button" type="submit" name="create" value="1">Create album</button></div>
</form>
</section>`;
}
