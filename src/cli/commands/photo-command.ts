/**
 * `hearth photo add PERSON FILE`: a photo into one of a person's albums, as an operator seeds them
 * (people upload their own on the album page; apps with photos.upload). The album is named by
 * `--album` (made, visible to everyone, when the person has none of that name; "Photos" when not
 * given); the photo is visible at once, as one uploaded on the pages is.
 *
 *   hearth photo add ada@example.org engine.jpg --album "Engines" --caption "Difference Engine No. 2"
 */
import { readFile, stat } from 'node:fs/promises';
import { Command, Option } from 'commander';
import { DEFAULT_SERVER_CONFIG } from '../../config/server-config.js';
import { ImageRefusedError } from '../../features/photos/images.js';
import { wireId } from '../../features/photos/photo-ids.js';
import { albumPagePath, imagePath, photoPagePath } from '../../features/photos/photo-values.js';
import { AlbumFullError } from '../../features/photos/photo-service.js';
import { CliError, dbOption, findPerson, formatFields, jsonOption, printJson, withStore } from '../cli-support.js';

const DEFAULT_ALBUM = 'Photos';

async function readPhoto(path: string): Promise<Buffer> {
  const info = await stat(path).catch(() => undefined);
  if (info === undefined) throw new CliError(`no file at ${path}`);
  if (!info.isFile()) throw new CliError(`${path} is not a file`);
  if (info.size > DEFAULT_SERVER_CONFIG.uploadLimit) throw new CliError(`${path} is ${info.size} bytes; a photo is at most ${DEFAULT_SERVER_CONFIG.uploadLimit} bytes`);
  return readFile(path);
}

export function photoCommand(): Command {
  const command = new Command('photo').description("add photos to people's albums");

  command
    .command('add <person> <file>')
    .description('upload a JPEG, PNG or GIF into an album of a person (uid or e-mail); prints the pid and where it is')
    .addOption(new Option('--album <name>', 'the album, made when the person has none of that name').default(DEFAULT_ALBUM))
    .addOption(new Option('--caption <text>', "the photo's caption").default(''))
    .addOption(jsonOption())
    .addOption(dbOption())
    .action(async (who: string, file: string, options: { album: string; caption: string; json?: boolean; db: string }) =>
      withStore(options.db, async (_store, services) => {
        const person = await findPerson(services, who);
        if (options.album.trim() === '') throw new CliError('--album: the album needs a name');
        const bytes = await readPhoto(file);
        const albums = await services.photos.albums(person.uid, { owners: [person.uid] });
        const album =
          albums.find((candidate) => candidate.name === options.album.trim() && candidate.type === 'normal') ??
          (await services.photos.createAlbum({ owner: person.uid, appId: null, name: options.album }));
        try {
          const { photo } = await services.photos.upload({ owner: person.uid, appId: null, albumId: album.albumId, caption: options.caption, bytes, approved: true });
          const shown = {
            pid: wireId(person.uid, photo.photoId),
            aid: wireId(person.uid, album.albumId),
            album: album.name,
            page: photoPagePath(photo),
            album_page: albumPagePath(album),
            src_big: imagePath(photo, 'big'),
          };
          if (options.json) return printJson(shown);
          process.stdout.write(`${formatFields(Object.entries(shown))}\n`);
        } catch (error) {
          if (error instanceof ImageRefusedError) throw new CliError(`${file}: ${error.message}`);
          if (error instanceof AlbumFullError) throw new CliError(`album ${JSON.stringify(album.name)}: ${error.message}`);
          throw error;
        }
      }),
    );

  return command;
}
