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

/** The object in the parameter; anything but a JSON object is 144. */
export function parseEventInfo(raw: string): EventChanges {
  let info: unknown;
  try {
    info = JSON.parse(raw);
  } catch {
    throw new ApiError(144, 'event_info is not JSON');
  }
  if (typeof info !== 'object' || info === null || Array.isArray(info)) throw new ApiError(144, 'event_info is not a JSON object');
  const fields = info as Record<string, unknown>;
  const changes: EventChanges = {};
  const set = <K extends keyof EventChanges>(key: K, value: EventChanges[K] | undefined) => {
    if (value !== undefined) changes[key] = value;
  };
  set('name', textOf(fields, 'name'));
  set('tagline', textOf(fields, 'tagline'));
  set('host', textOf(fields, 'host'));
  set('description', textOf(fields, 'description') ?? textOf(fields, 'desc'));
  set('location', textOf(fields, 'location'));
  set('street', textOf(fields, 'street'));
  set('city', textOf(fields, 'city'));
  set('phone', textOf(fields, 'phone'));
  set('email', textOf(fields, 'email'));
  set('eventType', choiceOf(fields, 'category', CATEGORIES, 140));
  set('eventSubtype', choiceOf(fields, 'subcategory', SUBCATEGORIES, 141));
  set('startTime', timeOf(fields, 'start_time'));
  set('endTime', timeOf(fields, 'end_time'));
  const privacy = textOf(fields, 'privacy_type');
  if (privacy !== undefined && privacy !== '') {
    const upper = privacy.toUpperCase();
    if (!(EVENT_PRIVACIES as readonly string[]).includes(upper)) throw invalidParameter('event_info', `privacy_type must be ${EVENT_PRIVACIES.join(', ')}`);
    changes.privacy = upper as EventPrivacy;
  }
  if (fields.host_id !== undefined && fields.host_id !== null && fields.host_id !== '') {
    const hostId = integerOf(fields.host_id);
    if (hostId === undefined) throw invalidParameter('event_info', 'host_id is not a number');
    changes.hostId = hostId;
  }
  return changes;
}
