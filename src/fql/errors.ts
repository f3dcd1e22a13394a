/** The errors of FQL statements, as `ApiError`s with the platform's codes and a detail saying what and where. */
import { ApiError } from '../wire/errors.js';

export type FqlErrorCode = 601 | 602 | 603 | 604 | 605 | 606 | 611 | 612 | 614 | 102 | 600;

export function fqlError(code: FqlErrorCode, detail: string): ApiError {
  return new ApiError(code, detail);
}

/** `at` is an offset into the statement; people count from 0, as the platform's later messages did. */
export function parseError(detail: string): ApiError {
  return new ApiError(601, detail);
}
