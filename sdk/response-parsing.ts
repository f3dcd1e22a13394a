/** Reading answers in either format, and recognising the error envelope in both. */
import { XMLParser } from 'fast-xml-parser';

export interface RequestArg {
  readonly key: string;
  readonly value: string;
}

/** An `error_response` from the server, carrying its code (docs/protocol-choices.md, "Errors"). */
export class RestClientError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly requestArgs: readonly RequestArg[],
  ) {
    super(message);
    this.name = 'RestClientError';
  }
}

const xmlParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  // Profile FBML may begin or end with whitespace that is part of the stored text.
  trimValues: false,
  // Numeric character references (`&#13;` for a carriage return) are XML; decode them as any XML parser does.
  htmlEntities: true,
  isArray: (name, path) => name === 'arg' && String(path).endsWith('request_args.arg'),
});

/** A parsed XML element: its text, or its children (whitespace between elements dropped). */
export type XmlNode = string | { readonly [name: string]: XmlNode | XmlNode[] };

function clean(node: unknown): XmlNode {
  if (typeof node !== 'object' || node === null) return String(node ?? '');
  const out: Record<string, XmlNode | XmlNode[]> = {};
  let text = '';
  for (const [key, value] of Object.entries(node)) {
    if (key === '#text') text = String(value);
    else if (key.startsWith('@')) continue;
    else out[key] = Array.isArray(value) ? value.map(clean) : clean(value);
  }
  return Object.keys(out).length === 0 ? text : out;
}

/** The root element's name and content of an XML answer. */
export function parseXmlDocument(body: string): { root: string; content: XmlNode } {
  const parsed = xmlParser.parse(body) as Record<string, unknown>;
  const root = Object.keys(parsed).find((key) => key !== '?xml');
  if (root === undefined) throw new Error('the server answered with an XML document that has no root element');
  return { root, content: clean(parsed[root]) };
}

function throwIfXmlError(root: string, content: XmlNode): void {
  if (root !== 'error_response' || typeof content !== 'object') return;
  const args = content.request_args;
  const list = typeof args === 'object' && !Array.isArray(args) ? args.arg : undefined;
  const requestArgs = (Array.isArray(list) ? list : []).map((arg) => {
    const pair = arg as Record<string, XmlNode>;
    return { key: String(pair.key ?? ''), value: String(pair.value ?? '') };
  });
  throw new RestClientError(Number(content.error_code), String(content.error_msg ?? ''), requestArgs);
}

function throwIfJsonError(value: unknown): void {
  if (typeof value !== 'object' || value === null || !('error_code' in value)) return;
  const error = value as { error_code: unknown; error_msg?: unknown; request_args?: unknown };
  const requestArgs = Array.isArray(error.request_args) ? (error.request_args as RequestArg[]) : [];
  throw new RestClientError(Number(error.error_code), String(error.error_msg ?? ''), requestArgs);
}

/** The answer as plain data, or a thrown `RestClientError`. XML scalars come back as text. */
export function parseAnswer(format: 'xml' | 'json', body: string): unknown {
  if (format === 'json') {
    const value: unknown = JSON.parse(body);
    throwIfJsonError(value);
    return value;
  }
  const { root, content } = parseXmlDocument(body);
  throwIfXmlError(root, content);
  return content;
}
