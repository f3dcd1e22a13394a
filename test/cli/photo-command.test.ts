/** `hearth photo add`: photos seeded into people's albums on the built binary, and every bad file a one-line error. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/platform.js';
import { expectOperatorError, expectSuccess, tempDatabase, type TempDatabase } from '../support/cli.js';

interface Added {
  pid: string;
  aid: string;
  album: string;
  page: string;
  album_page: string;
  src_big: string;
}

describe('hearth photo add', () => {
  let db: TempDatabase;
  let ada: { uid: number };
  let jpeg: string;
  beforeAll(async () => {
    db = await tempDatabase();
    ada = await db.json('user', 'create', '--email', 'ada@example.com', '--password', 'analytical engine', '--name', 'Ada Lovelace');
    jpeg = join(db.dir, 'engine.jpg');
    await writeFile(jpeg, await sharp({ create: { width: 900, height: 600, channels: 3, background: { r: 90, g: 60, b: 30 } } }).jpeg().toBuffer());
  });
  afterAll(() => db.remove());

  it('adds photos to a named album, made the first time, and to "Photos" by default', async () => {
    const first = await db.json<Added>('photo', 'add', 'ada@example.com', jpeg, '--album', 'Engines', '--caption', 'Difference Engine No. 2');
    expect(first).toMatchObject({ album: 'Engines', page: expect.stringMatching(new RegExp(`^/photo\\.php\\?pid=\\d+&id=${ada.uid}$`)), src_big: expect.stringMatching(new RegExp(`^/photos/n${ada.uid}_\\d+_[0-9a-f]{16}\\.jpg$`)) });
    expect(BigInt(first.pid) >> 32n).toBe(BigInt(ada.uid));
    const second = await db.json<Added>('photo', 'add', String(ada.uid), jpeg, '--album', 'Engines');
    expect(second.aid).toBe(first.aid);
    const plain = await db.run('photo', 'add', 'ada@example.com', jpeg);
    expectSuccess(plain);
    expect(plain.stdout).toMatch(/^pid +\d+\naid +\d+\nalbum +Photos\n/);
    const store = SqliteStore.open(join(db.dir, 'hearth.db'));
    try {
      const albums = await store.photos.albumsOf([ada.uid]);
      expect(albums.map((album) => [album.name, album.size]).sort()).toEqual([['Engines', 2], ['Photos', 1]]);
      const [photo] = await store.photos.photosByIds([Number(BigInt(first.pid) & 0xffffffffn)]);
      expect(photo).toMatchObject({ caption: 'Difference Engine No. 2', pending: false, appId: null });
    } finally {
      await store.close();
    }
  });

  it('answers a missing file, a directory, a file that is no image, an unknown person and an empty album name in one line', async () => {
    const text = join(db.dir, 'notes.txt');
    await writeFile(text, 'not a photo');
    expectOperatorError(await db.run('photo', 'add', 'ada@example.com', join(db.dir, 'missing.jpg')), /no file at .*missing\.jpg/);
    expectOperatorError(await db.run('photo', 'add', 'ada@example.com', db.dir), /is not a file/);
    expectOperatorError(await db.run('photo', 'add', 'ada@example.com', text), /notes\.txt: the file is not an image \(JPEG, PNG or GIF\)/);
    expectOperatorError(await db.run('photo', 'add', 'nobody@example.com', jpeg), /nobody@example\.com/);
    expectOperatorError(await db.run('photo', 'add', 'ada@example.com', jpeg, '--album', ' '), /--album: the album needs a name/);
  });
});
