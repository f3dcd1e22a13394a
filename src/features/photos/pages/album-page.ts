/**
 * `/album.php?aid=N&id=UID`: one album — its name, description, location, and its photos as
 * thumbnails (the album size) in upload order, each linking to its photo page. The owner also gets
 * the upload form, a multipart POST to this page: without JavaScript the browser sends the chosen
 * files and the first is kept (request-bodies.ts keeps one file part); with it, upload-script.ts
 * sends them one by one with a progress bar each, and marks its requests `via=script` to be
 * answered with a status and a line of text instead of a page. Only the owner's view carries the
 * script, and only it is sent with a policy that lets our own script run and post back.
 */
import type { FastifyReply } from 'fastify';
import { InvalidInputError } from '../../../dispatch/invalid-input-error.js';
import { csrfField } from '../../../http/page-kit/csrf.js';
import { definePage, type PageContext } from '../../../http/page-kit/define-page.js';
import { PAGE_HEADERS, redirectTo, sendPage, withPageHeaders } from '../../../http/page-kit/page-replies.js';
import { html, type SafeHtml } from '../../../http/page-kit/templates.js';
import type { ParsedBody } from '../../../http/request-bodies.js';
import type { Person } from '../../people/records.js';
import { ImageRefusedError } from '../images.js';
import { AlbumFullError } from '../photo-service.js';
import { ALBUM_PAGE_PATH, albumPagePath, imagePath, photoPagePath } from '../photo-values.js';
import type { Album, Photo } from '../records.js';
import { noSuchAlbum, notYours, ownerAndViewer, ownerLine, photoPage, problemNotice, readLocalNumber, readUid, visibilityLabel, visibleAlbum, visibleAlbumPhotos } from './photo-page-parts.js';
import { UPLOAD_SCRIPT_PATH } from './upload-script.js';

/**
 * The pages' policy, plus our own script and its uploads back to this server (`connect-src`, which
 * XMLHttpRequest needs under `default-src 'none'`). Inline script stays blocked.
 */
const UPLOAD_PAGE_HEADERS = {
  'content-security-policy': PAGE_HEADERS['content-security-policy']!.replace("default-src 'none';", "default-src 'none'; script-src 'self'; connect-src 'self';"),
};

export const albumPage = definePage({
  path: ALBUM_PAGE_PATH,
  forms: 'checked',
  handler: (page) => answer(page),
});

async function answer(page: PageContext): Promise<FastifyReply> {
  const { request, reply, services, params } = page;
  const uid = readUid(params);
  const albumId = readLocalNumber(params, 'aid');
  if (uid === undefined || albumId === undefined) return noSuchAlbum(reply);
  const { owner, viewer } = await ownerAndViewer(request, services, uid);
  const album = owner && (await visibleAlbum(services, viewer, owner.uid, albumId));
  if (!owner || !album) return noSuchAlbum(reply);
  if (request.method !== 'POST') return show(page, owner, viewer, album);
  const byScript = params.get('via') === 'script';
  if (viewer?.uid !== owner.uid) return byScript ? scriptAnswer(reply, 403, 'Only the album’s owner can add photos to it.') : notYours(reply, 'add photos to this album');

  const outcome = await upload(page, owner, album);
  if (byScript) return outcome.problem === undefined ? scriptAnswer(reply, 201, 'Uploaded.') : scriptAnswer(reply, outcome.status, outcome.problem);
  if (outcome.problem !== undefined) return show(page, owner, viewer, album, outcome);
  return redirectTo(reply, 303, albumPagePath(album));
}

interface UploadOutcome {
  readonly status: number;
  /** What went wrong, for the person; undefined when the photo was stored. */
  readonly problem?: string;
}

async function upload({ request, services, params }: PageContext, owner: Person, album: Album): Promise<UploadOutcome> {
  const file = (request.body as ParsedBody | undefined)?.upload;
  if (file === undefined || file.bytes.length === 0) return { status: 400, problem: 'Choose a photo to upload.' };
  try {
    await services.photos.upload({ owner: owner.uid, appId: null, albumId: album.albumId, caption: params.raw('caption') ?? '', bytes: file.bytes, approved: true });
    return { status: 201 };
  } catch (error) {
    const name = file.filename === '' ? 'The file' : `“${file.filename}”`;
    if (error instanceof ImageRefusedError) return { status: 400, problem: `${name} was not uploaded: ${error.message}.` };
    if (error instanceof AlbumFullError) return { status: 409, problem: `${name} was not uploaded: ${error.message}.` };
    if (error instanceof InvalidInputError) return { status: 400, problem: `${name} was not uploaded: ${error.message}.` };
    throw error;
  }
}

/** What the upload script shows beside the file: a short text, never markup. */
function scriptAnswer(reply: FastifyReply, status: number, text: string): FastifyReply {
  return withPageHeaders(reply).code(status).type('text/plain; charset=utf-8').send(text);
}

async function show({ reply, services, csrfToken }: PageContext, owner: Person, viewer: Person | undefined, album: Album, refused?: UploadOutcome): Promise<FastifyReply> {
  const own = viewer?.uid === owner.uid;
  const photos = await visibleAlbumPhotos(services, viewer, album.albumId);
  const details = [album.location && `Taken at ${album.location}`, own && `Visible to: ${visibilityLabel(album.visible)}`].filter((part): part is string => typeof part === 'string' && part !== '');
  const body = html`${ownerLine(owner, viewer)}
<h1>${album.name}</h1>
${album.description && html`<p class="album-description">${album.description}</p>`}
${details.length > 0 && html`<p class="muted">${details.join(' · ')}</p>`}
${
  photos.length === 0
    ? html`<p class="muted">${own ? 'This album is empty. Add photos below.' : 'This album has no photos yet.'}</p>`
    : html`<ul class="photo-grid">${photos.map((photo) => thumbnail(photo))}</ul>`
}
${own && uploadForm(album, csrfToken(), refused?.problem)}`;
  const status = refused?.status ?? 200;
  return sendPage(reply, status, photoPage({ title: album.name, body, viewer }), own ? UPLOAD_PAGE_HEADERS : {});
}

function thumbnail(photo: Photo): SafeHtml {
  const { width, height } = photo.images.album;
  return html`<li><a href="${photoPagePath(photo)}"><img src="${imagePath(photo, 'album')}" alt="${photo.caption || 'Photo'}" width="${width}" height="${height}"></a>${
    photo.pending ? html`<span class="muted">Waiting for approval</span>` : ''
  }</li>`;
}

function uploadForm(album: Album, token: string, problem: string | undefined): SafeHtml {
  return html`<section class="photo-upload" aria-labelledby="upload-title">
<h2 class="section" id="upload-title">Add photos</h2>
${problemNotice(problem)}
<form method="post" enctype="multipart/form-data" action="${albumPagePath(album)}" class="upload-form">${csrfField(token)}
<div class="field"><label for="upload-photo">Photos</label><input type="file" id="upload-photo" name="photo" multiple required accept="image/jpeg,image/png,image/gif">
<p class="hint">JPEG, PNG or GIF.<noscript> Without JavaScript, one photo is uploaded at a time.</noscript></p></div>
<div class="field"><label for="upload-caption">Caption <span class="optional">(optional)</span></label><input type="text" id="upload-caption" name="caption" maxlength="5000"></div>
<ul class="upload-progress" aria-live="polite"></ul>
<div class="actions"><button class="button" type="submit">Upload</button></div>
</form>
<script src="${UPLOAD_SCRIPT_PATH}"></script>
</section>`;
}
