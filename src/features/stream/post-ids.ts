/**
 * The wire ids of the stream: a post is `<wall owner uid>_<story id>` (`500000001_1000000002`), a
 * comment `<post_id>_<n>` (`500000001_1000000002_7`). Both are strings on the wire, in JSON too.
 */

export interface PostRef {
  readonly wall: number;
  readonly storyId: number;
}

export function postIdOf(wall: number, storyId: number): string {
  return `${wall}_${storyId}`;
}

export function commentIdOf(wall: number, storyId: number, commentId: number): string {
  return `${postIdOf(wall, storyId)}_${commentId}`;
}

function id(text: string): number | undefined {
  if (!/^[1-9]\d{0,15}$/.test(text)) return undefined;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : undefined;
}

/** `undefined` for anything not shaped like a post id. */
export function parsePostId(text: string): PostRef | undefined {
  const parts = text.trim().split('_');
  if (parts.length !== 2) return undefined;
  const [wall, storyId] = parts.map(id);
  return wall === undefined || storyId === undefined ? undefined : { wall, storyId };
}

/** A comment id as stream.addComment answered it, or the bare `<n>` (then `post` is undefined). */
export function parseCommentId(text: string): { readonly post: PostRef | undefined; readonly commentId: number } | undefined {
  const parts = text.trim().split('_');
  if (parts.length === 1) {
    const commentId = id(parts[0]!);
    return commentId === undefined ? undefined : { post: undefined, commentId };
  }
  if (parts.length !== 3) return undefined;
  const [wall, storyId, commentId] = parts.map(id);
  return wall === undefined || storyId === undefined || commentId === undefined ? undefined : { post: { wall, storyId }, commentId };
}
