/** pages.isAppAdded on both backends: the answers in XML (1/0) and JSON (true/false), and the errors. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RestClientError } from '../../sdk/index.js';
import { hasPostgres } from '../support/postgres.js';
import { answerTo, type Caller, communityCast, XML_ROOT_ATTRIBUTES, type CommunityCast } from './groups-pages.setup.js';
import { looseCall } from './protocol-helpers.js';
import type { ArgumentValue } from '../../sdk/index.js';

describe.each([
  { backend: 'sqlite' as const, skip: false },
  { backend: 'postgres' as const, skip: !hasPostgres },
])('pages.isAppAdded on $backend', ({ backend, skip }) => {
  let cast: CommunityCast;
  beforeAll(async () => {
    if (!skip) cast = await communityCast(backend);
  });
  afterAll(() => cast?.server.close());
  const failure = async (promise: Promise<unknown>) => (await promise.catch((error: unknown) => error)) as RestClientError;
  const answer = (who: Caller, params: Record<string, ArgumentValue>) => answerTo(cast, who, 'pages.isAppAdded', params, 'json');
  const xml = (who: Caller, params: Record<string, ArgumentValue>) => answerTo(cast, who, 'pages.isAppAdded', params);

  it.skipIf(skip)('answers 1 when the page added the calling app, with or without a session', async () => {
    const { band, about } = cast.pages;
    expect(await answer(undefined, { page_id: band.pageId })).toBe('true');
    expect(await answer('dan', { page_id: band.pageId })).toBe('true');
    expect(await answer(undefined, { page_id: about.pageId })).toBe('false');
    expect(await answer(undefined, { page_id: 999 })).toBe('false');
    const other = await cast.server.createApp('web');
    expect(JSON.parse((await cast.server.client(other).callRaw('pages.isAppAdded', { page_id: band.pageId }, { format: 'json' })).body)).toBe(false);
    expect(await xml(undefined, { page_id: band.pageId })).toBe(`<?xml version="1.0" encoding="UTF-8"?>\n<pages_isAppAdded_response ${XML_ROOT_ATTRIBUTES}>1</pages_isAppAdded_response>\n`);
  });

  it.skipIf(skip)('needs a page id (100)', async () => {
    expect((await failure(looseCall(cast.server.client(cast.web), 'pages.isAppAdded', {}))).code).toBe(100);
    expect((await failure(looseCall(cast.server.client(cast.web), 'pages.isAppAdded', { page_id: '1.5' }))).code).toBe(100);
  });
});
