/**
 * photos.addTag: tags a person (tag_uid) or a text (tag_text) at a point of a photo, in percent
 * from the left and the top; `tags` (a JSON array of such objects) tags several at once. As the
 * clients send them: `tag_uid=0` is no person (pyfacebook always sends it), and a person wins over a
 * text when both come (the PHP client sends both, one empty).
 */
import { defineMethod, optional, text, uid } from '../../../dispatch/method-kit.js';
import { ApiError, invalidParameter } from '../../../wire/errors.js';
import { TagNotAllowedError, TagSubjectError, TooManyTagsError, type TagInput } from '../photo-service.js';
import { percentParam, wireIdParam } from './photo-params.js';

const MAX_TAGS_PER_CALL = 100;
const MAX_TAG_TEXT = 255;

/** A tag_uid as sent: empty or 0 is none. */
function subjectOf(raw: unknown, name: string): number | undefined {
  if (raw === undefined || raw === null || raw === '' || raw === 0 || raw === '0') return undefined;
  const value = typeof raw === 'number' ? raw : typeof raw === 'string' && /^[1-9]\d{0,15}$/.test(raw.trim()) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(value) || value <= 0) throw new ApiError(322, `${name}: not a uid`);
  return value;
}

function positionOf(raw: unknown, name: string): number {
  const value = typeof raw === 'number' ? raw : typeof raw === 'string' ? percentParam.parse(raw, name) : NaN;
  if (!Number.isFinite(value) || value < 0 || value > 100) throw invalidParameter(name, 'not a number from 0 to 100 (percent)');
  return value;
}

function tagOf(fields: { readonly tag_uid?: unknown; readonly tag_text?: unknown; readonly x?: unknown; readonly y?: unknown }, where: string): TagInput {
  const subject = subjectOf(fields.tag_uid, `${where}tag_uid`);
  const textValue = typeof fields.tag_text === 'string' ? fields.tag_text.trim() : fields.tag_text === undefined || fields.tag_text === null ? '' : undefined;
  if (textValue === undefined) throw invalidParameter(`${where}tag_text`, 'not a string');
  if (subject === undefined && textValue === '') throw invalidParameter(`${where}tag_uid`, 'a tag needs tag_uid or tag_text');
  if (textValue.length > MAX_TAG_TEXT) throw invalidParameter(`${where}tag_text`, `longer than ${MAX_TAG_TEXT} characters`);
  if (fields.x === undefined || fields.y === undefined) throw invalidParameter(`${where}x`, 'a tag needs x and y');
  return { subject, text: textValue, x: positionOf(fields.x, `${where}x`), y: positionOf(fields.y, `${where}y`) };
}

function tagsFrom(json: string): TagInput[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw invalidParameter('tags', 'not a JSON array');
  }
  if (!Array.isArray(parsed) || parsed.length === 0) throw invalidParameter('tags', 'not a JSON array of tags');
  if (parsed.length > MAX_TAGS_PER_CALL) throw invalidParameter('tags', `more than ${MAX_TAGS_PER_CALL} tags`);
  return parsed.map((item, index) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) throw invalidParameter(`tags[${index}]`, 'not an object');
    return tagOf(item as Record<string, unknown>, `tags[${index}].`);
  });
}

export const photosAddTag = defineMethod({
  name: 'photos.addTag',
  summary: 'Tags a person or a text at a point (percent) of a photo; `tags` tags several at once.',
  params: {
    pid: optional(wireIdParam(121, 'photo'), 'the photo'),
    tag_uid: optional(text(32), 'the person tagged (0: none)'),
    tag_text: optional(text(MAX_TAG_TEXT), 'a text, when no person is tagged'),
    x: optional(text(32), 'percent from the left edge, 0–100'),
    y: optional(text(32), 'percent from the top edge, 0–100'),
    tags: optional(text(), 'JSON array of {x, y, tag_uid} or {x, y, tag_text}; the single-tag arguments are then ignored'),
    owner_uid: optional(uid, 'the photo’s owner; defaults to the session user'),
    uid: optional(uid, 'the same as owner_uid (one client sent this name)'),
  },
  answer: 'boolean',
  access: { session: 'optional', sessionSecret: true, appTypes: ['web', 'desktop'] },
  handler: async ({ app, session, params, services }) => {
    if (params.pid === undefined) throw invalidParameter('pid', 'required');
    const owner = params.owner_uid ?? params.uid ?? session?.uid;
    if (owner === undefined) throw invalidParameter('owner_uid', 'needed without a session');
    if (owner !== params.pid.owner) throw new ApiError(121, 'pid: not a photo of owner_uid');
    const tagger = session?.uid ?? owner;
    if (session === undefined && !(await services.grants.isAppUser(tagger, app.appId))) throw new ApiError(200, `uid ${tagger} has not authorized this application`);
    const tags = params.tags !== undefined ? tagsFrom(params.tags) : [tagOf({ tag_uid: params.tag_uid, tag_text: params.tag_text, x: params.x, y: params.y }, '')];
    const mayTagVisible = await services.grants.hasPermission(tagger, app.appId, 'photo_upload', session);
    try {
      const outcome = await services.photos.addTags(tagger, owner, params.pid.local, tags, mayTagVisible);
      if (outcome === 'no-such-photo') throw new ApiError(121, 'pid: no such photo that this person may see');
    } catch (error) {
      if (error instanceof TagSubjectError) throw new ApiError(322, error.message);
      if (error instanceof TagNotAllowedError) throw new ApiError(323, error.message);
      if (error instanceof TooManyTagsError) throw new ApiError(326, error.message);
      throw error;
    }
    return true;
  },
});
