/**
 * A small world for the canvas renderer's tests, answered from plain lists (the renderer asks its
 * services only who people are, who the viewer's friends are and who uses the app): Ada uses the
 * app and is friends with Bob and Cy; Cy uses the app too; Dee knows nobody. The app Quiz
 * (callback http://quiz.example/fb/) is at /apps/quiz/; the page is play/step.php?to=1.
 */
import { CanvasRenderCache, renderCanvasFbml, type CanvasRenderRequest, type CanvasRenderResult, type FbmlServices } from '../../src/fbml/index.js';

export interface TestPerson {
  readonly uid: number;
  readonly firstName: string;
  readonly lastName: string;
  readonly pictureUrl: string | null;
  readonly sex: string | null;
}

export const ADA: TestPerson = { uid: 500000001, firstName: 'Ada', lastName: 'Lovelace', pictureUrl: 'https://pics.example/ada.jpg', sex: 'female' };
export const BOB: TestPerson = { uid: 500000002, firstName: 'Bob', lastName: 'Bobson', pictureUrl: null, sex: 'male' };
export const CY: TestPerson = { uid: 500000003, firstName: 'Cy', lastName: 'Young', pictureUrl: null, sex: null };
export const DEE: TestPerson = { uid: 500000004, firstName: 'Dee', lastName: 'Dee', pictureUrl: null, sex: 'female' };

export const APP_ID = 123456789;
export const API_KEY = '0123456789abcdef0123456789abcdef';
export const CALLBACK_URL = 'http://quiz.example/fb/';
export const CANVAS_BASE = '/apps/quiz/';

const PEOPLE = [ADA, BOB, CY, DEE];
const FRIENDS: Readonly<Record<number, readonly number[]>> = { [ADA.uid]: [BOB.uid, CY.uid], [BOB.uid]: [ADA.uid], [CY.uid]: [ADA.uid] };
const APP_USERS = new Set([ADA.uid, CY.uid]);

/** The services, counting the questions asked (a test can check that nothing needless is asked). */
export function testServices(asked: string[] = []): FbmlServices {
  return {
    people: {
      findMany: async (uids) => {
        asked.push(`people ${[...uids].sort().join(',')}`);
        return PEOPLE.filter((person) => uids.includes(person.uid));
      },
    },
    friends: {
      friendsOf: async (uid) => {
        asked.push(`friends ${uid}`);
        return FRIENDS[uid] ?? [];
      },
    },
    grants: {
      isAppUser: async (uid, appId) => {
        asked.push(`app user ${uid}`);
        return appId === APP_ID && APP_USERS.has(uid);
      },
    },
  };
}

/** What the proxy would append to an fb:iframe: fields a test can recognise. */
export function testIframeParameters(_src: string, personal: boolean): Record<string, string> {
  return personal ? { fb_sig_in_iframe: '1', fb_sig_user: 'U', fb_sig: 'S' } : { fb_sig_in_iframe: '1', fb_sig: 'S' };
}

export function canvasRequest(fbml: string, viewer: TestPerson | undefined, options: Partial<CanvasRenderRequest> = {}): CanvasRenderRequest {
  return {
    fbml,
    app: { id: APP_ID, name: 'Quiz', apiKey: API_KEY, canvasName: 'quiz', iconUrl: 'https://quiz.example/icon.png' },
    canvasBase: CANVAS_BASE,
    pagePath: 'play/step.php?to=1',
    callbackUrl: CALLBACK_URL,
    viewerUid: viewer?.uid,
    viewerAuthorized: viewer !== undefined && APP_USERS.has(viewer.uid),
    platformHost: 'hearth.example',
    iframeParameters: testIframeParameters,
    now: new Date('2009-06-15T12:00:00Z'),
    services: testServices(),
    ...options,
  };
}

/**
 * Shared by every render of the kit, as the canvas pages share theirs: each test's FBML is then
 * rendered from a frozen tree, so a tag that changed the parsed markup would fail here.
 */
const KIT_CACHE = new CanvasRenderCache();

export function renderCanvas(fbml: string, viewer: TestPerson | undefined, options?: Partial<CanvasRenderRequest>): Promise<CanvasRenderResult> {
  return renderCanvasFbml(canvasRequest(fbml, viewer, options), KIT_CACHE);
}

/** The page's HTML; a redirect fails the test. */
export async function canvasHtml(fbml: string, viewer: TestPerson | undefined, options?: Partial<CanvasRenderRequest>): Promise<string> {
  return (await canvasPage(fbml, viewer, options)).html;
}

export async function canvasPage(fbml: string, viewer: TestPerson | undefined, options?: Partial<CanvasRenderRequest>): Promise<{ html: string; title?: string; problems: string[] }> {
  const result = await renderCanvas(fbml, viewer, options);
  if (result.kind !== 'page') throw new Error(`expected a page, got a redirect to ${result.url}`);
  return result;
}
