/**
 * Raw HTTP over `node:net`, so that requests may be as malformed as a case wants: one connection
 * per exchange, the case's bytes written chunk by chunk (with pauses for slow cases, then
 * optionally a half-close), and every byte the server sends back read and split into responses.
 * An exchange ends when the expected number of responses has arrived, when the server closes
 * the connection, or at its deadline (a hang).
 */
import net from 'node:net';

export interface Chunk {
  readonly bytes: Buffer;
  /** Milliseconds to wait before writing this chunk. */
  readonly delayMs?: number;
}

export interface Exchange {
  readonly chunks: readonly Chunk[];
  /** End our side of the connection after the last chunk (the server sees EOF, can still answer). */
  readonly halfClose?: boolean;
  /** Final (non-1xx) responses to wait for: one per pipelined request. Default 1. */
  readonly responses?: number;
  /** Which of the pipelined requests are HEAD (their responses have no body). */
  readonly head?: readonly boolean[];
  /** Give up (a hang) after this many milliseconds. */
  readonly deadlineMs: number;
}

export interface RawResponse {
  readonly status: number;
  readonly statusLine: string;
  /** Header names in lower case, in order. */
  readonly headers: ReadonlyArray<readonly [string, string]>;
  readonly body: Buffer;
  /** The body ended with the connection (no length given), or was cut short by it. */
  readonly bodyUntilClose: boolean;
  /** The connection closed before the body announced by Content-Length or chunking was complete. */
  readonly incomplete: boolean;
}

export function header(response: RawResponse, name: string): string | undefined {
  const lower = name.toLowerCase();
  return response.headers.find(([key]) => key === lower)?.[1];
}

export type Ending =
  /** Every expected response arrived. */
  | 'answered'
  /** The server closed (or reset) the connection first. */
  | 'closed'
  /** Neither in time. */
  | 'deadline'
  /** We could not even connect. */
  | 'connect-failed';

export interface ExchangeResult {
  readonly ending: Ending;
  readonly responses: RawResponse[];
  /** 1xx interim responses (100 Continue) seen before the final ones. */
  readonly interim: number[];
  /** Bytes after the last response that are not HTTP. */
  readonly garbage?: string;
  readonly socketError?: string;
  readonly elapsedMs: number;
  readonly bytesSent: number;
  /** Every chunk was written (false when the server closed while the request was still going out). */
  readonly allWritten: boolean;
  readonly bytesReceived: number;
}

const HEADER_END = Buffer.from('\r\n\r\n');

type Parsed = { response: RawResponse; consumed: number } | { interim: number; consumed: number } | 'need-more' | { garbage: string };

/** One response (or interim response) from the front of `data`; `closed` says no more bytes will come. */
function parseOne(data: Buffer, head: boolean, closed: boolean): Parsed {
  const end = data.indexOf(HEADER_END);
  if (end === -1) {
    if (closed && data.length > 0) return { garbage: data.subarray(0, 200).toString('latin1') };
    return 'need-more';
  }
  const lines = data.subarray(0, end).toString('latin1').split('\r\n');
  const statusLine = lines[0] ?? '';
  const match = /^HTTP\/1\.[01] (\d{3})(?: .*)?$/.exec(statusLine);
  if (!match) return { garbage: data.subarray(0, 200).toString('latin1') };
  const status = Number(match[1]);
  const headers: Array<[string, string]> = [];
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.push([line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()]);
  }
  const start = end + 4;
  if (status >= 100 && status < 200 && status !== 101) return { interim: status, consumed: start };
  const get = (name: string) => headers.find(([key]) => key === name)?.[1];
  const done = (body: Buffer, consumed: number, extra: Partial<RawResponse> = {}): Parsed => ({
    response: { status, statusLine, headers, body, bodyUntilClose: false, incomplete: false, ...extra },
    consumed,
  });
  if (head || status === 204 || status === 304) return done(Buffer.alloc(0), start);
  if (get('transfer-encoding')?.toLowerCase().includes('chunked')) {
    const parts: Buffer[] = [];
    let at = start;
    for (;;) {
      const lineEnd = data.indexOf('\r\n', at);
      if (lineEnd === -1) return closed ? done(Buffer.concat(parts), data.length, { incomplete: true }) : 'need-more';
      const size = parseInt(data.subarray(at, lineEnd).toString('latin1'), 16);
      if (!Number.isFinite(size) || size < 0) return { garbage: data.subarray(at, at + 200).toString('latin1') };
      if (size === 0) {
        // Trailers (none expected) end with an empty line.
        const trailerEnd = data.indexOf('\r\n', lineEnd + 2);
        if (trailerEnd === -1) return closed ? done(Buffer.concat(parts), data.length) : 'need-more';
        return done(Buffer.concat(parts), trailerEnd + 2);
      }
      if (data.length < lineEnd + 2 + size + 2) return closed ? done(Buffer.concat([...parts, data.subarray(lineEnd + 2)]), data.length, { incomplete: true }) : 'need-more';
      parts.push(data.subarray(lineEnd + 2, lineEnd + 2 + size));
      at = lineEnd + 2 + size + 2;
    }
  }
  const length = get('content-length');
  if (length !== undefined) {
    const size = Number(length);
    if (!Number.isSafeInteger(size) || size < 0) return { garbage: `bad Content-Length ${length}` };
    if (data.length - start < size) return closed ? done(data.subarray(start), data.length, { incomplete: true }) : 'need-more';
    return done(data.subarray(start, start + size), start + size);
  }
  // No length: the body runs to the end of the connection.
  return closed ? done(data.subarray(start), data.length, { bodyUntilClose: true }) : 'need-more';
}

