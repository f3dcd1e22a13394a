/**
 * A typed client for Hearth (and the platform it re-creates). It sends calls the way the 2009
 * PHP client does — `method`, `session_key`, `api_key`, `v` and `ss` in the query string, the
 * arguments, `call_id`, `format` and `sig` in the POST body — so what works here works for PHP apps.
 */
import { computeSignature } from '../src/wire/signature.js';
import { RESULT_KINDS, type FriendInfo, type FriendListInfo, type StoryTemplate, type StreamAnswer, type TemplateBundle, type ApiMethodName, type ApiMethods, type ResultKind, type SessionInfo, type UserInfo } from './api-methods.js';
import { parseAnswer } from './response-parsing.js';
import type { FqlResult, FqlRow } from './answer-types.js';

export type ArgumentValue = string | number | boolean | null | undefined | ReadonlyArray<string | number>;

export interface RestClientOptions {
  /** The server's base URL (`http://127.0.0.1:8080`) or the full `…/restserver.php` URL. */
  readonly serverUrl: string;
  readonly apiKey: string;
  /** The application secret, or a session secret when `useSessionSecret` is set. */
  readonly secret: string;
  readonly sessionKey?: string;
  /** Sign with a session secret and say so with `ss=1`, as the PHP client's use_session_secret() does. */
  readonly useSessionSecret?: boolean;
  readonly format?: 'xml' | 'json';
  readonly fetch?: typeof fetch;
}

export interface RawCallOptions {
  readonly format?: string;
  readonly callback?: string;
  /** `php` (default): the PHP client's query/body split; `body`: everything in the body; `query`: a signed GET. */
  readonly transport?: 'php' | 'body' | 'query';
  /** Parameters sent as given, unsigned changes included (for tests of bad requests). */
  readonly extra?: Readonly<Record<string, string>>;
  /** Replaces the computed signature. */
  readonly sig?: string;
}

