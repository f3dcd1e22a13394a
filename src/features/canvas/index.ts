/**
 * Canvas pages (docs/canvas.md): an app's pages at `/apps/NAME/…` (and `/NAME/…`), fetched from
 * its callback URL with a signed `fb_sig_*` set and rendered inside Hearth's page (FBML), or framed
 * with the signed set in the frame's URL (iframe); the cookie jar of FBML pages; the operator's
 * proxy settings.
 */
import { defineFeature } from '../feature.js';
import { CanvasService } from './canvas-service.js';
import { StoredCanvasCookieRepository } from './cookie-repository.js';
import { canvasMigration } from './migrations/034-canvas.js';
import { addPage, installPage } from './pages/add-page.js';
import { canvasPages } from './pages/canvas-page.js';
import type { CanvasCookieRepository } from './records.js';
import './tables.js';

declare module '../feature.js' {
  interface Store {
    readonly canvasCookies: CanvasCookieRepository;
  }
  interface Services {
    readonly canvas: CanvasService;
  }
}

export const canvasFeature = defineFeature({
  name: 'canvas',
  migrations: [canvasMigration],
  repositories: ({ db }) => ({ canvasCookies: new StoredCanvasCookieRepository(db) }),
  services: ({ store, services }) => ({ canvas: new CanvasService(store, services) }),
  pages: [...canvasPages, addPage, installPage],
  // The cookies were the app's state about the person; a visitor's jar simply expires.
  onAppRemoved: async (trx, uid, appId) => {
    await trx.deleteFrom('canvas_cookies').where('uid', '=', uid).where('app_id', '=', appId).execute();
  },
  housekeeping: (store, now) => store.canvasCookies.deleteExpired(now),
});
