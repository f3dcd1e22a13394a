/**
 * A file sent with an API call or a page's form as a multipart part: the image of photos.upload.
 * Its bytes are not signed (the clients sign the text parts only) and its declared type is only
 * what the client said, never trusted for what the bytes are.
 */
export interface Upload {
  /** The part's name: none, `_file`, `filename`… each client its own. */
  readonly fieldName: string;
  readonly filename: string;
  /** The part's Content-Type as sent. */
  readonly declaredType: string;
  readonly bytes: Buffer;
}
