/** Every generator of the main lane, by category; the slow lane's are in slow.ts. */
import { API_CALLS } from './api-calls.js';
import { ENCODINGS } from './encodings.js';
import { HTTP } from './http.js';
import type { GeneratorEntry } from './kit.js';
import { PAGES } from './pages.js';
import { PARAMS } from './params.js';
import { TRUNCATED } from './truncated.js';

export const GENERATORS: readonly GeneratorEntry[] = [...TRUNCATED, ...ENCODINGS, ...PARAMS, ...API_CALLS, ...PAGES, ...HTTP];

export { SLOW } from './slow.js';
