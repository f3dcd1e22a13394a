/**
 * `/stream.php` (POST): what the forms of the news feed and the wall do — post (a status, a link,
 * or on a friend's wall), comment, remove a comment, like, unlike, remove a post. Each is a form
 * POST with the CSRF token, for the person signed in, answered with a 303 back to the page the form
 * was on (`back`, one of Hearth's own stream pages) at the post it was about. A refusal is a page
 * saying why, with a link back. The rules of who may do what are the stream service's.
 */
import type { FastifyReply } from 'fastify';
import { InvalidInputError } from '../../dispatch/invalid-input-error.js';
import { definePage, type PageContext } from '../../http/page-kit/define-page.js';
import { redirectTo, sendProblem } from '../../http/page-kit/page-replies.js';
import type { Person } from '../people/records.js';
import { postStatus } from '../status/post-status.js';
import type { PostPrivacy } from '../stream/privacy.js';
import { signedInPerson } from '../sign-in/pages/browser-sign-in.js';
import { linkUrl } from './attachment-view.js';
import { HOME_PATH, postAnchor, STREAM_ACTIONS_PATH } from './feed-view.js';

/** Types of the posts made here (docs/stream.md): status, wall post, link. */
const STATUS = 46;
const WALL_POST = 56;
const LINK = 80;

/** Audiences the composer offers for a post on one's own wall. */
const COMPOSER_PRIVACY = ['EVERYONE', 'ALL_FRIENDS', 'SELF'] as const;

export const streamActionsPage = definePage({ path: STREAM_ACTIONS_PATH, forms: 'checked', handler: (page) => act(page) });

/**
 * Where a form may send the browser back to: the home page, a post's page, a profile, a photo's
 * page, or an event's, a group's or a fan page's. Anything else goes home.
 */
export function safeBack(text: string | undefined): string {
  if (
    text !== undefined &&
    /^\/(?:home\.php(?:\?[\w=&%.-]*)?|(?:profile|page)\.php\?id=[1-9]\d{0,14}(?:&[\w=&%.-]*)?|event\.php\?eid=[1-9]\d{0,14}(?:&[\w=&%.-]*)?|group\.php\?gid=[1-9]\d{0,14}(?:&[\w=&%.-]*)?|photo\.php\?pid=[1-9]\d{0,14}&id=[1-9]\d{0,14})?$/.test(text)
  ) {
    return text === '/' ? HOME_PATH : text;
  }
  return HOME_PATH;
}

function uidOf(text: string | undefined): number | undefined {
  return text !== undefined && /^[1-9]\d{0,14}$/.test(text) ? Number(text) : undefined;
}

