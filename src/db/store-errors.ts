/** Failures every backend reports in the same terms, so callers never inspect driver errors. */

/** The database cannot be reached or used right now; the API answers error 2. */
export class StoreUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailableError';
  }
}

/** A uniqueness rule was broken (an e-mail or api_key that already exists). */
export class DuplicateError extends Error {
  constructor(readonly field: string) {
    super(`duplicate ${field}`);
    this.name = 'DuplicateError';
  }
}
