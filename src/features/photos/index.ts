/** Photos: albums, uploads in three sizes, tags (photos.*), the images served from the store, the FQL tables album, photo and photo_tag, and the pages photos.php, album.php and photo.php. */
import { defineFeature } from '../feature.js';
import { albumTable, photoTable, photoTagTable } from './fql-tables.js';
import { imageRoutes } from './image-route.js';
import { photosAddTag } from './methods/add-tag.js';
import { photosCreateAlbum } from './methods/create-album.js';
import { photosGetAlbums } from './methods/get-albums.js';
import { photosGet } from './methods/get.js';
import { photosGetTags } from './methods/get-tags.js';
import { photosUpload } from './methods/upload.js';
import { photosMigration } from './migrations/019-photos.js';
import { albumPage } from './pages/album-page.js';
import { albumsPage } from './pages/albums-page.js';
import { photoPageRoute } from './pages/photo-page.js';
import { uploadScriptRoute } from './pages/upload-script.js';
import { StoredPhotoRepository } from './photo-repository.js';
import { PhotoService } from './photo-service.js';
import type { PhotoRepository } from './records.js';
import './tables.js';

declare module '../feature.js' {
  interface Store {
    readonly photos: PhotoRepository;
  }
  interface Services {
    readonly photos: PhotoService;
  }
}

export const photosFeature = defineFeature({
  name: 'photos',
  migrations: [photosMigration],
  repositories: ({ db }) => ({ photos: new StoredPhotoRepository(db) }),
  services: ({ store, services }) => ({ photos: new PhotoService(store, services) }),
  methods: [photosCreateAlbum, photosGetAlbums, photosUpload, photosGet, photosAddTag, photosGetTags],
  fqlTables: [albumTable, photoTable, photoTagTable],
  pages: [imageRoutes, albumsPage, albumPage, photoPageRoute, uploadScriptRoute],
  housekeeping: (store) => store.photos.removeUnusedImages(),
});
