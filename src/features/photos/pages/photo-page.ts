/**
 * `/photo.php?pid=N&id=UID`: one photo at its big size, its caption, the album it is in, "Photo 3
 * of 12" with the previous and next photos of the album the viewer may see, and its tags — listed
 * under the photo and drawn over it as markers. The markers are an SVG layer whose circles and
 * names are placed with percentages (the tags' x and y), so they follow the image when it is
 * scaled down, with no script and no style attributes. The owner and their friends may tag: a
 * person (themselves, the owner, a friend of theirs) or a text, at x and y in percent. Under it the
 * likes and comments of the photo's story in the stream, with the stream's own forms.
 */
import type { FastifyReply } from 'fastify';
import { csrfField } from '../../../http/page-kit/csrf.js';
import { definePage, type PageContext } from '../../../http/page-kit/define-page.js';
import { redirectTo, sendPage, sendProblem } from '../../../http/page-kit/page-replies.js';
import type { PageParams } from '../../../http/page-kit/page-params.js';
import { html, type SafeHtml } from '../../../http/page-kit/templates.js';
import type { Services } from '../../feature.js';
import type { Person } from '../../people/records.js';
import { profilePath } from '../../sign-in/pages/account-nav.js';
import { displayName } from '../../sign-in/pages/browser-sign-in.js';
import { MAX_NAME_LENGTH, TagSubjectError, TooManyTagsError, type TagInput } from '../photo-service.js';
import { albumPagePath, imagePath, percent, PHOTO_PAGE_PATH, photoPagePath } from '../photo-values.js';
import type { Album, Photo, PhotoTag } from '../records.js';
import { responsesView } from '../../home/feed-view.js';
import { singlePost } from '../../home/stream-reads.js';
import { postIdOf } from '../../stream/post-ids.js';
import { noSuchPhoto, ownerAndViewer, ownerLine, photoPage, problemNotice, readLocalNumber, readUid } from './photo-page-parts.js';

/** The tag form's value for a text tag. */
const SOMEONE_ELSE = 'text';

export const photoPageRoute = definePage({
  path: PHOTO_PAGE_PATH,
  forms: 'checked',
  handler: (page) => answer(page),
});

interface Shown {
  readonly owner: Person;
  readonly viewer: Person | undefined;
  readonly photo: Photo;
  readonly album: Album;
}

async function answer(page: PageContext): Promise<FastifyReply> {
  const { request, reply, services, params } = page;
  const uid = readUid(params);
  const photoId = readLocalNumber(params, 'pid');
  if (uid === undefined || photoId === undefined) return noSuchPhoto(reply);
  const { owner, viewer } = await ownerAndViewer(request, services, uid);
  const [stored] = owner ? await services.photos.photosByIds([photoId]) : [];
  if (!owner || stored === undefined || stored.owner !== owner.uid) return noSuchPhoto(reply);
  const { photos, albums } = await services.photos.visiblePhotos(viewer?.uid, [stored]);
  const album = albums.get(stored.albumId);
  if (photos.length === 0 || album === undefined) return noSuchPhoto(reply);
  const shown = { owner, viewer, photo: stored, album };
  const mayTag = viewer !== undefined && (viewer.uid === owner.uid || (await services.friends.areFriends(viewer.uid, owner.uid)));
  if (request.method !== 'POST') return show(page, shown, mayTag);
  if (!mayTag) return sendProblem(reply, { status: 403, title: 'Not yours to tag', message: 'Only the photo’s owner and their friends can tag it.' });
  return tag(page, shown);
}

async function tag(page: PageContext, shown: Shown): Promise<FastifyReply> {
  const { reply, services, params } = page;
  const read = readTag(params);
  if (typeof read === 'string') return show(page, shown, true, read);
  try {
    const outcome = await services.photos.addTags(shown.viewer!.uid, shown.owner.uid, shown.photo.photoId, [read], true);
    if (outcome === 'no-such-photo') return noSuchPhoto(reply);
  } catch (error) {
    if (error instanceof TagSubjectError) return show(page, shown, true, 'You can tag yourself, the photo’s owner and your friends; for anyone else, type their name.');
    if (error instanceof TooManyTagsError) return show(page, shown, true, 'This photo has as many tags as it may.');
    throw error;
  }
  return redirectTo(reply, 303, photoPagePath(shown.photo));
}

