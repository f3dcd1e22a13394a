/**
 * Who may read a note or a link: whoever may see the story that tells of it in the author's
 * stream, by the stream's own privacy rule (src/features/stream/privacy.ts). Those stories are
 * posts on the author's own wall with the stream's default for them, everyone; an item whose story
 * has been removed from the stream keeps that default, so it stays readable by everyone. Links
 * use this rule too, so that the two never disagree.
 */
import type { Services } from '../feature.js';

export interface ToldByStory {
  /** The story id of the post that tells of it; null once that post is gone. */
  readonly storyId: number | null;
}

/** Those of `items` that `viewer` (undefined: nobody, who sees what everyone may see) may read, in their order. */
export async function visibleByStory<T extends ToldByStory>(services: Pick<Services, 'stream'>, viewer: number | undefined, items: readonly T[]): Promise<T[]> {
  const storyIds = [...new Set(items.flatMap((item) => (item.storyId === null ? [] : [item.storyId])))];
  if (storyIds.length === 0) return [...items];
  const posts = await services.stream.byStoryIds(storyIds);
  const seen = new Set((await services.stream.visible(await services.stream.viewing(viewer), posts)).map((post) => post.storyId));
  const present = new Set(posts.map((post) => post.storyId));
  return items.filter((item) => item.storyId === null || !present.has(item.storyId) || seen.has(item.storyId));
}
