/**
 * The structures of the stream as the platform's schema wrote them, field by field in its order:
 * the FQL table columns are declared with them, and stream.get writes its posts through the same
 * types (src/fql/render.ts), so both answer alike — item names (`stream_media`, `comment`, `uid`
 * …), booleans as 1/0 in XML, empty lists self-closing.
 */
import { array, bool, int, string, struct, time } from '../../fql/types.js';

export const STREAM_MEDIA = struct({
  href: string,
  alt: string,
  type: string,
  src: string,
  video: struct({ display_url: string, source_url: string, owner: int, permalink: string, preview_img: string, source_type: string }),
  music: struct({ source_url: string, title: string, artist: string, album: string }),
  photo: struct({ aid: string, pid: string, owner: int, index: int, width: int, height: int }),
  swf: struct({ source_url: string, preview_img: string, flash_vars: string, width: int, height: int }),
});

export const ATTACHMENT = struct({
  media: array(STREAM_MEDIA, 'stream_media'),
  name: string,
  href: string,
  caption: string,
  description: string,
  properties: array(struct({ name: string, text: string, href: string }), 'stream_property'),
  icon: string,
  fb_object_type: string,
  fb_object_id: string,
});

export const ACTION_LINKS = array(struct({ text: string, href: string }), 'stream_action_link');

export const APP_DATA = struct({ tbid: int, attachment_data: string, images: string, action_links: ACTION_LINKS });

export const COMMENT = struct({ fromid: int, time: time, text: string, id: string });

export const COMMENTS = struct({ can_remove: bool, can_post: bool, count: int, comment_list: array(COMMENT, 'comment') });

export const LIKES = struct({ href: string, count: int, sample: array(int, 'uid'), friends: array(int, 'uid'), user_likes: bool, can_like: bool });

export const PRIVACY = struct({ description: string, value: string, friends: string, networks: string, allow: string, deny: string });

/** One post of stream.get, in the order of the platform's answers. */
export const STREAM_POST = struct({
  post_id: string,
  viewer_id: int,
  source_id: int,
  type: int,
  app_id: int,
  attribution: string,
  actor_id: int,
  target_id: int,
  message: string,
  attachment: ATTACHMENT,
  app_data: APP_DATA,
  action_links: ACTION_LINKS,
  comments: COMMENTS,
  likes: LIKES,
  privacy: PRIVACY,
  updated_time: time,
  created_time: time,
  tagged_ids: array(int, 'id'),
  is_hidden: bool,
  filter_key: string,
  permalink: string,
});

/** One person of stream.get's `profiles`. */
export const STREAM_PROFILE = struct({ id: int, url: string, name: string, pic_square: string, type: string });

/** One filter of stream.getFilters and the FQL stream_filter table. */
export const STREAM_FILTER = struct({
  uid: int,
  filter_key: string,
  name: string,
  rank: int,
  icon_url: string,
  is_visible: bool,
  type: string,
  value: int,
});