/** The tag the form describes, or what is wrong with it. */
function readTag(params: PageParams): TagInput | string {
  const x = coordinate(params.get('x'));
  const y = coordinate(params.get('y'));
  if (x === undefined || y === undefined) return 'Give where the tag goes as two numbers from 0 to 100.';
  const subject = params.get('subject');
  if (subject === undefined || subject === SOMEONE_ELSE) {
    const text = (params.raw('text') ?? '').trim();
    if (text === '') return 'Choose whom to tag, or type their name.';
    return { subject: undefined, text: text.slice(0, MAX_NAME_LENGTH), x, y };
  }
  if (!/^[1-9]\d{0,14}$/.test(subject)) return 'Choose whom to tag from the list.';
  return { subject: Number(subject), text: '', x, y };
}

function coordinate(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d{1,3}(?:\.\d+)?$/.test(text.trim())) return undefined;
  const value = Number(text);
  return value <= 100 ? value : undefined;
}

async function show({ request, reply, services, params, csrfToken }: PageContext, shown: Shown, mayTag: boolean, problem?: string): Promise<FastifyReply> {
  const { owner, viewer, photo, album } = shown;
  const [inAlbum, tags, story] = await Promise.all([
    services.photos.photos(viewer?.uid, { albumId: album.albumId }),
    // The viewer sees the photo (answer() checked), so they see its tags.
    services.photos.tagsOfPhotos([photo.photoId]),
    // Its likes and comments are its story's; a photo waiting for approval has none yet.
    photo.storyId === null ? undefined : singlePost(services, viewer?.uid, postIdOf(photo.owner, photo.storyId)),
  ]);
  const order = inAlbum.photos;
  const index = order.findIndex((candidate) => candidate.photoId === photo.photoId);
  const names = await tagNames(services, tags);
  const choices = mayTag ? await tagChoices(services, owner, viewer!) : [];
  const title = photo.caption || album.name;
  const body = html`${ownerLine(owner, viewer)}
<p class="photo-album muted">From the album <a href="${albumPagePath(album)}">${album.name}</a></p>
<nav class="photo-steps" aria-label="Photos of the album">${stepLink(order[index - 1], 'Previous', 'prev')} <span>Photo ${index + 1} of ${order.length}</span> ${stepLink(order[index + 1], 'Next', 'next')}</nav>
<figure class="photo-figure">
<div class="photo-frame"><img src="${imagePath(photo, 'big')}" alt="${photo.caption || 'Photo'}" width="${photo.images.big.width}" height="${photo.images.big.height}">${tags.length > 0 && markers(tags, names)}</div>
${photo.caption && html`<figcaption class="photo-caption">${photo.caption}</figcaption>`}
</figure>
${photo.pending && html`<p class="notice info">This photo is waiting for your approval; nobody else sees it yet.</p>`}
${tags.length > 0 && html`<p class="photo-tags">In this photo: ${tags.map((item, position) => html`${position > 0 && ', '}${tagLabel(item, names)}`)}</p>`}
${story && responsesView(story, { viewer, csrfToken: csrfToken(), back: photoPagePath(photo), host: request.hostname })}
${mayTag && tagForm(photo, choices, csrfToken(), problem, params)}`;
  return sendPage(reply, problem === undefined ? 200 : 400, photoPage({ title, body, viewer }));
}

function stepLink(photo: Photo | undefined, label: string, rel: string): SafeHtml | string {
  return photo === undefined ? html`<span class="muted">${label}</span>` : html`<a href="${photoPagePath(photo)}" rel="${rel}">${label}</a>`;
}

