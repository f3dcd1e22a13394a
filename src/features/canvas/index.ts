/**
 * Canvas pages (docs/canvas.md): an app's pages at `/apps/NAME/…` (and `/NAME/…`), fetched from
 * its callback URL with a signed `fb_sig_*` set and rendered inside Hearth's page (FBML), or framed
 * with the signed set in the frame's URL (iframe); the cookie jar of FBML pages; the operator's
 * proxy settings; data.setCookie, data.getCookies and the FQL `cookies` table over people's jars.
 */
import { defineFeature } from '../feature.js';
import { AppCookieService } from './app-cookie-service.js';
import { CanvasService } from './canvas-service.js';
import { StoredCanvasCookieRepository } from './cookie-repository.js';
import { cookiesTable } from './fql-tables.js';
import { dataGetCookies } from './methods/get-cookies.js';
import { dataSetCookie } from './methods/set-cookie.js';
import { canvasMigration } from './migrations/034-canvas.js';
import { addPage, installPage } from './pages/add-page.js';
import { canvasPages } from './pages/canvas-page.js';
import { StoredPersonCookieRepository, type PersonCookieRepository } from './person-cookie-repository.js';
import type { CanvasCookieRepository } from './records.js';
import './tables.js';

declare module '../feature.js' {
  interface Store {
    readonly canvasCookies: CanvasCookieRepository;
    readonly canvasPersonCookies: PersonCookieRepository;
  }
  interface Services {
    readonly canvas: CanvasService;
    readonly appCookies: AppCookieService;
  }
}

export const canvasFeature = defineFeature({
  name: 'canvas',
  migrations: [canvasMigration],
  repositories: ({ db }) => ({ canvasCookies: new StoredCanvasCookieRepository(db), canvasPersonCookies: new StoredPersonCookieRepository(db.query) }),
  services: ({ store, services }) => ({ canvas: new CanvasService(store, services), appCookies: new AppCookieService(store) }),
  methods: [dataSetCookie, dataGetCookies],
  fqlTables: [cookiesTable],
  pages: [...canvasPages, addPage, installPage],
  // The cookies were the app's state about the person; a visitor's jar simply expires.
  onAppRemoved: async (trx, uid, appId) => {
    await trx.deleteFrom('canvas_cookies').where('uid', '=', uid).where('app_id', '=', appId).execute();
  },
  housekeeping: (store, now) => store.canvasCookies.deleteExpired(now),
});
