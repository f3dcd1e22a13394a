/**
 * What counts as a right answer. Every exchange must end with an answer (or, where allowed, a
 * closed connection) before its deadline; every answer must be below 500; an answer from the
 * API must be its own envelope (XML, JSON or JSONP, HTTP 200 as docs/protocol-choices.md says);
 * a page answer must be an HTML page, a redirect, the stylesheet or a 304.
 */
import { XMLValidator } from 'fast-xml-parser';
import { header, type ExchangeResult, type RawResponse } from './engine.js';
import type { AnswerKind, FuzzCase } from './cases/kit.js';

const RESPONSE_ROOT = /^<\?xml[^>]*\?>\s*<([A-Za-z_][\w.-]*)/;
const JSONP = /^([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\(([\s\S]*)\);?\s*$/;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function describe(response: RawResponse): string {
  const type = header(response, 'content-type') ?? 'no content-type';
  const body = response.body.length === 0 ? 'an empty body' : JSON.stringify(response.body.subarray(0, 160).toString('utf8'));
  return `HTTP ${response.status} (${type}) with ${body}`;
}

/** Undefined when `response` is the API's envelope; otherwise what is wrong with it. */
export function apiProblem(response: RawResponse, head: boolean): string | undefined {
  if (response.status !== 200) return `the API answered ${describe(response)}, not its HTTP 200 envelope`;
  const type = (header(response, 'content-type') ?? '').toLowerCase();
  const text = response.body.toString('utf8');
  if (head) {
    return /^(text\/xml|application\/json|text\/javascript)/.test(type) ? undefined : `the API answered HEAD with ${describe(response)}`;
  }
  if (type.startsWith('text/xml')) {
    const root = RESPONSE_ROOT.exec(text)?.[1];
    if (!root) return `not an API XML document: ${describe(response)}`;
    if (root !== 'error_response' && !root.endsWith('_response')) return `XML root <${root}> is neither error_response nor a result: ${describe(response)}`;
    const valid = XMLValidator.validate(text);
    if (valid !== true) return `XML that does not parse (${valid.err.msg} at line ${valid.err.line}): ${describe(response)}`;
    return undefined;
  }
  if (type.startsWith('application/json')) {
    try {
      JSON.parse(text);
      return undefined;
    } catch {
      return `JSON that does not parse: ${describe(response)}`;
    }
  }
  if (type.startsWith('text/javascript')) {
    const match = JSONP.exec(text);
    if (!match) return `JSONP that is not callback(...): ${describe(response)}`;
    try {
      JSON.parse(match[2]!);
      return undefined;
    } catch {
      return `JSONP whose argument is not JSON: ${describe(response)}`;
    }
  }
  return `not an API envelope: ${describe(response)}`;
}

/** The envelope the server sends for a request it could not read as HTTP (any path). */
function isUnreadableEnvelope(response: RawResponse): boolean {
  return apiProblem(response, false) === undefined && response.body.toString('utf8').includes('<error_response');
}

function pageProblem(response: RawResponse, head: boolean, kind: AnswerKind): string | undefined {
  if (REDIRECTS.has(response.status)) return header(response, 'location') ? undefined : `a redirect without Location: ${describe(response)}`;
  if (response.status === 304) return undefined;
  const type = (header(response, 'content-type') ?? '').toLowerCase();
  if (kind === 'stylesheet' && response.status === 200 && type.startsWith('text/css')) return undefined;
  if (type.startsWith('text/html') && (head || /<html[\s>]/i.test(response.body.toString('utf8')))) return undefined;
  return `a page answered ${describe(response)}, not an HTML page, a redirect or a 304`;
}

function answerProblem(kind: AnswerKind, response: RawResponse, head: boolean, unreadable: boolean): string | undefined {
  if (response.status >= 500) return `5xx: ${describe(response)}`;
  if (response.incomplete) return `answer cut short: ${describe(response)}`;
  if (kind === 'api' || kind === 'unreadable') return apiProblem(response, head);
  if (unreadable && isUnreadableEnvelope(response)) return undefined;
  if (kind === 'page' || kind === 'stylesheet') return pageProblem(response, head, kind);
  // Probes and paths nobody serves: any answer below 500 will do.
  return undefined;
}

/**
 * The server closed (and the kernel reset) the connection while the request was still being
 * written, and no answer got through: what a server that answers an oversized request early and
 * closes at once risks (RFC 9112 §9.6 asks for a lingering close). Counted and reported, not failed:
 * whether the answer survives the reset is a race on the client's side.
 */
export function lostToReset(fuzzCase: FuzzCase, result: ExchangeResult): boolean {
  return result.ending === 'closed' && result.responses.length === 0 && !result.allWritten && fuzzCase.mustAnswer !== false && ['EPIPE', 'ECONNRESET'].includes(result.socketError ?? '');
}

/** Every problem with one exchange; empty when it passed. */
export function checkExchange(fuzzCase: FuzzCase, result: ExchangeResult, deadlineMs: number): string[] {
  const problems: string[] = [];
  const expected = fuzzCase.answers.length;
  if (result.ending === 'connect-failed') return [`could not connect (${result.socketError ?? 'no reason'})`];
  if (result.ending === 'deadline') {
    const got = result.responses.length > 0 ? ` (after ${result.responses.length} of ${expected} answers)` : '';
    problems.push(`hang: neither an answer nor a closed connection within ${deadlineMs} ms${got}`);
  }
  if (result.garbage !== undefined) {
    // The usual cause: the unreadable-request envelope written straight to the socket ahead of the answers still due to earlier pipelined requests.
    const hint = expected > 1 && result.garbage.startsWith('<?xml') ? ' (an answer arrived out of order: a body where a HEAD answer or a later request was due)' : '';
    problems.push(`bytes that are not an HTTP response${hint}: ${JSON.stringify(result.garbage.slice(0, 120))}`);
  }
  result.responses.forEach((response, index) => {
    const problem = answerProblem(fuzzCase.answers[index] ?? 'unknown-path', response, fuzzCase.exchange.head?.[index] ?? false, fuzzCase.unreadable === true);
    if (problem) problems.push(expected > 1 ? `answer ${index + 1}: ${problem}` : problem);
  });
  if (result.ending === 'closed' && result.responses.length < expected) {
    const last = result.responses[result.responses.length - 1];
    const announcedClose = last !== undefined && (header(last, 'connection')?.toLowerCase() === 'close' || last.status >= 400);
    if (result.responses.length === 0) {
      if (fuzzCase.mustAnswer !== false && !lostToReset(fuzzCase, result)) problems.push(`connection closed without an answer${result.socketError ? ` (${result.socketError})` : ''}`);
    } else if (!announcedClose) {
      problems.push(`connection closed after ${result.responses.length} of ${expected} answers, without saying it would close`);
    }
  }
  return problems;
}
