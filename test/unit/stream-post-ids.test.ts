/** The stream's wire ids: post_id `<wall>_<story>`, comment id `<post_id>_<n>` or `<n>`. */
import { describe, expect, it } from 'vitest';
import { commentIdOf, parseCommentId, parsePostId, postIdOf } from '../../src/features/stream/post-ids.js';

describe('stream post ids', () => {
  it('round-trips post and comment ids', () => {
    expect(postIdOf(500000001, 1000000002)).toBe('500000001_1000000002');
    expect(parsePostId('500000001_1000000002')).toEqual({ wall: 500000001, storyId: 1000000002 });
    expect(commentIdOf(500000001, 1000000002, 7)).toBe('500000001_1000000002_7');
    expect(parseCommentId('500000001_1000000002_7')).toEqual({ post: { wall: 500000001, storyId: 1000000002 }, commentId: 7 });
    expect(parseCommentId(' 7 ')).toEqual({ post: undefined, commentId: 7 });
  });

  it.each(['', '_', '1', '1_', '_1', '1_2_3', '01_2', '1_2x', '-1_2', '1_99999999999999999', '1.5_2', '１_２'])('refuses %j as a post id', (text) => {
    expect(parsePostId(text)).toBeUndefined();
  });

  it.each(['', '1_2', '1_2_3_4', 'a', '0', '1__2', '1_2_x'])('refuses %j as a comment id', (text) => {
    expect(parseCommentId(text)).toBeUndefined();
  });
});
