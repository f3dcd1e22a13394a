/**
 * Posts as the news feed and the wall draw them: the actor (and the wall's owner, on someone
 * else's wall), the text, the attachment, "via" the app, the time, the likes and comments, and the
 * forms for what the viewer may do — like or unlike, comment, remove. Every form is a POST to
 * /stream.php with the CSRF token and the page to come back to (stream-actions-page.ts).
 */
import { csrfField } from '../../http/page-kit/csrf.js';
import { html, type SafeHtml } from '../../http/page-kit/templates.js';
import { timeText } from '../../http/page-kit/time-text.js';
import type { Person } from '../people/records.js';
import { profilePath } from '../sign-in/pages/account-nav.js';
import { displayName } from '../sign-in/pages/browser-sign-in.js';
import { actionLinksView, attachmentView } from './attachment-view.js';
import { cursorText, type FeedEntry, type FeedPage, type ShownComment } from './stream-reads.js';

export const STREAM_ACTIONS_PATH = '/stream.php';
export const HOME_PATH = '/home.php';

/** A post's own page, with all its comments. */
export function postPath(postId: string): string {
  return `${HOME_PATH}?post=${encodeURIComponent(postId)}`;
}

/** The element id of a post, so that a form can come back to it. */
export function postAnchor(postId: string): string {
  return `post-${postId}`;
}

export interface FeedViewContext {
  readonly viewer: Person | undefined;
  readonly csrfToken: string;
  /** The page the forms come back to (path and query). */
  readonly back: string;
  /** request.hostname, for the image rule of attachments. */
  readonly host: string;
}

/** The moment as every page writes it (timeText), machine-readable in datetime. */
export function shownTime(when: Date): SafeHtml {
  return html`<time datetime="${when.toISOString()}">${timeText(when)}</time>`;
}

function nameOf(page: FeedPage, uid: number): string {
  const person = page.people.get(uid);
  return person ? displayName(person) : (page.places.get(uid)?.name ?? 'Someone');
}

/** A person, or a place (an event, a group, a page), linked to its page. */
function personLink(page: FeedPage, uid: number): SafeHtml {
  const place = page.places.get(uid);
  if (place !== undefined && !page.people.has(uid)) return html`<a class="person-link place-link" href="${place.path}">${place.name}</a>`;
  // Someone removed since the post was made has no profile to link to.
  return page.people.has(uid) ? html`<a class="person-link" href="${profilePath(uid)}">${nameOf(page, uid)}</a>` : html`<span class="person-link">${nameOf(page, uid)}</span>`;
}

function actionForm(context: FeedViewContext, button: SafeHtml, fields: SafeHtml | string = ''): SafeHtml {
  return html`<form class="inline-action" method="post" action="${STREAM_ACTIONS_PATH}">${csrfField(context.csrfToken)}<input type="hidden" name="back" value="${context.back}">${fields}${button}</form>`;
}

/** "You like this", "Ada Lovelace and Bob Bobson like this", "You, Ada Lovelace and 3 others like this". */
function likesLine(entry: FeedEntry, page: FeedPage, viewer: number | undefined): SafeHtml | undefined {
  const count = entry.likeCount;
  if (count === 0) return undefined;
  const others = entry.likers.filter((uid) => uid !== viewer);
  const named: SafeHtml[] = [...(entry.viewerLikes ? [html`You`] : []), ...others.slice(0, 2).map((uid) => personLink(page, uid))];
  const rest = count - named.length;
  const parts = rest > 0 ? [...named, html`${rest} ${rest === 1 ? 'other' : 'others'}`] : named;
  const list = parts.map((part, index) => html`${index === 0 ? '' : index === parts.length - 1 ? ' and ' : ', '}${part}`);
  // "likes" only for one person other than the viewer.
  const verb = count === 1 && !entry.viewerLikes ? 'likes' : 'like';
  return html`<p class="story-likes" data-count="${count}">${list} ${verb} this.</p>`;
}

