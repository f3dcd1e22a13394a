/**
 * stream.get: posts as one viewer sees them, newest first, with the people they name. Shape from
 * a 2010 capture of the platform's answer (facebooker's fixture) and the Java client's schema: an
 * object with `posts`, `profiles` and `albums`, all three always present (facebooker looks each up
 * and raises when one is missing), `photo_tags` when `metadata` asks for it. See docs/stream.md.
 */
import { ApiError, invalidParameter } from '../../../wire/errors.js';
import { ApiList, type ApiValue } from '../../../wire/values.js';
import { renderValue } from '../../../fql/render.js';
import { bool, defineMethod, nameList, optional, text, uidList } from '../../../dispatch/method-kit.js';
import { parsePostId } from '../post-ids.js';
import { placeProfileValue, profileValue, streamPostValue } from '../post-values.js';
import type { Post } from '../records.js';
import { STREAM_POST, STREAM_PROFILE } from '../stream-types.js';
import { MAX_READ_LIMIT } from '../stream-service.js';
import { viewerUid, wholeNumber } from './stream-params.js';

export const DEFAULT_LIMIT = 30;
const METADATA = new Set(['albums', 'profiles', 'photo_tags']);

/** The post's source in this read: its wall's owner, or its author when only the author was asked for. */
function sourceOf(post: Post, asked: ReadonlySet<number> | undefined): number {
  return asked === undefined || asked.has(post.wall) || !asked.has(post.actor) ? post.wall : post.actor;
}

export const streamGet = defineMethod({
  name: 'stream.get',
  summary: 'Posts the viewer may see (their news feed by default), newest first, with the people they name.',
  params: {
    viewer_id: optional(viewerUid, 'whose view (web apps): a person who granted read_stream; 0 for public posts only; defaults to the session user'),
    source_ids: optional(uidList(110, 1000), 'only posts on the walls of, or by, these people'),
    start_time: optional(wholeNumber, 'Unix time: the oldest updated_time to include (0: no bound)'),
    end_time: optional(wholeNumber, 'Unix time: the newest updated_time to include (0: no bound)'),
    limit: optional(wholeNumber, `how many posts, newest first; default ${DEFAULT_LIMIT}, at most ${MAX_READ_LIMIT}`),
    filter_key: optional(text(100), 'nf (News Feed), app_<app id>, fl_<flid> (stream.getFilters)'),
    metadata: optional(nameList(3), 'JSON array of albums, profiles, photo_tags'),
    post_ids: optional(nameList(1000), 'only these posts'),
    exportable_only: optional(bool, 'ignored'),
  },
  answer: 'stream',
  access: { session: 'optional', sessionSecret: true, appTypes: ['web', 'desktop'] },
  handler: async ({ app, session, params, services, origin, signedWithSessionSecret }) => {
    for (const name of params.metadata ?? []) if (!METADATA.has(name)) throw invalidParameter('metadata', `unknown kind ${JSON.stringify(name)} (albums, profiles, photo_tags)`);
    const postRefs = (params.post_ids ?? []).map((postId) => {
      const ref = parsePostId(postId);
      if (ref === undefined) throw invalidParameter('post_ids', `${JSON.stringify(postId)} is not a post_id`);
      return ref;
    });

    // The viewer: nobody (0), someone named by a web app, or the session's person.
    let viewer: number | undefined;
    if (app.type === 'desktop') {
      if (!session) throw new ApiError(102, 'desktop applications must call this method with a session_key');
      if (params.viewer_id !== undefined && params.viewer_id !== 0 && params.viewer_id !== session.uid) throw new ApiError(200, 'desktop applications may only read the stream of the session user');
      viewer = params.viewer_id === 0 ? undefined : session.uid;
    } else if (params.viewer_id !== undefined) {
      if (signedWithSessionSecret && params.viewer_id !== session?.uid) throw new ApiError(200, 'a call signed with a session secret may only read the stream of the session user');
      viewer = params.viewer_id === 0 ? undefined : params.viewer_id;
    } else {
      viewer = session?.uid;
    }
    if (viewer !== undefined) {
      if ((await services.people.findMany([viewer])).length === 0) throw new ApiError(210, `viewer_id: no person with uid ${viewer}`);
      if (!(await services.grants.hasPermission(viewer, app.appId, 'read_stream', session))) throw new ApiError(612, `uid ${viewer} has not granted this application read_stream`);
    }

    const viewing = await services.stream.viewing(viewer);
    const scope = params.filter_key === undefined ? undefined : await services.stream.filterScope(viewer, params.filter_key);
    if (params.filter_key !== undefined && scope === undefined) throw invalidParameter('filter_key', 'not one of the viewer’s filters (stream.getFilters)');
    const feed = await services.stream.newsFeedSources(viewing);
    const scoped = scope === undefined || scope.sources === 'news-feed' ? feed : scope.sources;
    const asked = params.source_ids === undefined ? undefined : new Set(params.source_ids);
    // Named sources narrow a list filter; they stand alone otherwise.
    const sources = asked === undefined ? scoped : scope !== undefined && scope.sources !== 'news-feed' ? scoped.filter((uid) => asked.has(uid)) : [...asked];
    const limit = params.limit === undefined || params.limit === 0 ? DEFAULT_LIMIT : Math.min(params.limit, MAX_READ_LIMIT);
    const found = await services.stream.read({
      viewing,
      sources,
      appId: scope !== undefined && 'appId' in scope ? scope.appId : undefined,
      storyIds: postRefs.length === 0 ? undefined : postRefs.map((ref) => ref.storyId),
      since: params.start_time ? new Date(params.start_time * 1000) : undefined,
      until: params.end_time ? new Date(params.end_time * 1000 + 999) : undefined,
      limit,
    });
    // A post_id names its wall too: one with another wall's prefix is not that post.
    const posts = postRefs.length === 0 ? found : found.filter((post) => postRefs.some((ref) => ref.storyId === post.storyId && ref.wall === post.wall));
    const view = await services.stream.view(posts, viewing);
    const context = { origin, people: view.people, apps: view.apps };
    const answer: Record<string, ApiValue> = {
      posts: new ApiList(
        'stream_post',
        view.posts.map((shown) => renderValue(streamPostValue(shown, { viewer, sourceId: sourceOf(shown.post, asked), filterKey: '' }, context), STREAM_POST)),
        'self-closing',
      ),
      profiles: new ApiList(
        'profile',
        [
          ...[...view.people.values()].map((person) => renderValue(profileValue(origin, person), STREAM_PROFILE)),
          ...[...view.places].map(([id, place]) => renderValue(placeProfileValue(origin, id, place), STREAM_PROFILE)),
        ],
        'self-closing',
      ),
      // Hearth has no photos yet: no albums, no tags.
      albums: new ApiList('album', [], 'self-closing'),
    };
    if (params.metadata?.includes('photo_tags')) answer.photo_tags = new ApiList('photo_tag', [], 'self-closing');
    return answer;
  },
});
