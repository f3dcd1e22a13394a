/** The bundle the feed.getRegisteredTemplateBundle* suites register (the wiki's game example), as answered in XML and JSON, and how they register it. */
import { expect } from 'vitest';
import type { App } from '../../src/features/apps/records.js';
import type { TestServer } from '../support/test-server.js';

export const GAME = {
  one_line_story_templates: JSON.stringify(['{*actor*} played {*game*} with {*target*}.', '{*actor*} played a game.']),
  short_story_templates: JSON.stringify([{ template_title: '{*actor*} played {*game*} with {*target*}.', template_body: 'The score was {*score*}.' }]),
  full_story_template: JSON.stringify({ template_title: '{*actor*} played {*game*} with {*target*}.', template_body: 'The score was {*score*}.' }),
  action_links: JSON.stringify([{ text: 'Play too', href: 'http://example.org/play' }]),
};

export function gameXml(id: string, time: number, depth: number): string {
  const pad = '  '.repeat(depth);
  return (
    `${pad}<one_line_story_templates list="true">\n` +
    `${pad}  <one_line_story_template>{*actor*} played {*game*} with {*target*}.</one_line_story_template>\n` +
    `${pad}  <one_line_story_template>{*actor*} played a game.</one_line_story_template>\n` +
    `${pad}</one_line_story_templates>\n` +
    `${pad}<short_story_templates list="true">\n` +
    `${pad}  <short_story_template>\n` +
    `${pad}    <template_title>{*actor*} played {*game*} with {*target*}.</template_title>\n` +
    `${pad}    <template_body>The score was {*score*}.</template_body>\n` +
    `${pad}  </short_story_template>\n` +
    `${pad}</short_story_templates>\n` +
    `${pad}<full_story_template>\n` +
    `${pad}  <template_title>{*actor*} played {*game*} with {*target*}.</template_title>\n` +
    `${pad}  <template_body>The score was {*score*}.</template_body>\n` +
    `${pad}</full_story_template>\n` +
    `${pad}<action_links list="true">\n` +
    `${pad}  <stream_action_link>\n` +
    `${pad}    <text>Play too</text>\n` +
    `${pad}    <href>http://example.org/play</href>\n` +
    `${pad}  </stream_action_link>\n` +
    `${pad}</action_links>\n` +
    `${pad}<time_created>${time}</time_created>\n` +
    `${pad}<template_bundle_id>${id}</template_bundle_id>\n`
  );
}

export const gameJson = (id: string, time: number) =>
  '{"one_line_story_templates":["{*actor*} played {*game*} with {*target*}.","{*actor*} played a game."],' +
  '"short_story_templates":[{"template_title":"{*actor*} played {*game*} with {*target*}.","template_body":"The score was {*score*}."}],' +
  '"full_story_template":{"template_title":"{*actor*} played {*game*} with {*target*}.","template_body":"The score was {*score*}."},' +
  `"action_links":[{"text":"Play too","href":"http:\\/\\/example.org\\/play"}],"time_created":${time},"template_bundle_id":${id}}`;

/** Registering a bundle through the API, remembering when, and reading time_created back within that window. */
export function bundleRegistrations(serverOf: () => TestServer) {
  const register = async (app: App, args: Record<string, string>) => {
    const before = Math.floor(Date.now() / 1000);
    const id = (await serverOf().client(app).callRaw('feed.registerTemplateBundle', args, { format: 'json' })).body;
    return { id, before, after: Math.floor(Date.now() / 1000) };
  };
  /** time_created as answered, checked to lie within the registration call. */
  const timeOf = (body: string, registered: { before: number; after: number }) => {
    const time = Number(/"time_created":(\d+)/.exec(body)?.[1] ?? /<time_created>(\d+)</.exec(body)?.[1]);
    expect(time).toBeGreaterThanOrEqual(registered.before);
    expect(time).toBeLessThanOrEqual(registered.after);
    return time;
  };
  return { register, timeOf };
}
