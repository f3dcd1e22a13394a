/** pages.isAdmin on both backends: the answers in XML (1/0) and JSON (true/false), and the errors. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RestClientError } from '../../sdk/index.js';
import { hasPostgres } from '../support/postgres.js';
import { answerTo, type Caller, communityCast, XML_ROOT_ATTRIBUTES, type CommunityCast } from './groups-pages.setup.js';
import { looseCall } from './protocol-helpers.js';
import type { ArgumentValue } from '../../sdk/index.js';

describe.each([
  { backend: 'sqlite' as const, skip: false },
  { backend: 'postgres' as const, skip: !hasPostgres },
])('pages.isAdmin on $backend', ({ backend, skip }) => {
  let cast: CommunityCast;
  beforeAll(async () => {
    if (!skip) cast = await communityCast(backend);
  });
  afterAll(() => cast?.server.close());
  const failure = async (promise: Promise<unknown>) => (await promise.catch((error: unknown) => error)) as RestClientError;
  const answer = (who: Caller, params: Record<string, ArgumentValue>) => answerTo(cast, who, 'pages.isAdmin', params, 'json');
  const xml = (who: Caller, params: Record<string, ArgumentValue>) => answerTo(cast, who, 'pages.isAdmin', params);

  it.skipIf(skip)('answers 1 for an admin, 0 for others and for an unknown page', async () => {
    const { band, about } = cast.pages;
    expect(await answer('ada', { page_id: band.pageId })).toBe('true');
    expect(await answer('bob', { page_id: band.pageId, uid: cast.ada.uid })).toBe('true');
    expect(await answer('bob', { page_id: band.pageId })).toBe('false');
    expect(await answer('ada', { page_id: about.pageId })).toBe('false');
    expect(await answer('ada', { page_id: 999 })).toBe('false');
    expect(await answer(undefined, { page_id: about.pageId, uid: cast.dan.uid })).toBe('true');
    expect(await xml('ada', { page_id: band.pageId })).toBe(`<?xml version="1.0" encoding="UTF-8"?>\n<pages_isAdmin_response ${XML_ROOT_ATTRIBUTES}>1</pages_isAdmin_response>\n`);
  });

  it.skipIf(skip)('needs a uid or a session (102), a page id (100) and a good uid (110)', async () => {
    expect((await failure(looseCall(cast.server.client(cast.web), 'pages.isAdmin', { page_id: cast.pages.band.pageId }))).code).toBe(102);
    expect((await failure(looseCall(cast.as('ada'), 'pages.isAdmin', {}))).code).toBe(100);
    expect((await failure(looseCall(cast.as('ada'), 'pages.isAdmin', { page_id: '-4' }))).code).toBe(100);
    expect((await failure(looseCall(cast.as('ada'), 'pages.isAdmin', { page_id: cast.pages.band.pageId, uid: '0' }))).code).toBe(110);
  });
});
