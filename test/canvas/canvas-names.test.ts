/** Canvas names never shadow Hearth's own pages: every first path segment a server serves is reserved. */
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { buildServer } from '../../src/http/build-server.js';
import { canvasNameInPath, RESERVED_CANVAS_NAMES } from '../../src/features/canvas/canvas-names.js';
import { createServices, SqliteStore } from '../../src/platform.js';

describe('canvas names', () => {
  it('reserves every first path segment Hearth serves that a canvas name could spell', async () => {
    const store = SqliteStore.open(':memory:');
    const server = await buildServer({
      config: { dev: false, trustProxy: false, bodyLimit: 1024, desktopHttps: 'off' },
      store,
      services: createServices(store),
      logger: pino({ level: 'silent' }),
    });
    await server.ready();
    // The top level of the route tree: `    ├── inbox (GET, HEAD)`, `    ├── js/photo-upload.js (GET, HEAD)` …
    const segments = [...server.printRoutes({ commonPrefix: false }).matchAll(/^ {4}[├└]── ([^\s/]+)/gm)].map((match) => match[1]!);
    await server.close();
    await store.close();
    const spellable = segments.filter((segment) => !segment.startsWith(':') && /^[a-z0-9_-]{3,32}$/.test(segment));
    expect(spellable.length).toBeGreaterThan(5);
    expect(spellable.filter((segment) => !RESERVED_CANVAS_NAMES.has(segment))).toEqual([]);
  });

  it('looks up only names an app could have, in any case', () => {
    expect(canvasNameInPath('HearthDemo')).toBe('hearthdemo');
    expect(canvasNameInPath('inbox')).toBeUndefined();
    expect(canvasNameInPath('home.php')).toBeUndefined();
    expect(canvasNameInPath('ab')).toBeUndefined();
  });
});