export function exchange(host: string, port: number, request: Exchange): Promise<ExchangeResult> {
  const expected = request.responses ?? 1;
  const started = performance.now();
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.setNoDelay(true);
    let received: Buffer = Buffer.alloc(0);
    let bytesReceived = 0;
    let bytesSent = 0;
    let allWritten = false;
    let connected = false;
    let socketError: string | undefined;
    let finished = false;
    const responses: RawResponse[] = [];
    const interim: number[] = [];
    let garbage: string | undefined;
    const timers = new Set<NodeJS.Timeout>();

    const drain = (closed: boolean) => {
      while (garbage === undefined && responses.length < expected) {
        const parsed = parseOne(received, request.head?.[responses.length] ?? false, closed);
        if (parsed === 'need-more') return;
        if ('garbage' in parsed) {
          garbage = parsed.garbage;
          return;
        }
        received = received.subarray(parsed.consumed);
        if ('interim' in parsed) interim.push(parsed.interim);
        else responses.push(parsed.response);
        if (received.length === 0 && !closed) return;
      }
    };

    const finish = (ending: Ending) => {
      if (finished) return;
      finished = true;
      for (const timer of timers) clearTimeout(timer);
      socket.destroy();
      if (ending !== 'answered' && ending !== 'deadline') drain(true);
      if (garbage === undefined && responses.length >= expected && received.length > 0 && ending === 'closed') {
        garbage = received.subarray(0, 200).toString('latin1');
      }
      resolve({
        ending: !connected ? 'connect-failed' : ending,
        responses,
        interim,
        garbage,
        socketError,
        elapsedMs: Math.round(performance.now() - started),
        bytesSent,
        allWritten,
        bytesReceived,
      });
    };

    const deadline = setTimeout(() => finish('deadline'), request.deadlineMs);
    timers.add(deadline);

    socket.on('connect', () => {
      connected = true;
      let index = 0;
      const writeNext = () => {
        if (finished || socket.destroyed || !socket.writable) return;
        const chunk = request.chunks[index++];
        if (!chunk) {
          allWritten = true;
          if (request.halfClose) socket.end();
          return;
        }
        const write = () => {
          if (finished || socket.destroyed || !socket.writable) return;
          bytesSent += chunk.bytes.length;
          socket.write(chunk.bytes, (error) => {
            if (!error) writeNext();
          });
        };
        if (chunk.delayMs && chunk.delayMs > 0) {
          const timer = setTimeout(() => {
            timers.delete(timer);
            write();
          }, chunk.delayMs);
          timers.add(timer);
        } else write();
      };
      writeNext();
    });
    socket.on('data', (data: Buffer) => {
      bytesReceived += data.length;
      received = received.length === 0 ? data : Buffer.concat([received, data]);
      drain(false);
      if (responses.length >= expected || garbage !== undefined) finish('answered');
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      socketError ??= error.code ?? error.message;
    });
    socket.on('close', () => finish('closed'));
  });
}

/** Runs `tasks` with at most `limit` at once; `next` returns undefined when there are no more. */
export async function pool(limit: number, next: () => (() => Promise<void>) | undefined): Promise<void> {
  let stopped = false;
  const worker = async () => {
    while (!stopped) {
      const task = next();
      if (!task) {
        stopped = true;
        return;
      }
      await task();
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
}
