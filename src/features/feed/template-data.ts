/**
 * feed.publishUserAction's `template_data`: a JSON object of token name → value, plus at most the
 * platform's media keys (docs/feed-stories.md, "Template data"). Anything else is error 329.
 */
import { ApiError } from '../../wire/errors.js';
import { RESERVED_TOKENS } from './story-tokens.js';

/** Longer than any story line should be; a value past it is cut rather than stored whole. */
export const MAX_VALUE_LENGTH = 10_000;

export interface TemplateData {
  /** Custom token → the app's text (FBML, sanitised when the story is rendered). */
  readonly values: ReadonlyMap<string, string>;
  /** The media keys the app sent (`images`, `flash`, `mp3`, `video`), kept as given. */
  readonly media: Readonly<Record<string, unknown>>;
}

export const NO_TEMPLATE_DATA: TemplateData = { values: new Map(), media: {} };

export function parseTemplateData(raw: string | undefined): TemplateData {
  if (raw === undefined) return NO_TEMPLATE_DATA;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ApiError(329, 'template_data is not valid JSON');
  }
  // PHP's json_encode writes an empty array for an empty dictionary.
  if (Array.isArray(parsed) && parsed.length === 0) return NO_TEMPLATE_DATA;
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new ApiError(329, 'template_data must be a JSON object');
  const values = new Map<string, string>();
  const media: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (RESERVED_TOKENS.has(key)) {
      media[key] = value;
      continue;
    }
    if (typeof value === 'number' && Number.isFinite(value)) values.set(key, String(value));
    else if (typeof value === 'string') values.set(key, value.slice(0, MAX_VALUE_LENGTH));
    else throw new ApiError(329, `template_data value of ${JSON.stringify(key)} must be a string or a number`);
  }
  if (Object.keys(media).length > 1) throw new ApiError(329, 'template_data may carry one kind of media only');
  return { values, media };
}
