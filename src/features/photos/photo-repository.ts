/**
 * Albums, photos, tags and images in the database, for both dialects. An album's size and cover
 * are read with it (its photos not waiting for approval), so they never drift from the photos.
 */
import { sql, type Selectable } from 'kysely';
import type { Database } from '../../db/database.js';
import { valueList, type ValueList } from '../../db/value-list.js';
import type { PhotoSize, StoredImage } from './images.js';
import type { Album, AlbumType, AlbumVisibility, NewAlbum, NewPhoto, NewPhotoTag, Photo, PhotoRepository, PhotoTag } from './records.js';
import type { AlbumsTable, PhotosTable, PhotoTagsTable } from './tables.js';

type AlbumRow = Selectable<AlbumsTable> & { size: number | string | null; cover: number | string | null };

function toAlbum(row: AlbumRow): Album {
  return {
    albumId: Number(row.album_id),
    owner: Number(row.owner_uid),
    appId: row.app_id === null ? null : Number(row.app_id),
    appDefault: Number(row.app_default) === 1,
    type: row.type as AlbumType,
    name: row.name,
    description: row.description,
    location: row.location,
    visible: row.visible as AlbumVisibility,
    createdAt: new Date(Number(row.created_at)),
    modifiedAt: new Date(Number(row.modified_at)),
    size: Number(row.size ?? 0),
    coverPhotoId: row.cover === null ? null : Number(row.cover),
  };
}


type PhotoRow = Selectable<PhotosTable> & { readonly [K in `${'big' | 'album' | 'small'}_${'type' | 'width' | 'height'}`]: K extends `${string}_type` ? string : number | string };

function toPhoto(row: PhotoRow): Photo {
  return {
    photoId: Number(row.photo_id),
    albumId: Number(row.album_id),
    owner: Number(row.owner_uid),
    appId: row.app_id === null ? null : Number(row.app_id),
    caption: row.caption,
    pending: Number(row.pending) === 1,
    urlKey: row.url_key,
    storyId: row.story_id === null ? null : Number(row.story_id),
    images: {
      big: { hash: row.big_image, contentType: row.big_type, width: Number(row.big_width), height: Number(row.big_height) },
      album: { hash: row.album_image, contentType: row.album_type, width: Number(row.album_width), height: Number(row.album_height) },
      small: { hash: row.small_image, contentType: row.small_type, width: Number(row.small_width), height: Number(row.small_height) },
    },
    createdAt: new Date(Number(row.created_at)),
  };
}

function toTag(row: Selectable<PhotoTagsTable>): PhotoTag {
  return {
    tagId: Number(row.tag_id),
    photoId: Number(row.photo_id),
    subject: row.subject_uid === null ? null : Number(row.subject_uid),
    text: row.text,
    x: Number(row.x),
    y: Number(row.y),
    tagger: Number(row.tagger_uid),
    createdAt: new Date(Number(row.created_at)),
  };
}

function albumRow(album: NewAlbum) {
  return {
    owner_uid: album.owner,
    app_id: album.appId,
    app_default: album.appDefault ? 1 : 0,
    type: album.type,
    name: album.name,
    description: album.description,
    location: album.location,
    visible: album.visible,
    created_at: album.createdAt.getTime(),
    modified_at: album.createdAt.getTime(),
  };
}

const SIZE_COLUMN = { big: 'big_image', album: 'album_image', small: 'small_image' } as const satisfies Record<PhotoSize, keyof PhotosTable>;

export class StoredPhotoRepository implements PhotoRepository {
  readonly #db: Database;
  readonly #ids: ValueList<number>;

  constructor(db: Database) {
    this.#db = db;
    this.#ids = valueList<number>(db, 'bigint');
  }