async function tagNames(services: Services, tags: readonly PhotoTag[]): Promise<ReadonlyMap<number, string>> {
  const uids = [...new Set(tags.flatMap((item) => (item.subject === null ? [] : [item.subject])))];
  return new Map((await services.people.findMany(uids)).map((person) => [person.uid, displayName(person)]));
}

function tagLabel(item: PhotoTag, names: ReadonlyMap<number, string>): SafeHtml {
  return item.subject === null ? html`<span class="tag-text">${item.text}</span>` : html`<a href="${profilePath(item.subject)}">${names.get(item.subject) ?? 'Someone'}</a>`;
}

/** A circle at each tag, its name below it (kept inside the picture near the edges). */
function markers(tags: readonly PhotoTag[], names: ReadonlyMap<number, string>): SafeHtml {
  return html`<svg class="tag-layer" aria-hidden="true">${tags.map((item) => {
    const x = `${percent(item.x)}%`;
    const y = `${percent(item.y)}%`;
    const anchor = item.x < 25 ? 'start' : item.x > 75 ? 'end' : 'middle';
    const label = item.subject === null ? item.text : (names.get(item.subject) ?? '');
    return html`<g class="tag-marker"><circle cx="${x}" cy="${y}" r="18"></circle><text x="${x}" y="${y}" dy="${item.y > 85 ? -24 : 34}" text-anchor="${anchor}">${label}</text></g>`;
  })}</svg>`;
}

/** Whom the viewer may tag: themselves, the owner, and their own friends (the service's rule), by name. */
async function tagChoices(services: Services, owner: Person, viewer: Person): Promise<Array<{ readonly uid: number; readonly label: string }>> {
  const friends = await services.people.findMany(await services.friends.friendsOf(viewer.uid));
  const others = friends.filter((person) => person.uid !== owner.uid).sort((a, b) => displayName(a).localeCompare(displayName(b)));
  return [
    { uid: viewer.uid, label: `${displayName(viewer)} (you)` },
    ...(owner.uid === viewer.uid ? [] : [{ uid: owner.uid, label: displayName(owner) }]),
    ...others.map((person) => ({ uid: person.uid, label: displayName(person) })),
  ];
}

function tagForm(photo: Photo, choices: ReadonlyArray<{ readonly uid: number; readonly label: string }>, token: string, problem: string | undefined, params: PageParams): SafeHtml {
  // After a refused tag the form keeps what was chosen and typed.
  const kept = (name: string, fallback: string) => (problem === undefined ? fallback : (params.raw(name) ?? fallback));
  const chosen = kept('subject', String(choices[0]?.uid ?? ''));
  const option = (value: string, label: string) => (value === chosen ? html`<option value="${value}" selected>${label}</option>` : html`<option value="${value}">${label}</option>`);
  return html`<section class="photo-tagging" aria-labelledby="tag-title">
<h2 class="section" id="tag-title">Tag this photo</h2>
${problemNotice(problem)}
<form method="post" action="${photoPagePath(photo)}">${csrfField(token)}
<div class="field"><label for="tag-subject">Who is it?</label><select id="tag-subject" name="subject">${choices.map((choice) => option(String(choice.uid), choice.label))}${option(SOMEONE_ELSE, 'Someone else (type their name)')}</select></div>
<div class="field"><label for="tag-text">Their name <span class="optional">(for someone else)</span></label><input type="text" id="tag-text" name="text" maxlength="${MAX_NAME_LENGTH}" value="${kept('text', '')}"></div>
<div class="field-row">
<div class="field"><label for="tag-x">Across (% from the left)</label><input type="number" id="tag-x" name="x" min="0" max="100" step="any" required value="${kept('x', '50')}"></div>
<div class="field"><label for="tag-y">Down (% from the top)</label><input type="number" id="tag-y" name="y" min="0" max="100" step="any" required value="${kept('y', '50')}"></div>
</div>
<div class="actions"><button class="button" type="submit" name="tag" value="1">Tag</button></div>
</form>
</section>`;
}
