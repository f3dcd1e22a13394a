/**
 * `event_info` of events.create and events.edit: a JSON object whose numbers may come as strings
 * (one toolkit quotes them all) and whose unknown keys are ignored. Reading it gives the changes
 * it names; the service lays them over the defaults (create) or the event (edit).
 */
import { ApiError, invalidParameter } from '../../wire/errors.js';
import { CATEGORIES, SUBCATEGORIES } from './categories.js';
import { EVENT_PRIVACIES, type EventFields, type EventPrivacy } from './records.js';

export const MAX_EVENT_TEXT = 5000;
export type EventChanges = { -readonly [K in keyof EventFields]?: EventFields[K] };

function integerOf(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : undefined;
  if (typeof value === 'string' && /^\s*-?\d{1,16}\s*$/.test(value)) {
    const parsed = Number(value.trim());
    return Number.isSafeInteger(parsed) ? parsed : undefined;
  }
  return undefined;
}

function textOf(info: Record<string, unknown>, key: string): string | undefined {
  const value = info[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' && typeof value !== 'number') throw invalidParameter('event_info', `${key} is not text`);
  const text = String(value);
  if (text.length > MAX_EVENT_TEXT) throw invalidParameter('event_info', `${key} is longer than ${MAX_EVENT_TEXT} characters`);
  return text;
}

function timeOf(info: Record<string, unknown>, key: string): number | undefined {
  const value = info[key];
  if (value === undefined || value === null || value === '') return undefined;
  const time = integerOf(value);
  if (time === undefined) throw new ApiError(1000, `${key} is not a Unix time`);
  return time;
}

/** A numbered choice (1-based) as its name; other values are `code`. */
function choiceOf(info: Record<string, unknown>, key: string, names: readonly string[], code: 140 | 141): string | undefined {
  const value = info[key];
  if (value === undefined || value === null || value === '') return undefined;
  const number = integerOf(value);
  if (number === undefined || number < 1 || number > names.length) throw new ApiError(code, `${key}: ${JSON.stringify(value).slice(0, 40)}`);
  return names[number - 1];
}

/** The object in the parameter; anything but a JSON object is 144, and the first problem of its keys is thrown. */
export function parseEventInfo(raw: string): EventChanges {
  let info: unknown;
  try {
    info = JSON.parse(raw);
  } catch {
    throw new ApiError(144, 'event_info is not JSON');
  }
  if (typeof info !== 'object' || info === null || Array.isArray(info)) throw new ApiError(144, 'event_info is not a JSON object');
  const { changes, problems } = readEventInfo(info as Record<string, unknown>);
  const [first] = problems.values();
  if (first !== undefined) throw first;
  return changes;
}

export interface EventInfoReading {
  /** The keys that could be read. */
  readonly changes: EventChanges;
  /** What was wrong, by key of event_info (`name`, `category`, `start_time`, …), in the order checked. */
  readonly problems: ReadonlyMap<string, ApiError>;
}

/** Every key of an event_info object, read; a key that cannot be read is a problem and no change. Also the browser's create form. */
export function readEventInfo(fields: Record<string, unknown>): EventInfoReading {
  const changes: EventChanges = {};
  const problems = new Map<string, ApiError>();
  const set = <K extends keyof EventChanges>(key: K, wireKey: string, read: () => EventChanges[K] | undefined) => {
    try {
      const value = read();
      if (value !== undefined) changes[key] = value;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      problems.set(wireKey, error);
    }
  };
  set('name', 'name', () => textOf(fields, 'name'));
  set('tagline', 'tagline', () => textOf(fields, 'tagline'));
  set('host', 'host', () => textOf(fields, 'host'));
  set('description', 'description', () => textOf(fields, 'description') ?? textOf(fields, 'desc'));
  set('location', 'location', () => textOf(fields, 'location'));
  set('street', 'street', () => textOf(fields, 'street'));
  set('city', 'city', () => textOf(fields, 'city'));
  set('phone', 'phone', () => textOf(fields, 'phone'));
  set('email', 'email', () => textOf(fields, 'email'));
  set('eventType', 'category', () => choiceOf(fields, 'category', CATEGORIES, 140));
  set('eventSubtype', 'subcategory', () => choiceOf(fields, 'subcategory', SUBCATEGORIES, 141));
  set('startTime', 'start_time', () => timeOf(fields, 'start_time'));
  set('endTime', 'end_time', () => timeOf(fields, 'end_time'));
  set('privacy', 'privacy_type', () => {
    const privacy = textOf(fields, 'privacy_type');
    if (privacy === undefined || privacy === '') return undefined;
    const upper = privacy.toUpperCase();
    if (!(EVENT_PRIVACIES as readonly string[]).includes(upper)) throw invalidParameter('event_info', `privacy_type must be ${EVENT_PRIVACIES.join(', ')}`);
    return upper as EventPrivacy;
  });
  set('hostId', 'host_id', () => {
    if (fields.host_id === undefined || fields.host_id === null || fields.host_id === '') return undefined;
    const hostId = integerOf(fields.host_id);
    if (hostId === undefined) throw invalidParameter('event_info', 'host_id is not a number');
    return hostId;
  });
  return { changes, problems };
}
