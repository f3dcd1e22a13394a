/**
 * Body parsers for the API endpoint. They never throw into Fastify: a body that cannot be read
 * becomes an `ApiError` that the pipeline reports in the caller's format, after `format` and
 * `callback` are known.
 */
import busboy from 'busboy';
import type { FastifyInstance } from 'fastify';
import { ApiError, invalidParameter } from '../wire/errors.js';
import { checkParameterText, decodeForm, decodeUtf8 } from '../wire/form-decoding.js';
import { MAX_PARAMETERS } from '../wire/request-params.js';
import type { Upload } from '../wire/upload.js';

export interface ParsedBody {
  readonly pairs: Array<[string, string]>;
  readonly error?: ApiError;
  /** The first multipart part with a file name (photos.upload's image), whatever the part's name. */
  readonly upload?: Upload;
}

function readForm(buffer: Buffer): ParsedBody {
  try {
    return { pairs: decodeForm(buffer) };
  } catch (error) {
    if (error instanceof ApiError) return { pairs: [], error };
    throw error;
  }
}

/** `uploadLimit`: the largest file part kept (the rest of a multipart body stays within `bodyLimit`). */
export function registerBodyParsers(app: FastifyInstance, bodyLimit: number, uploadLimit: number): void {
  app.removeAllContentTypeParsers();

  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'buffer', bodyLimit }, (_request, body, done) => {
    done(null, readForm(body as Buffer));
  });

  // The PHP client uploads files as multipart; fields are parameters, and the first file part is
  // kept aside (its contents are not signed). Any further file parts are read and dropped.
  app.addContentTypeParser('multipart/form-data', (request, payload, done) => {
    const pairs: Array<[string, string]> = [];
    let upload: Upload | undefined;
    let fileParts = 0;
    let fieldBytes = 0;
    let finished = false;
    const finish = (error?: ApiError) => {
      if (finished) return;
      finished = true;
      payload.unpipe();
      payload.resume();
      done(null, (error ? { pairs: [], error } : { pairs, upload }) satisfies ParsedBody);
    };
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: request.headers,
        // Bytes in, so names and values are UTF-8 checked strictly below, as form bodies are.
        defCharset: 'latin1',
        defParamCharset: 'latin1',
        limits: { fields: MAX_PARAMETERS, fieldSize: bodyLimit, files: 10, fileSize: uploadLimit, parts: MAX_PARAMETERS + 10 },
      });
    } catch {
      finish(invalidParameter('request body', 'malformed multipart/form-data (no boundary)'));
      return;
    }
    let received = 0;
    payload.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > bodyLimit + uploadLimit) finish(invalidParameter('request body', `larger than ${bodyLimit + uploadLimit} bytes`));
    });
    parser.on('field', (rawName, rawValue, info) => {
      try {
        const name = decodeUtf8(rawName, 'parameter name');
        // Text parts are held to the body limit (the file part to the upload limit).
        fieldBytes += rawValue.length + rawName.length;
        if (info.valueTruncated || fieldBytes > bodyLimit) return finish(invalidParameter('request body', `larger than ${bodyLimit} bytes`));
        const value = decodeUtf8(rawValue, name);
        checkParameterText('parameter name', name);
        checkParameterText(name, value);
        pairs.push([name, value]);
      } catch (error) {
        finish(error as ApiError);
      }
    });
    parser.on('file', (rawName, stream, info) => {
      // A body cut inside a file part fails the file stream as well as the parser; unheard, that
      // error would end the process. The parser's own 'error' below answers the request.
      stream.on('error', () => undefined);
      fileParts++;
      const filename = info.filename;
      if (fileParts > 1 || filename === undefined) {
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => finish(invalidParameter('file', `larger than ${uploadLimit} bytes`)));
      stream.on('end', () => {
        if (finished) return;
        try {
          upload = {
            fieldName: decodeUtf8(rawName, 'parameter name'),
            filename: decodeUtf8(filename, 'file name'),
            declaredType: info.mimeType,
            bytes: Buffer.concat(chunks),
          };
        } catch (error) {
          finish(error as ApiError);
        }
      });
    });
    parser.on('fieldsLimit', () => finish(invalidParameter('request', `more than ${MAX_PARAMETERS} parameters`)));
    parser.on('partsLimit', () => finish(invalidParameter('request', `more than ${MAX_PARAMETERS} parameters`)));
    parser.on('error', () => finish(invalidParameter('request body', 'malformed multipart/form-data')));
    parser.on('close', () => finish());
    payload.pipe(parser);
  });

  // Any other body (JSON, binary) is not something a client of this API sends: say so clearly.
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit }, (request, body, done) => {
    const length = (body as Buffer).length;
    const type = String(request.headers['content-type'] ?? 'none');
    done(
      null,
      length === 0
        ? ({ pairs: [] } satisfies ParsedBody)
        : ({
            pairs: [],
            error: invalidParameter('request body', `unsupported content type ${type}; send application/x-www-form-urlencoded or multipart/form-data`),
          } satisfies ParsedBody),
    );
  });
}