export interface RawAnswer {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

/** Arrays are sent as JSON text (as PHP's json_encode does), booleans as 1 / empty. */
function wireValue(value: ArgumentValue): string | undefined {
  if (value === undefined) return undefined;
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? '1' : '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

function decodeSession(value: unknown): SessionInfo {
  const fields = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const session: SessionInfo = { session_key: String(fields.session_key ?? ''), uid: Number(fields.uid), expires: Number(fields.expires) };
  return fields.secret === undefined ? session : { ...session, secret: String(fields.secret) };
}

/**
 * JSON gives the array itself; XML gives `{ ITEM: … }` with one object or several, ITEM being
 * `user` (users.getInfo) or `standard_user_info` (users.getStandardInfo).
 */
function decodeUsers(value: unknown): UserInfo[] {
  if (Array.isArray(value)) return value as UserInfo[];
  const items = typeof value === 'object' && value !== null ? Object.values(value as Record<string, unknown>)[0] : undefined;
  const list = items === undefined ? [] : Array.isArray(items) ? items : [items];
  return list.map((user) => ({ ...(user as Record<string, unknown>), uid: Number((user as { uid?: unknown }).uid) }));
}

/** The items of a list answer: JSON gives the array; XML gives `{ ITEM: one or several }`, or '' when empty. */
function listItems(value: unknown, itemName: string): unknown[] {
  if (Array.isArray(value)) return value;
  const items = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[itemName] : undefined;
  return items === undefined ? [] : Array.isArray(items) ? items : [items];
}

function decodeFriendInfo(value: unknown): FriendInfo {
  const fields = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  // XML writes a nil are_friends as an empty element; JSON as null.
  const known = fields.are_friends !== null && fields.are_friends !== '' && fields.are_friends !== undefined;
  return { uid1: Number(fields.uid1), uid2: Number(fields.uid2), are_friends: known ? fields.are_friends === true || fields.are_friends === '1' : null };
}

function decodeFriendList(value: unknown): FriendListInfo {
  const fields = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  return { flid: Number(fields.flid), name: String(fields.name ?? '') };
}

function fieldsOf(value: unknown): Record<string, unknown> {
  return (typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {}) as Record<string, unknown>;
}

function decodeStoryTemplate(value: unknown): StoryTemplate {
  const fields = fieldsOf(value);
  return { template_title: String(fields.template_title ?? ''), template_body: String(fields.template_body ?? '') };
}

/** XML gives every list as `{ ITEM: one or several }` (or '' when empty) and numbers as text; JSON arrays and numbers. */
function decodeTemplateBundle(value: unknown): TemplateBundle {
  const fields = fieldsOf(value);
  const full = fieldsOf(fields.full_story_template);
  return {
    one_line_story_templates: listItems(fields.one_line_story_templates, 'one_line_story_template').map(String),
    short_story_templates: listItems(fields.short_story_templates, 'short_story_template').map(decodeStoryTemplate),
    full_story_template: 'template_title' in full || 'template_body' in full ? decodeStoryTemplate(full) : null,
    action_links: listItems(fields.action_links, 'stream_action_link').map((link) => {
      const linkFields = fieldsOf(link);
      return { text: String(linkFields.text ?? ''), href: String(linkFields.href ?? '') };
    }),
    time_created: Number(fields.time_created),
    template_bundle_id: Number(fields.template_bundle_id),
  };
}

/** FQL rows: JSON gives the array; XML gives `{ TABLE: one row or several }`, or '' when there are none. */
function decodeRows(value: unknown): FqlRow[] {
  if (Array.isArray(value)) return value as FqlRow[];
  if (typeof value !== 'object' || value === null) return [];
  const items = Object.values(value as Record<string, unknown>)[0];
  return (items === undefined ? [] : Array.isArray(items) ? items : [items]) as FqlRow[];
}

function decodeResults(value: unknown): FqlResult[] {
  return listItems(value, 'fql_result').map((item) => {
    const fields = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    return { name: String(fields.name ?? ''), fql_result_set: decodeRows(fields.fql_result_set) };
  });
}

/** A scalar answer, also when XML wrote it as a one-item list (`<root_elt>1</root_elt>`, feed.publishUserAction). */
function listedScalar(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const entries = Object.entries(value);
  return entries.length === 1 && entries[0]![0].endsWith('_elt') ? entries[0]![1] : value;
}

function decode(kind: ResultKind, value: unknown): unknown {
  switch (kind) {
    case 'fql_rows':
      return decodeRows(value);
    case 'record':
      return fieldsOf(value) as FqlRow;
    case 'fql_results':
      return decodeResults(value);
    case 'uids':
      return listItems(value, 'uid').map(Number);
    case 'friend_info':
      return listItems(value, 'friend_info').map(decodeFriendInfo);
    case 'friend_lists':
      return listItems(value, 'friendlist').map(decodeFriendList);
    case 'template_bundle':
      return decodeTemplateBundle(value);
    case 'template_bundles':
      return listItems(value, 'template_bundle').map(decodeTemplateBundle);
    case 'stream': {
      const fields = fieldsOf(value);
      return {
        posts: listItems(fields.posts, 'stream_post') as FqlRow[],
        profiles: listItems(fields.profiles, 'profile') as FqlRow[],
        albums: listItems(fields.albums, 'album') as FqlRow[],
      } satisfies StreamAnswer;
    }
    case 'users':
      return decodeUsers(value);
    case 'session':
      return decodeSession(value);
    case 'boolean': {
      const scalar = listedScalar(value);
      return scalar === true || scalar === 1 || scalar === '1';
    }
    case 'number':
      return Number(value);
    case 'string':
      return typeof value === 'string' ? value : String(value ?? '');
  }
}

/**
 * The last call_id this process sent, shared by every client in it: two clients on one session
 * (one for the server's calls, one signing with the session secret, say) must not send a call_id
 * the other already used, which per-client counters allow within the clock's resolution.
 */
let lastCallId = 0;

export class RestClient {
  readonly #options: RestClientOptions;
  readonly #endpoint: string;

  constructor(options: RestClientOptions) {
    this.#options = options;
    this.#endpoint = /restserver\.php$/.test(options.serverUrl) ? options.serverUrl : `${options.serverUrl.replace(/\/$/, '')}/restserver.php`;
  }

  /**
   * A client for calls in a session, as the PHP client continues after auth.getSession: with the
   * session's own secret (desktop apps, or client-side code with `useSessionSecret`) or the same secret.
   */
  withSession(session: { readonly sessionKey: string; readonly secret?: string; readonly useSessionSecret?: boolean }): RestClient {
    return new RestClient({
      ...this.#options,
      sessionKey: session.sessionKey,
      secret: session.secret ?? this.#options.secret,
      useSessionSecret: session.useSessionSecret ?? false,
    });
  }

  /** Calls a method and decodes its answer; an error answer throws `RestClientError` with its code. */
  async call<M extends ApiMethodName>(method: M, params: ApiMethods[M]['params']): Promise<ApiMethods[M]['result']> {
    const format = this.#options.format ?? 'xml';
    const answer = await this.callRaw(method, params as Record<string, ArgumentValue>, { format });
    return decode(RESULT_KINDS[method], parseAnswer(format, answer.body)) as ApiMethods[M]['result'];
  }

  /** A microtime(true)-style float that always grows; on a tie it adds 0.001, as the PHP client does. */
  nextCallId(): string {
    let next = Number((Date.now() / 1000).toFixed(4));
    if (next <= lastCallId) next = Number((lastCallId + 0.001).toFixed(4));
    lastCallId = next;
    return String(next);
  }

  /** Sends a signed call and returns the HTTP answer untouched. */
  async callRaw(method: string, args: Readonly<Record<string, ArgumentValue>>, options: RawCallOptions = {}): Promise<RawAnswer> {
    const { apiKey, secret, sessionKey, useSessionSecret } = this.#options;
    const query: Array<[string, string]> = [
      ['method', method.startsWith('facebook.') ? method : `facebook.${method}`],
      ['session_key', sessionKey ?? ''],
      ['api_key', apiKey],
      ['v', '1.0'],
    ];
    if (useSessionSecret) query.push(['ss', '1']);
    const body: Array<[string, string]> = [];
    for (const [key, value] of Object.entries(args)) {
      const text = wireValue(value);
      if (text !== undefined) body.push([key, text]);
    }
    body.push(['call_id', this.nextCallId()]);
    if (options.format !== undefined) body.push(['format', options.format]);
    if (options.callback !== undefined) body.push(['callback', options.callback]);
    const signed = [...query, ...body];
    const sig = options.sig ?? computeSignature(signed, secret);
    const all = [...signed, ...Object.entries(options.extra ?? {}), ['sig', sig] as [string, string]];

    const transport = options.transport ?? 'php';
    const doFetch = this.#options.fetch ?? fetch;
    let response: Response;
    if (transport === 'query') {
      response = await doFetch(`${this.#endpoint}?${new URLSearchParams(all)}`);
    } else {
      const inQuery = transport === 'php' ? query : [];
      const inBody = transport === 'php' ? all.slice(query.length) : all;
      const url = inQuery.length ? `${this.#endpoint}?${new URLSearchParams(inQuery)}` : this.#endpoint;
      response = await doFetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(inBody).toString(),
      });
    }
    return { status: response.status, contentType: response.headers.get('content-type') ?? '', body: await response.text() };
  }
}
