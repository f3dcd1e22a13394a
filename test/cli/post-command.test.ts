/** `hearth post PERSON TEXT [--to FRIEND]`: posts as the operator types them, on the built binary. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, createServices } from '../../src/platform.js';
import { expectOperatorError, expectSuccess, tempDatabase, type TempDatabase } from '../support/cli.js';

interface PersonJson {
  uid: number;
}

describe('hearth post', () => {
  let db: TempDatabase;
  let ada: PersonJson;
  let bob: PersonJson;
  beforeAll(async () => {
    db = await tempDatabase();
    ada = await db.json('user', 'create', '--email', 'ada@example.com', '--password', 'analytical engine', '--name', 'Ada Lovelace');
    bob = await db.json('user', 'create', '--email', 'bob@example.com', '--password', 'long enough', '--name', 'Bob Bobson');
    await db.json('user', 'create', '--email', 'dan@example.com', '--password', 'long enough', '--name', 'Dan Dennett');
    expectSuccess(await db.run('friend', 'add', 'ada@example.com', 'bob@example.com'));
  });
  afterAll(() => db.remove());

  /** The post as the stream keeps it, read from the database the commands wrote. */
  async function stored(postId: string) {
    const store = await openStore(db.location);
    try {
      return await createServices(store).stream.find(postId);
    } finally {
      await store.close();
    }
  }

  it('posts a status update on the person’s own wall, printing the post_id, and it becomes their status', async () => {
    const result = await db.run('post', 'ada@example.com', 'Reading about the Analytical Engine');
    expectSuccess(result);
    expect(result.stdout).toMatch(new RegExp(`^${ada.uid}_1000000001\\n$`));
    const postId = result.stdout.trim();
    expect(await stored(postId)).toMatchObject({ wall: ada.uid, actor: ada.uid, appId: null, type: 46, message: 'Reading about the Analytical Engine', privacy: { value: 'EVERYONE' } });
    const statuses = await db.json<Array<{ message: string; status_id: number }>>('status', 'list', String(ada.uid));
    expect(statuses[0]).toMatchObject({ message: 'Reading about the Analytical Engine', status_id: 1000000001 });
  });

  it('posts on a friend’s wall with --to, and answers JSON with --json', async () => {
    const answer = await db.json<{ post_id: string; story_id: number; actor: number; wall: number; type: number }>('post', String(ada.uid), 'Happy birthday!', '--to', 'bob@example.com');
    expect(answer).toEqual({ post_id: `${bob.uid}_${answer.story_id}`, story_id: answer.story_id, actor: ada.uid, wall: bob.uid, type: 56 });
    expect(await stored(answer.post_id)).toMatchObject({ wall: bob.uid, actor: ada.uid, type: 56, message: 'Happy birthday!', privacy: { value: 'ALL_FRIENDS' } });
  });

  it.each<[string, string[], string]>([
    ['an unknown person', ['post', 'nobody@example.com', 'hello'], 'hearth: no person with uid or e-mail "nobody@example.com"'],
    ['an unknown friend', ['post', 'ada@example.com', 'hello', '--to', '999999999'], 'hearth: no person with uid or e-mail "999999999"'],
    ['a wall of someone who is not a friend', ['post', 'ada@example.com', 'hello', '--to', 'dan@example.com'], 'is not a friend of uid'],
    ['an empty text', ['post', 'ada@example.com', '   '], 'hearth: a post needs a message or an attachment'],
  ])('refuses %s in one line, exit 1', async (_what, args, message) => {
    expectOperatorError(await db.run(...args), message);
  });

  it('refuses a missing text through commander, exit 1', async () => {
    const result = await db.run('post', 'ada@example.com');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^hearth: missing required argument 'text'/);
  });
});
