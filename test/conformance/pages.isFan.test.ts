/** pages.isFan on both backends: the answers in XML (1/0) and JSON (true/false), and the errors. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RestClientError } from '../../sdk/index.js';
import { hasPostgres } from '../support/postgres.js';
import { answerTo, type Caller, communityCast, XML_ROOT_ATTRIBUTES, type CommunityCast } from './groups-pages.setup.js';
import { looseCall } from './protocol-helpers.js';
import type { ArgumentValue } from '../../sdk/index.js';

describe.each([
  { backend: 'sqlite' as const, skip: false },
  { backend: 'postgres' as const, skip: !hasPostgres },
])('pages.isFan on $backend', ({ backend, skip }) => {
  let cast: CommunityCast;
  beforeAll(async () => {
    if (!skip) cast = await communityCast(backend);
  });
  afterAll(() => cast?.server.close());
  const failure = async (promise: Promise<unknown>) => (await promise.catch((error: unknown) => error)) as RestClientError;
  const answer = (who: Caller, params: Record<string, ArgumentValue>) => answerTo(cast, who, 'pages.isFan', params, 'json');
  const xml = (who: Caller, params: Record<string, ArgumentValue>) => answerTo(cast, who, 'pages.isFan', params);

  it.skipIf(skip)('answers 1 for a fan, 0 for others, an unknown page and an application’s About page', async () => {
    const { band, about } = cast.pages;
    expect(await answer('dan', { page_id: band.pageId, uid: cast.bob.uid })).toBe('true');
    expect(await answer('bob', { page_id: band.pageId })).toBe('true');
    expect(await answer('dan', { page_id: band.pageId })).toBe('false');
    expect(await answer('bob', { page_id: about.pageId })).toBe('false');
    expect(await answer('bob', { page_id: 999 })).toBe('false');
    expect(await answer(undefined, { page_id: band.pageId, uid: cast.cleo.uid })).toBe('true');
    expect(await xml('bob', { page_id: band.pageId })).toBe(`<?xml version="1.0" encoding="UTF-8"?>\n<pages_isFan_response ${XML_ROOT_ATTRIBUTES}>1</pages_isFan_response>\n`);
    expect(await xml('dan', { page_id: band.pageId })).toBe(`<?xml version="1.0" encoding="UTF-8"?>\n<pages_isFan_response ${XML_ROOT_ATTRIBUTES}>0</pages_isFan_response>\n`);
  });

  it.skipIf(skip)('needs a uid or a session (102), a page id (100) and a good uid (110)', async () => {
    expect((await failure(looseCall(cast.server.client(cast.web), 'pages.isFan', { page_id: cast.pages.band.pageId }))).code).toBe(102);
    expect((await failure(looseCall(cast.as('bob'), 'pages.isFan', {}))).code).toBe(100);
    expect((await failure(looseCall(cast.as('bob'), 'pages.isFan', { page_id: 'band' }))).code).toBe(100);
    expect((await failure(looseCall(cast.as('bob'), 'pages.isFan', { page_id: cast.pages.band.pageId, uid: 'x' }))).code).toBe(110);
  });
});
