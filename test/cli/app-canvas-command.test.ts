/** `hearth app create|update --canvas-name --canvas-type` and `hearth app canvas-settings`, as the built binary. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOperatorError, tempDatabase, type TempDatabase } from '../support/cli.js';

describe('hearth app: canvas pages', () => {
  let db: TempDatabase;
  beforeAll(async () => {
    db = await tempDatabase();
  });
  afterAll(() => db.remove());

  it('creates an app with a canvas name (kept in lower case) and a render method, shown by show and list', async () => {
    const created = await db.json('app', 'create', '--name', 'Demo', '--type', 'web', '--callback-url', 'http://app.example.com/fb/', '--canvas-name', 'HearthDemo', '--canvas-type', 'iframe');
    expect(created).toMatchObject({ canvas_name: 'hearthdemo', canvas_type: 'iframe' });
    expect(await db.json('app', 'show', String(created.app_id))).toMatchObject({ canvas_name: 'hearthdemo', canvas_type: 'iframe' });
    const list = await db.run('app', 'list');
    expect(list.stdout).toMatch(/CANVAS/);
    expect(list.stdout).toMatch(new RegExp(`${created.app_id} .* hearthdemo +Demo`));
    // An app without one says so.
    expect(await db.json('app', 'create', '--name', 'Plain', '--type', 'web')).toMatchObject({ canvas_name: null, canvas_type: 'fbml' });
  });

  it('refuses names that are malformed, Hearth’s own, taken, or for a desktop app, creating nothing', async () => {
    const before = (await db.json<unknown[]>('app', 'list')).length;
    await db.json('app', 'create', '--name', 'Taken', '--type', 'web', '--canvas-name', 'takenname');
    expectOperatorError(await db.run('app', 'create', '--name', 'X', '--type', 'web', '--canvas-name', 'TakenName'), 'canvas name "takenname" is taken by app');
    expectOperatorError(await db.run('app', 'create', '--name', 'X', '--type', 'web', '--canvas-name', 'ab'), '3 to 32 characters');
    expectOperatorError(await db.run('app', 'create', '--name', 'X', '--type', 'web', '--canvas-name', 'no.dots'), '3 to 32 characters');
    expectOperatorError(await db.run('app', 'create', '--name', 'X', '--type', 'web', '--canvas-name', 'x'.repeat(33)), '3 to 32 characters');
    expectOperatorError(await db.run('app', 'create', '--name', 'X', '--type', 'web', '--canvas-name', 'inbox'), "one of Hearth's own addresses");
    expectOperatorError(await db.run('app', 'create', '--name', 'X', '--type', 'web', '--canvas-name', 'Apps'), "one of Hearth's own addresses");
    expectOperatorError(await db.run('app', 'create', '--name', 'X', '--type', 'desktop', '--canvas-name', 'desk_top'), 'desktop apps have no canvas pages');
    expectOperatorError(await db.run('app', 'create', '--name', 'X', '--type', 'web', '--canvas-type', 'flash'), 'canvas type must be fbml or iframe');
    expect(await db.json<unknown[]>('app', 'list')).toHaveLength(before + 1);
  });

  it('changes a canvas name only with --yes, removes it with --no-canvas-name, and switches the render method', async () => {
    const app = await db.json('app', 'create', '--name', 'Renamed', '--type', 'web', '--canvas-name', 'first-name');
    const id = String(app.app_id);
    expectOperatorError(await db.run('app', 'update', id, '--canvas-name', 'second-name'), 'links to /apps/first-name/ will stop working. Add --yes');
    expect(await db.json('app', 'update', id, '--canvas-name', 'second-name', '--yes', '--canvas-type', 'iframe')).toMatchObject({ canvas_name: 'second-name', canvas_type: 'iframe' });
    // The same name again is no change, so no confirmation.
    expect(await db.json('app', 'update', id, '--canvas-name', 'SECOND-NAME', '--canvas-type', 'fbml')).toMatchObject({ canvas_name: 'second-name', canvas_type: 'fbml' });
    expect(await db.json('app', 'update', id, '--no-canvas-name', '--yes')).toMatchObject({ canvas_name: null });
    // The freed name can be given again.
    expect(await db.json('app', 'create', '--name', 'Heir', '--type', 'web', '--canvas-name', 'second-name')).toMatchObject({ canvas_name: 'second-name' });
  });

  it('shows and sets the proxy’s timeout and private networks, refusing nonsense', async () => {
    expect(await db.json('app', 'canvas-settings')).toEqual({ timeout_seconds: 12, private_networks: [] });
    expect(await db.json('app', 'canvas-settings', '--timeout', '2.5', '--private-networks', '127.0.0.0/8, ::1')).toEqual({ timeout_seconds: 2.5, private_networks: ['127.0.0.0/8', '::1/128'] });
    expect((await db.run('app', 'canvas-settings')).stdout).toMatch(/timeout +2\.5 s\nprivate_networks +127\.0\.0\.0\/8,::1\/128/);
    expectOperatorError(await db.run('app', 'canvas-settings', '--private-networks', '10.0.0.0/33'), 'not an address or CIDR block');
    expectOperatorError(await db.run('app', 'canvas-settings', '--timeout', 'soon'), 'between 0.1 and 120 seconds');
    expect(await db.json('app', 'canvas-settings', '--private-networks', 'none')).toEqual({ timeout_seconds: 2.5, private_networks: [] });
  });
});