function commentView(entry: FeedEntry, comment: ShownComment, page: FeedPage, context: FeedViewContext): SafeHtml {
  const viewer = context.viewer?.uid;
  const removable = viewer !== undefined && (viewer === comment.fromUid || entry.canRemoveComments);
  return html`<li class="comment" id="comment-${comment.commentId}">${personLink(page, comment.fromUid)} <span class="comment-text">${comment.text}</span>
<span class="comment-meta muted">${shownTime(comment.createdAt)}${
    removable &&
    html` ${actionForm(context, html`<button class="link-button" type="submit" name="uncomment" value="${entry.postId}_${comment.commentId}" aria-label="Remove the comment">Remove</button>`)}`
  }</span></li>`;
}

function commentsView(entry: FeedEntry, page: FeedPage, context: FeedViewContext): SafeHtml | undefined {
  const hidden = entry.commentCount - entry.comments.length;
  const form =
    entry.canInteract &&
    actionForm(
      context,
      html`<button class="button small" type="submit" name="comment" value="${entry.postId}">Comment</button>`,
      html`<label class="visually-hidden" for="comment-on-${entry.postId}">Write a comment</label><input type="text" id="comment-on-${entry.postId}" name="text" placeholder="Write a comment…" maxlength="8000" required autocomplete="off">`,
    );
  if (entry.comments.length === 0 && !form) return undefined;
  return html`<div class="story-comments">
${hidden > 0 && html`<p class="more-comments"><a href="${postPath(entry.postId)}">View all ${entry.commentCount} comments</a></p>`}
${entry.comments.length > 0 && html`<ul class="comments">${entry.comments.map((comment) => commentView(entry, comment, page, context))}</ul>`}
${form && html`<div class="comment-form">${form}</div>`}
</div>`;
}

function likeButton(entry: FeedEntry, context: FeedViewContext): SafeHtml | false {
  return (
    entry.canInteract &&
    actionForm(
      context,
      entry.viewerLikes
        ? html`<button class="link-button" type="submit" name="unlike" value="${entry.postId}">Unlike</button>`
        : html`<button class="link-button" type="submit" name="like" value="${entry.postId}">Like</button>`,
    )
  );
}

/** A photo's story shows the photo, linked to its page. */
function pictureView(entry: FeedEntry, page: FeedPage): SafeHtml | undefined {
  const picture = page.pictures?.get(entry.post.storyId);
  return picture && html`<p class="story-picture"><a href="${picture.href}"><img src="${picture.src}" alt="${picture.alt}" width="${picture.width}" height="${picture.height}" loading="lazy"></a></p>`;
}

/**
 * The likes and comments of a page's one post, with the forms to like and comment, without the post
 * itself: what a photo's page shows under the photo (its story holds them).
 */
export function responsesView(page: FeedPage, context: FeedViewContext): SafeHtml | undefined {
  const entry = page.entries[0];
  if (entry === undefined) return undefined;
  const like = likeButton(entry, context);
  // The post's anchor: the forms come back to it.
  return html`<section class="story-responses" id="${postAnchor(entry.postId)}" data-post-id="${entry.postId}" aria-label="Likes and comments">
${like && html`<div class="story-meta muted">${like}</div>`}
${likesLine(entry, page, context.viewer?.uid)}
${commentsView(entry, page, context)}
</section>`;
}

