/**
 * FBML render throughput: boxes per second for a typical profile box (about 2 KB of names,
 * visibility tags, conditionals and HTML), two ways:
 *   - `renderProfileBox` against an in-memory SQLite store (what the profile page pays per box);
 *   - the renderer alone: parse + render with the facts already gathered (its CPU cost).
 * Run with `npm run bench:fbml` (builds first). Prints the numbers and writes
 * bench/results/fbml-render.json with the machine and the date. Timings are never asserted.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { arch, cpus, loadavg, platform, totalmem } from 'node:os';
import { knownFacts } from '../src/fbml/box-facts.js';
import { renderParsedBox } from '../src/fbml/box-renderer.js';
import { parseFbml } from '../src/fbml/fbml-parser.js';
import { renderProfileBox, type RenderRequest } from '../src/fbml/index.js';
import { createServices } from '../src/platform.js';
import { SqliteStore } from '../src/platform.js';

/** How long each measurement runs, after a warm-up of a quarter of that. */
const MEASURE_MS = Number(process.env.BENCH_MS ?? 3000);

/** A box as apps wrote them: a subtitle, a table of friends' scores, conditionals, visibility tags. */
function typicalBox(owner: number, friends: readonly number[]): string {
  const rows = friends
    .map((uid, rank) => `  <tr><td>${rank + 1}.</td><td><fb:name uid="${uid}" /></td><td align="right"><b>${90 - rank * 7}</b> points</td></tr>`)
    .join('\n');
  return `<fb:fbml version="1.1">
<fb:subtitle seeallurl="http://quiz.example/scores?uid=${owner}">Latest scores<fb:action href="http://quiz.example/play">Play</fb:action></fb:subtitle>
<fb:if-is-own-profile>
  <p style="color: #3b5998; margin: 0 0 4px 0">Welcome back, <fb:name uid="profileowner" firstnameonly="true" useyou="false" />! You are <b>3rd</b> among your friends.</p>
<fb:else>
  <p><fb:name uid="profileowner" useyou="false" /> is <b>3rd</b> among <fb:pronoun uid="profileowner" possessive="true" /> friends. <a href="http://quiz.example/?ref=profile">Take the quiz</a></p>
</fb:else>
</fb:if-is-own-profile>
<fb:wide>
<table class="scores" width="100%" cellpadding="2">
${rows}
</table>
</fb:wide>
<fb:narrow><fb:profile-pic uid="profileowner" size="square" /> Best: 90 points</fb:narrow>
<fb:visible-to-friends bgcolor="white"><div class="note">Friends only: challenge <fb:name uid="profileowner" firstnameonly="true" useyou="false" /> to a rematch!</div></fb:visible-to-friends>
<fb:visible-to-owner><i>Only you see this: your next quiz unlocks tomorrow.</i></fb:visible-to-owner>
<fb:if-is-app-user>
  <ul><li>Question of the day: <em>Who wrote the first program?</em></li><li><a href="http://quiz.example/answer">Answer now</a></li></ul>
<fb:else><div>Add the Quiz to play along &amp; compare your scores.</div></fb:else>
</fb:if-is-app-user>
</fb:fbml>`;
}

function measure(label: string, run: () => unknown): number {
  const until = (ms: number) => {
    const end = performance.now() + ms;
    let count = 0;
    while (performance.now() < end) {
      run();
      count++;
    }
    return count;
  };
  until(MEASURE_MS / 4);
  const start = performance.now();
  const count = until(MEASURE_MS);
  const perSecond = Math.round(count / ((performance.now() - start) / 1000));
  console.log(`${label}: ${perSecond} boxes/s`);
  return perSecond;
}

async function measureAsync(label: string, run: () => Promise<unknown>): Promise<number> {
  const until = async (ms: number) => {
    const end = performance.now() + ms;
    let count = 0;
    while (performance.now() < end) {
      await run();
      count++;
    }
    return count;
  };
  await until(MEASURE_MS / 4);
  const start = performance.now();
  const count = await until(MEASURE_MS);
  const perSecond = Math.round(count / ((performance.now() - start) / 1000));
  console.log(`${label}: ${perSecond} boxes/s`);
  return perSecond;
}

async function main(): Promise<void> {
  const store = SqliteStore.open(':memory:');
  const services = createServices(store);
  const app = await services.apps.register({ name: 'Quiz', type: 'web', callbackUrl: 'http://quiz.example/' });
  const people = [];
  for (let index = 0; index < 9; index++) {
    people.push(await store.people.create({ email: `p${index}@example.org`, passwordHash: 'unused', firstName: `Person${index}`, lastName: 'Example' }));
  }
  const [owner, viewer, ...friends] = people;
  for (const friend of [viewer!, ...friends]) await services.friends.addDirectly(owner!.uid, friend.uid);
  await store.authorizations.authorize(owner!.uid, app.appId);
  await store.authorizations.authorize(viewer!.uid, app.appId);

  const fbml = typicalBox(owner!.uid, friends.map((person) => person.uid));
  const request: RenderRequest = { fbml, ownerUid: owner!.uid, viewerUid: viewer!.uid, appId: app.appId, position: 'wide' };
  const sample = await renderProfileBox(request, services);
  if (sample.problems.length > 0) throw new Error(`the benchmark box has problems: ${sample.problems.join('; ')}`);
  console.log(`box: ${fbml.length} characters of FBML → ${sample.html.length} characters of HTML`);

  const full = await measureAsync('renderProfileBox, SQLite in memory', () => renderProfileBox(request, services));
  const facts = knownFacts({ people, viewerFriends: [owner!.uid], appUsers: [owner!.uid, viewer!.uid] });
  const renderOnly = measure('parse + render, facts gathered', () => renderParsedBox(parseFbml(fbml), request, facts));
  await store.close();

  const results = {
    benchmark: 'fbml-render',
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryBytes: totalmem(), platform: platform(), arch: arch(), node: process.version },
    // A busy machine (other tests running) lowers the numbers; this says how busy it was.
    loadAverage1m: Number(loadavg()[0]!.toFixed(2)),
    box: { fbmlCharacters: fbml.length, htmlCharacters: sample.html.length },
    measureMs: MEASURE_MS,
    boxesPerSecond: { renderProfileBoxSqliteInMemory: full, parseAndRenderOnly: renderOnly },
  };
  // Compiled to dist/bench/, so the repository's bench/results/ is two levels up.
  const folder = new URL('../../bench/results/', import.meta.url);
  mkdirSync(folder, { recursive: true });
  writeFileSync(new URL('fbml-render.json', folder), `${JSON.stringify(results, null, 2)}\n`);
  console.log(`written to bench/results/fbml-render.json`);
}

await main();
