/**
 * The stream: posts on people's walls, their comments and likes (stream.*), the FQL tables
 * stream, comment, like and stream_filter. Other features post through `services.stream`
 * (status updates, feed stories) and read it for their pages (news feed, walls).
 */
import { defineFeature } from '../feature.js';
import { commentTable, likeTable, streamFilterTable, streamTable } from './fql-tables.js';
import { streamAddComment } from './methods/add-comment.js';
import { streamGetComments } from './methods/get-comments.js';
import { streamGetFilters } from './methods/get-filters.js';
import { streamGet } from './methods/get.js';
import { streamAddLike, streamRemoveLike } from './methods/likes.js';
import { streamPublish } from './methods/publish.js';
import { streamRemoveComment } from './methods/remove-comment.js';
import { streamRemove } from './methods/remove.js';
import { streamMigration } from './migrations/012-stream.js';
import { streamActivityMigration } from './migrations/015-stream-activity.js';
import { placeWallsMigration } from './migrations/025-place-walls.js';
import { StoredPostRepository } from './post-repository.js';
import type { PostRepository } from './records.js';
import { StreamService } from './stream-service.js';
import './tables.js';

declare module '../feature.js' {
  interface Store {
    readonly posts: PostRepository;
  }
  interface Services {
    readonly stream: StreamService;
  }
}

export const streamFeature = defineFeature({
  name: 'stream',
  migrations: [streamMigration, streamActivityMigration, placeWallsMigration],
  repositories: ({ db }) => ({ posts: new StoredPostRepository(db) }),
  services: ({ store, services, places }) => ({ stream: new StreamService(store, services, places) }),
  methods: [
    streamPublish,
    streamGet,
    streamRemove,
    streamAddComment,
    streamRemoveComment,
    streamGetComments,
    streamAddLike,
    streamRemoveLike,
    streamGetFilters,
  ],
  fqlTables: [streamTable, commentTable, likeTable, streamFilterTable],
});
