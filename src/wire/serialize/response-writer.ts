/**
 * Chooses the wire format of a response (`format`; XML unless JSON is asked for) and writes results
 * and errors through the same serialisers, wrapped in a JSONP callback when one was asked for
 * (docs/protocol-choices.md, "Responses").
 */
import { ApiError, invalidParameter } from '../errors.js';
import { ApiList, type ApiValue } from '../values.js';
import { phpStyleJson, serializeJson } from './json-serializer.js';
import { serializeXml, type XmlOptions } from './xml-serializer.js';

export type WireFormat = 'xml' | 'json' | 'json-strings';

export interface Rendering {
  readonly format: WireFormat;
  /** A validated JSONP function name. */
  readonly callback: string | undefined;
}

export interface WireResponse {
  readonly contentType: string;
  readonly body: string;
}

/** A JavaScript identifier or a dotted path of them (`FB.RestServer._callbacks.abc`); nothing else is ever echoed. */
const CALLBACK_NAME = /^[A-Za-z_$][A-Za-z0-9_$]*(?:\.[A-Za-z_$][A-Za-z0-9_$]*)*$/;
const MAX_CALLBACK_LENGTH = 256;

export function parseFormat(raw: string | undefined): WireFormat {
  const format = raw?.toLowerCase();
  if (format === 'json') return 'json';
  if (format === 'json-strings') return 'json-strings';
  return 'xml';
}

/**
 * Reads `format` and `callback`. A callback that is not a plain name is refused with error 100,
 * rendered without any wrapping so the caller's text never reaches the response.
 */
export function readRendering(format: string | undefined, callback: string | undefined): { rendering: Rendering; error?: ApiError } {
  const wireFormat = parseFormat(format);
  if (callback === undefined || callback === '') return { rendering: { format: wireFormat, callback: undefined } };
  if (callback.length > MAX_CALLBACK_LENGTH || !CALLBACK_NAME.test(callback)) {
    return {
      rendering: { format: wireFormat, callback: undefined },
      error: invalidParameter('callback', 'must be a JavaScript function name'),
    };
  }
  return { rendering: { format: wireFormat, callback } };
}

function wrap(rendering: Rendering, xmlOrJson: string): WireResponse {
  if (rendering.callback !== undefined) {
    const argument = rendering.format === 'xml' ? phpStyleJson(xmlOrJson) : xmlOrJson;
    return { contentType: 'text/javascript; charset=utf-8', body: `${rendering.callback}(${argument});` };
  }
  return rendering.format === 'xml'
    ? { contentType: 'text/xml; charset=utf-8', body: xmlOrJson }
    : { contentType: 'application/json; charset=utf-8', body: xmlOrJson };
}

function encode(rendering: Rendering, rootName: string, value: ApiValue, xmlOptions?: XmlOptions): string {
  return rendering.format === 'xml'
    ? serializeXml(rootName, value, xmlOptions)
    : serializeJson(value, { numbersAsStrings: rendering.format === 'json-strings' });
}

/** `method` is the canonical name (`users.isAppUser`); the root element is `users_isAppUser_response`. */
export function writeResult(rendering: Rendering, method: string, value: ApiValue, xmlOptions?: XmlOptions): WireResponse {
  return wrap(rendering, encode(rendering, `${method.replace(/\./g, '_')}_response`, value, xmlOptions));
}

/** The `error_response` envelope (code, message, `request_args`); `requestArgs` are all parameters in the order received. */
export function writeError(rendering: Rendering, error: ApiError, requestArgs: ReadonlyArray<readonly [string, string]>): WireResponse {
  const value: ApiValue = {
    error_code: error.code,
    error_msg: error.message,
    request_args: new ApiList('arg', requestArgs.map(([key, argValue]) => ({ key, value: argValue }))),
  };
  // error_code stays a number even for json-strings: clients compare it numerically.
  const body = rendering.format === 'xml' ? serializeXml('error_response', value) : serializeJson(value);
  return wrap(rendering, body);
}