async function act(page: PageContext): Promise<FastifyReply> {
  const { request, reply, services, params } = page;
  const back = safeBack(params.get('back'));
  // Links and reloads of this address have nothing to do here.
  if (request.method !== 'POST') return redirectTo(reply, 303, back);
  const person = await signedInPerson(request, services);
  // Signed out in another tab meanwhile: the page asks them to sign in; nothing changes.
  if (!person) return redirectTo(reply, 303, back);

  const refuse = (status: number, title: string, message: string) => sendProblem(reply, { status, title, message, startOver: { href: back, label: 'Go back' } });
  const atPost = (postId: string) => redirectTo(reply, 303, `${back}#${postAnchor(postId)}`);
  const gone = () => refuse(404, 'That post is gone', 'The post was removed, or never was.');
  const hidden = () => refuse(403, 'Not your post to change', 'You cannot do that with this post.');

  if (params.flag('publish')) return publish(page, person, back, refuse);

  const comment = params.get('comment');
  if (comment !== undefined) {
    const text = params.get('text')?.trim() ?? '';
    if (text === '') return refuse(400, 'Write a comment first', 'The comment was empty, so nothing was added.');
    const { outcome } = await services.stream.addComment(person.uid, comment, text);
    return outcome === 'done' ? atPost(comment) : outcome === 'no-such-post' ? gone() : hidden();
  }
  const uncomment = params.get('uncomment');
  if (uncomment !== undefined) {
    const outcome = await services.stream.removeComment(person.uid, uncomment);
    const postId = /^(\d+_\d+)_\d+$/.exec(uncomment)?.[1];
    if (outcome === 'done') return postId ? atPost(postId) : redirectTo(reply, 303, back);
    return outcome === 'not-allowed' ? refuse(403, 'Not your comment to remove', 'Only its author and the owner of the wall may remove a comment.') : redirectTo(reply, 303, back);
  }
  for (const name of ['like', 'unlike'] as const) {
    const postId = params.get(name);
    if (postId === undefined) continue;
    const outcome = name === 'like' ? await services.stream.like(person.uid, postId) : await services.stream.unlike(person.uid, postId);
    return outcome === 'done' ? atPost(postId) : outcome === 'no-such-post' ? gone() : hidden();
  }
  const remove = params.get('remove');
  if (remove !== undefined) {
    const outcome = await services.stream.remove(person.uid, remove, null);
    if (outcome === 'done' || outcome === 'no-such-post') return redirectTo(reply, 303, back);
    return refuse(403, 'Not your post to remove', 'Only its author and the owner of the wall may remove a post.');
  }
  return redirectTo(reply, 303, back);
}

type Refuse = (status: number, title: string, message: string) => Promise<FastifyReply> | FastifyReply;

/** The composer: a status or a link on one's own wall, or a post on a friend's or a place's (as oneself, or as a page one speaks for: `as`). */
async function publish({ reply, services, params }: PageContext, person: Person, back: string, refuse: Refuse): Promise<FastifyReply> {
  const wall = uidOf(params.get('wall')) ?? person.uid;
  const actor = uidOf(params.get('as')) ?? person.uid;
  const message = params.get('message')?.trim() ?? '';
  const typedLink = params.get('link')?.trim();
  const link = typedLink === undefined ? undefined : linkUrl(typedLink);
  if (typedLink !== undefined && link === undefined) return refuse(400, 'That link cannot be shared', `“${typedLink}” is not an http:// or https:// address.`);
  if (message === '' && link === undefined) return refuse(400, 'Write something first', 'The post was empty, so nothing was shared.');
  const chosen = COMPOSER_PRIVACY.find((value) => value === params.get('privacy'));
  const own = wall === person.uid;
  try {
    if (actor !== person.uid) {
      // A page's admin posting on the page's wall as the page: the stream checks they speak for it.
      await services.stream.publish({
        actor,
        by: person.uid,
        wall,
        appId: null,
        type: link !== undefined ? LINK : wall === actor ? STATUS : WALL_POST,
        message,
        attachment: link === undefined ? null : linkAttachment(link),
        actionLinks: null,
      });
    } else if (own && link === undefined && (chosen === undefined || chosen === 'EVERYONE')) {
      // A plain post on one's own wall is a status: it also becomes the current status.
      await postStatus(services, { uid: person.uid, appId: null, text: message });
    } else {
      await services.stream.publish({
        actor: person.uid,
        wall,
        appId: null,
        type: link !== undefined ? LINK : own ? STATUS : WALL_POST,
        message,
        attachment: link === undefined ? null : linkAttachment(link),
        actionLinks: null,
        // On a friend's wall the stream's default: the owner's friends.
        ...(own && chosen !== undefined ? { privacy: { value: chosen } satisfies PostPrivacy } : {}),
      });
    }
  } catch (error) {
    if (error instanceof InvalidInputError) return refuse(403, 'You cannot post there', error.message);
    throw error;
  }
  return redirectTo(reply, 303, back);
}

/** A shared link: the address, and its host as the caption (Hearth fetches nothing to find a title). */
function linkAttachment(href: string): Record<string, unknown> {
  return { href, caption: new URL(href).host };
}