  #albums() {
    return this.#db.query
      .selectFrom('albums')
      .selectAll('albums')
      .select((eb) => [
        eb.selectFrom('photos').select((inner) => inner.fn.countAll<number>().as('n')).whereRef('photos.album_id', '=', 'albums.album_id').where('photos.pending', '=', 0).as('size'),
        eb.selectFrom('photos').select((inner) => inner.fn.min<number>('photos.photo_id').as('first')).whereRef('photos.album_id', '=', 'albums.album_id').where('photos.pending', '=', 0).as('cover'),
      ]);
  }

  #photos() {
    return this.#db.query
      .selectFrom('photos')
      .innerJoin('photo_images as big', 'big.image_hash', 'photos.big_image')
      .innerJoin('photo_images as album', 'album.image_hash', 'photos.album_image')
      .innerJoin('photo_images as small', 'small.image_hash', 'photos.small_image')
      .selectAll('photos')
      .select([
        'big.content_type as big_type',
        'big.width as big_width',
        'big.height as big_height',
        'album.content_type as album_type',
        'album.width as album_width',
        'album.height as album_height',
        'small.content_type as small_type',
        'small.width as small_width',
        'small.height as small_height',
      ]);
  }

  async createAlbum(album: NewAlbum): Promise<Album> {
    const row = await this.#db.query
      .insertInto('albums')
      .values(albumRow(album))
      .returning('album_id')
      .executeTakeFirstOrThrow();
    const [made] = await this.albumsByIds([Number(row.album_id)]);
    return made!;
  }

  async appDefaultAlbum(defaults: NewAlbum & { readonly appId: number }): Promise<Album> {
    const find = () => this.#albums().where('owner_uid', '=', defaults.owner).where('app_id', '=', defaults.appId).where('app_default', '=', 1).executeTakeFirst();
    const found = await find();
    if (found) return toAlbum(found as AlbumRow);
    await this.#db.query
      .insertInto('albums')
      .values(albumRow(defaults))
      // Two first uploads at once: one album (the partial unique index; its condition written as
      // the index's, which SQLite requires), the other insert does nothing.
      .onConflict((conflict) => conflict.columns(['owner_uid', 'app_id']).where(sql<boolean>`app_default = 1`).doNothing())
      .execute();
    return toAlbum((await find()) as AlbumRow);
  }

  async albumsByIds(albumIds: readonly number[]): Promise<Album[]> {
    if (albumIds.length === 0) return [];
    const rows = await this.#albums().where(this.#ids.contains(sql.ref('albums.album_id'), this.#ids.bind(albumIds))).execute();
    return rows.map((row) => toAlbum(row as AlbumRow));
  }

  async albumsOf(owners: readonly number[]): Promise<Album[]> {
    if (owners.length === 0) return [];
    const rows = await this.#albums()
      .where(this.#ids.contains(sql.ref('albums.owner_uid'), this.#ids.bind(owners)))
      .orderBy('modified_at', 'desc')
      .orderBy('album_id', 'desc')
      .execute();
    return rows.map((row) => toAlbum(row as AlbumRow));
  }

  async countInAlbum(albumId: number): Promise<number> {
    const row = await this.#db.query.selectFrom('photos').select((eb) => eb.fn.countAll<number>().as('n')).where('album_id', '=', albumId).executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  async countPending(owner: number): Promise<number> {
    const row = await this.#db.query.selectFrom('photos').select((eb) => eb.fn.countAll<number>().as('n')).where('owner_uid', '=', owner).where('pending', '=', 1).executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  insertPhoto(photo: NewPhoto): Promise<Photo> {
    return this.#db.transaction(async (trx) => {
      // Each image once, whoever uploaded the same bytes before.
      const images = [photo.images.big, photo.images.album, photo.images.small];
      await trx
        .insertInto('photo_images')
        .values(images.map((image) => ({ image_hash: image.hash, content_type: image.contentType, width: image.width, height: image.height, bytes: image.bytes })))
        .onConflict((conflict) => conflict.column('image_hash').doNothing())
        .execute();
      const row = await trx
        .insertInto('photos')
        .values({
          album_id: photo.albumId,
          owner_uid: photo.owner,
          app_id: photo.appId,
          caption: photo.caption,
          pending: photo.pending ? 1 : 0,
          url_key: photo.urlKey,
          big_image: photo.images.big.hash,
          album_image: photo.images.album.hash,
          small_image: photo.images.small.hash,
          story_id: null,
          created_at: photo.createdAt.getTime(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await trx.updateTable('albums').set({ modified_at: photo.createdAt.getTime() }).where('album_id', '=', photo.albumId).execute();
      const { big, album, small } = photo.images;
      return toPhoto({
        ...row,
        big_type: big.contentType,
        big_width: big.width,
        big_height: big.height,
        album_type: album.contentType,
        album_width: album.width,
        album_height: album.height,
        small_type: small.contentType,
        small_width: small.width,
        small_height: small.height,
      });
    });
  }

  async photosByIds(photoIds: readonly number[]): Promise<Photo[]> {
    if (photoIds.length === 0) return [];
    return (await this.#photos().where(this.#ids.contains(sql.ref('photos.photo_id'), this.#ids.bind(photoIds))).execute()).map(toPhoto);
  }

  async photosInAlbums(albumIds: readonly number[]): Promise<Photo[]> {
    if (albumIds.length === 0) return [];
    return (await this.#photos().where(this.#ids.contains(sql.ref('photos.album_id'), this.#ids.bind(albumIds))).orderBy('photos.photo_id').execute()).map(toPhoto);
  }

  async photosTagging(uid: number): Promise<Photo[]> {
    const rows = await this.#photos()
      .where('photos.photo_id', 'in', (eb) => eb.selectFrom('photo_tags').select('photo_tags.photo_id').where('photo_tags.subject_uid', '=', uid))
      .orderBy('photos.created_at', 'desc')
      .orderBy('photos.photo_id', 'desc')
      .execute();
    return rows.map(toPhoto);
  }

  async approve(photoId: number): Promise<boolean> {
    const result = await this.#db.query.updateTable('photos').set({ pending: 0 }).where('photo_id', '=', photoId).where('pending', '=', 1).executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async setStory(photoId: number, storyId: number): Promise<void> {
    await this.#db.query.updateTable('photos').set({ story_id: storyId }).where('photo_id', '=', photoId).execute();
  }

  async photosByStories(storyIds: readonly number[]): Promise<Photo[]> {
    if (storyIds.length === 0) return [];
    return (await this.#photos().where(this.#ids.contains(sql.ref('photos.story_id'), this.#ids.bind(storyIds))).execute()).map(toPhoto);
  }

  async addTags(tags: readonly NewPhotoTag[]): Promise<void> {
    if (tags.length === 0) return;
    await this.#db.query
      .insertInto('photo_tags')
      .values(
        tags.map((tag) => ({ photo_id: tag.photoId, subject_uid: tag.subject, text: tag.text, x: tag.x, y: tag.y, tagger_uid: tag.tagger, created_at: tag.createdAt.getTime() })),
      )
      .execute();
  }

  async tagsOf(photoIds: readonly number[]): Promise<PhotoTag[]> {
    if (photoIds.length === 0) return [];
    const rows = await this.#db.query
      .selectFrom('photo_tags')
      .selectAll()
      .where(this.#ids.contains(sql.ref('photo_id'), this.#ids.bind(photoIds)))
      .orderBy('photo_id')
      .orderBy('tag_id')
      .execute();
    return rows.map(toTag);
  }

  async imageAt(ref: { readonly owner: number; readonly photoId: number; readonly urlKey: string; readonly size: PhotoSize }): Promise<StoredImage | undefined> {
    const row = await this.#db.query
      .selectFrom('photos')
      .innerJoin('photo_images', 'photo_images.image_hash', `photos.${SIZE_COLUMN[ref.size]}`)
      .select(['photo_images.image_hash', 'photo_images.content_type', 'photo_images.width', 'photo_images.height', 'photo_images.bytes'])
      .where('photos.photo_id', '=', ref.photoId)
      .where('photos.owner_uid', '=', ref.owner)
      .where('photos.url_key', '=', ref.urlKey)
      .executeTakeFirst();
    if (row === undefined) return undefined;
    return { hash: row.image_hash, contentType: row.content_type as StoredImage['contentType'], width: Number(row.width), height: Number(row.height), bytes: Buffer.from(row.bytes) };
  }

  async removeUnusedImages(): Promise<number> {
    const result = await this.#db.query
      .deleteFrom('photo_images')
      .where((eb) =>
        eb.not(
          eb.or([
            eb.exists(eb.selectFrom('photos').select('photo_id').whereRef('photos.big_image', '=', 'photo_images.image_hash')),
            eb.exists(eb.selectFrom('photos').select('photo_id').whereRef('photos.album_image', '=', 'photo_images.image_hash')),
            eb.exists(eb.selectFrom('photos').select('photo_id').whereRef('photos.small_image', '=', 'photo_images.image_hash')),
          ]),
        ),
      )
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
