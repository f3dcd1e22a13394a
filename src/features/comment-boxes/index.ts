/** Comment boxes: the comment sets of `fb:comments`, named per app by an xid (comments.get, add, remove). */
import { defineFeature } from '../feature.js';
import { CommentBoxService } from './comment-box-service.js';
import { StoredBoxCommentRepository } from './comment-repository.js';
import { commentsAdd } from './methods/add.js';
import { commentsGet } from './methods/get.js';
import { commentsRemove } from './methods/remove.js';
import { commentBoxesMigration } from './migrations/014-comment-boxes.js';
import type { BoxCommentRepository } from './records.js';
import './tables.js';

declare module '../feature.js' {
  interface Store {
    readonly boxComments: BoxCommentRepository;
  }
  interface Services {
    readonly commentBoxes: CommentBoxService;
  }
}

export const commentBoxesFeature = defineFeature({
  name: 'comment-boxes',
  migrations: [commentBoxesMigration],
  repositories: ({ db }) => ({ boxComments: new StoredBoxCommentRepository(db) }),
  services: ({ store, services }) => ({ commentBoxes: new CommentBoxService(store, services) }),
  methods: [commentsGet, commentsAdd, commentsRemove],
});