function storyView(entry: FeedEntry, page: FeedPage, context: FeedViewContext): SafeHtml {
  const { post } = entry;
  const viewer = context.viewer?.uid;
  const app = post.appId === null ? undefined : page.apps.get(post.appId);
  const like = likeButton(entry, context);
  const removeButton =
    entry.canRemove && actionForm(context, html`<button class="link-button" type="submit" name="remove" value="${entry.postId}" aria-label="Remove this post">Remove</button>`);
  const attachment = attachmentView(post.attachment, { host: context.host, actorName: nameOf(page, post.actor) });
  const actions = actionLinksView(post.actionLinks);
  return html`<article class="story" id="${postAnchor(entry.postId)}" data-post-id="${entry.postId}">
<p class="story-head">${personLink(page, post.actor)}${post.wall !== post.actor && html` <span class="story-to" aria-label="on the wall of">▸</span> ${personLink(page, post.wall)}`}</p>
${post.message !== '' && html`<p class="story-message">${post.message}</p>`}
${pictureView(entry, page)}
${attachment}
<div class="story-meta muted"><a href="${postPath(entry.postId)}">${shownTime(post.createdAt)}</a>${app && html` · <span class="story-via">via ${app.name}</span>`}${actions && html` · ${actions}`}${like && html` · ${like}`}${removeButton && html` · ${removeButton}`}</div>
${likesLine(entry, page, viewer)}
${commentsView(entry, page, context)}
</article>`;
}

/** The posts of a page, and a "load more" link to the next when there is one. */
export function feedView(page: FeedPage, context: FeedViewContext, options: { readonly empty: string; readonly moreHref?: (before: string) => string }): SafeHtml {
  if (page.entries.length === 0) return html`<p class="muted stream-empty">${options.empty}</p>`;
  return html`<div class="stream">
${page.entries.map((entry) => storyView(entry, page, context))}
</div>
${page.next !== undefined && options.moreHref && html`<p class="load-more"><a class="button secondary" href="${options.moreHref(cursorText(page.next))}">Older posts</a></p>`}`;
}

export interface ComposerOptions {
  readonly csrfToken: string;
  readonly back: string;
  /** Whose wall the post goes on: a person, or a place (an event, a group, a page). */
  readonly wall: Person | ComposerPlace;
  readonly viewer: Person;
}

/** A place's wall for the composer; `speaksFor` offers posting as the place (a page's admins). */
export interface ComposerPlace {
  readonly id: number;
  readonly name: string;
  readonly speaksFor: boolean;
}

/** The form to post a status or a link on one's own wall, or a post on a friend's or a place's. */
export function composerView(options: ComposerOptions): SafeHtml {
  const { wall } = options;
  const place = 'uid' in wall ? undefined : wall;
  const wallId = 'uid' in wall ? wall.uid : wall.id;
  const own = wallId === options.viewer.uid;
  const wallName = 'uid' in wall ? wall.firstName : wall.name;
  const prompt = own ? 'What’s on your mind?' : `Write something to ${wallName}…`;
  return html`<form class="composer" method="post" action="${STREAM_ACTIONS_PATH}">
${csrfField(options.csrfToken)}<input type="hidden" name="back" value="${options.back}"><input type="hidden" name="wall" value="${wallId}">
<div class="field"><label for="composer-message">${own ? 'Share a status or a link' : `Post on ${wallName}’s wall`}</label>
<textarea id="composer-message" name="message" rows="2" maxlength="10000" placeholder="${prompt}"></textarea></div>
<div class="composer-row">
<div class="field"><label for="composer-link">Link <span class="optional">(optional)</span></label>
<input type="url" id="composer-link" name="link" placeholder="https://" autocomplete="off" autocapitalize="none" spellcheck="false"></div>
${
  own &&
  html`<div class="field"><label for="composer-privacy">Who can see it</label>
<select id="composer-privacy" name="privacy"><option value="EVERYONE">Everyone</option><option value="ALL_FRIENDS">Friends only</option><option value="SELF">Only me</option></select></div>`
}
${
  place?.speaksFor &&
  html`<div class="field"><label for="composer-as">Post as</label>
<select id="composer-as" name="as"><option value="${place.id}">${place.name}</option><option value="${options.viewer.uid}">${displayName(options.viewer)}</option></select></div>`
}
</div>
<div class="actions"><button class="button" type="submit" name="publish" value="1">${own ? 'Share' : 'Post'}</button></div>
</form>`;
}
