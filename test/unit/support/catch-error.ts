import { expect } from 'vitest';
import { ApiError } from '../../../src/wire/errors.js';

/** Runs `fn`, expects it to throw an instance of `type`, and returns the error for further checks. */
export function catchError<E extends Error>(type: new (...args: never[]) => E, fn: () => unknown): E {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught, 'expected the call to throw').toBeInstanceOf(type);
  return caught as E;
}

/** Runs `fn` and returns the ApiError it throws, failing the test if it throws nothing or something else. */
export function catchApiError(fn: () => unknown): ApiError {
  return catchError(ApiError, fn);
}
