/**
 * stream.getFilters: the filters of a person's home page stream, for stream.get's `filter_key`:
 * `nf` (News Feed) first, then one per friend list of theirs and one per app they authorized that
 * has posted to the stream. Shape from the platform's Stream.getFilters page and the Java client's
 * schema: `<stream_filter>` items under a `list="true"` root, `is_visible` 1/0 (JSON true/false),
 * `value` nil for the News Feed. Web apps may name a person who authorized them with `uid`. See
 * docs/stream.md.
 */
import { ApiList } from '../../../wire/values.js';
import { renderValue } from '../../../fql/render.js';
import { defineMethod, optional, uid } from '../../../dispatch/method-kit.js';
import { filterValue } from '../filter-values.js';
import { STREAM_FILTER } from '../stream-types.js';

export const streamGetFilters = defineMethod({
  name: 'stream.getFilters',
  summary: "The filters of a person's home page stream: News Feed, their friend lists, the apps that posted.",
  params: {
    uid: optional(uid, 'web apps: a person who authorized the app; defaults to the session user'),
  },
  answer: 'fql_rows',
  access: { session: 'optional', sessionSecret: true, appTypes: ['web', 'desktop'], target: { who: 'app-user', otherUserError: 200 } },
  handler: async ({ targetUid, services }) =>
    new ApiList('stream_filter', (await services.stream.filters(targetUid)).map((filter) => renderValue(filterValue(filter), STREAM_FILTER))),
});
