/**
 * Canvas renders remembered (docs/canvas-fbml.md, "Rendering once"). Most canvas traffic is the
 * same few pages of a few apps, answered with the same FBML, so two things are kept, bounded by
 * their estimated memory and dropped least recently used first:
 *
 * - the parsed tree of an FBML text, frozen: rendering only reads it, and freezing makes any
 *   attempt to change a shared tree fail loudly instead of leaking into the next page;
 * - the finished render, under a key of everything it read: the FBML, where the page is, the
 *   viewer, and the facts gathered for this very request (names, friendships, app users). The
 *   facts are fetched fresh for every page, so a renamed person or a new friendship is a new key,
 *   never a stale page. A render that read the clock or signed something (date pickers,
 *   `fb:iframe`) is not kept.
 */
import type { ChildNode, Document } from 'domhandler';
import { LRUCache } from 'lru-cache';
import type { CanvasRenderResult } from './canvas-api.js';
import { parseFbml } from './fbml-parser.js';

/** The default bound, of the estimated memory: about two thousand distinct pages of 2 KB. */
const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

/** A parsed tree takes about 14 times its text's length in memory (measured on a 2 KB page). */
const TREE_BYTES_PER_UNIT = 16;

/** Longer texts are rendered without the cache: one such tree would crowd out hundreds of pages. */
const MAX_CACHED_TEXT = 256 * 1024;

/** Renders kept per FBML text (viewers, pages of the canvas it is answered at); the oldest goes first. */
const RENDERS_PER_TEXT = 64;

export interface CanvasRenderCacheOptions {
  /** Bound of the whole cache: its trees estimated from their texts' length, its renders by theirs. */
  readonly maxBytes?: number;
}

/** One FBML text: its frozen tree, and the renders made of it. */
export class CachedFbml {
  readonly #renders = new Map<string, CanvasRenderResult>();
  #size: number;

  readonly #grew: (entry: CachedFbml) => void;

  constructor(
    readonly document: Document,
    treeSize: number,
    grew: (entry: CachedFbml) => void,
  ) {
    this.#size = treeSize;
    this.#grew = grew;
  }

  get size(): number {
    return this.#size;
  }

  render(key: string): CanvasRenderResult | undefined {
    return this.#renders.get(key);
  }

  remember(key: string, result: CanvasRenderResult): void {
    if (this.#renders.has(key)) return;
    if (this.#renders.size >= RENDERS_PER_TEXT) {
      const [oldestKey, oldest] = this.#renders.entries().next().value!;
      this.#renders.delete(oldestKey);
      this.#size -= sizeOf(oldestKey, oldest);
    }
    this.#renders.set(key, result);
    this.#size += sizeOf(key, result);
    this.#grew(this);
  }
}

export class CanvasRenderCache {
  readonly #texts: LRUCache<string, CachedFbml>;

  constructor(options: CanvasRenderCacheOptions = {}) {
    // An entry larger than the whole cache is simply not kept (lru-cache refuses it).
    this.#texts = new LRUCache({ maxSize: options.maxBytes ?? DEFAULT_MAX_BYTES, sizeCalculation: (entry) => entry.size });
  }

  /** The FBML text's entry: its tree parsed once (read-only: frozen), and its renders; none for a text too long to keep. */
  text(fbml: string): CachedFbml | undefined {
    if (fbml.length > MAX_CACHED_TEXT) return undefined;
    const known = this.#texts.get(fbml);
    if (known) return known;
    const entry = new CachedFbml(freezeTree(parseFbml(fbml)), Math.max(1, fbml.length * TREE_BYTES_PER_UNIT), (grown) => {
      // Set again, so the cache counts the entry's new size (and may drop others, or this one).
      if (this.#texts.peek(fbml) === grown) this.#texts.set(fbml, grown);
    });
    this.#texts.set(fbml, entry);
    return entry;
  }
}

function sizeOf(key: string, result: CanvasRenderResult): number {
  return key.length + (result.kind === 'page' ? result.html.length + (result.title?.length ?? 0) + result.problems.reduce((sum, problem) => sum + problem.length, 0) : result.url.length);
}

function freezeTree(document: Document): Document {
  const pending: ChildNode[] = [...document.children];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if ('children' in node) {
      pending.push(...node.children);
      Object.freeze(node.children);
    }
    if ('attribs' in node) Object.freeze(node.attribs);
    Object.freeze(node);
  }
  Object.freeze(document.children);
  return Object.freeze(document);
}
