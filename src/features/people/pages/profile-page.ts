/**
 * `/profile.php?id=UID`: a person's profile (docs/pages.md, "/profile.php?id=UID") — name, picture,
 * and the boxes apps set with profile.setFBML, rendered for whoever is looking (the owner, a
 * friend, someone else, or nobody signed in). A narrow column holds the picture and the
 * `profile_main` boxes; the wide column holds the name and the `profile` boxes. On a phone it is
 * one column: picture and name, then the main boxes, then the wide ones. Apps are listed by app_id,
 * the order they registered in.
 *
 * Below the boxes is the wall (the home feature's wall-view.ts): the posts the viewer may see, with
 * a composer for the owner and their friends, `?before=` for older posts; the narrow column lists
 * the owner's friends, and a signed-in stranger gets "Add as friend".
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { renderProfileBox, type BoxPosition } from '../../../fbml/index.js';
import { InvalidInputError } from '../../../dispatch/invalid-input-error.js';
import type { Services } from '../../feature.js';
import type { App } from '../../apps/records.js';
import type { AppProfileFbml } from '../../profile-boxes/records.js';
import type { StatusEntry } from '../../status/records.js';
import type { Person } from '../records.js';
import { accountNav, EDIT_PROFILE_PATH, PROFILE_PATH, signedInLine } from '../../sign-in/pages/account-nav.js';
import { displayName, signedInPerson } from '../../sign-in/pages/browser-sign-in.js';
import { renderPage } from '../../../http/page-kit/layout.js';
import { definePage } from '../../../http/page-kit/define-page.js';
import type { PageParams } from '../../../http/page-kit/page-params.js';
import { pictureToShow } from './person-picture.js';
import { PAGE_HEADERS, redirectTo, sendPage, sendProblem } from '../../../http/page-kit/page-replies.js';
import { html, trustedHtml, type SafeHtml } from '../../../http/page-kit/templates.js';
import { timeText } from '../../../http/page-kit/time-text.js';
import { friendButton, friendsBox, loadWall, wallSection, type WallData } from '../../home/wall-view.js';
import { infoSectionsView } from '../../profile-info/info-section-view.js';
import { notesBox } from '../../notes/pages/notes-box.js';
import { linksBox } from '../../links/pages/links-box.js';

export { PROFILE_PATH };

/**
 * The pages' policy, plus `style` attributes: the boxes' `fb:visible-to-*` spans hide their content
 * with `style="visibility: hidden;"` (docs/fbml.md, "Visibility"), and apps style their markup the
 * same way (the renderer strips the dangerous properties: docs/fbml.md, "Styles"). `<style>`
 * elements and scripts stay blocked, so no box can restyle the page around it.
 */
const PROFILE_HEADERS = {
  'content-security-policy': PAGE_HEADERS['content-security-policy']!.replace("style-src 'self';", "style-src 'self'; style-src-attr 'unsafe-inline';"),
};

export const profilePage = definePage({
  path: PROFILE_PATH,
  forms: 'none',
  handler: ({ request, reply, services, params, csrfToken }) => showProfile(request, reply, services, params, csrfToken),
});

/** One app's box as shown: its name and the rendered markup. */
interface ShownBox {
  readonly app: App;
  readonly html: SafeHtml;
}

async function showProfile(request: FastifyRequest, reply: FastifyReply, services: Services, params: PageParams, csrfToken: () => string): Promise<FastifyReply> {
  const id = params.get('id');
  if (id === undefined || !/^[1-9]\d{0,14}$/.test(id)) {
    return sendProblem(reply, {
      status: 400,
      title: 'Which profile?',
      message: id === undefined ? 'This link does not say whose profile to show.' : `“${id}” is not a uid, so Hearth cannot tell whose profile to show.`,
      note: html`Profile links look like <code>${PROFILE_PATH}?id=500000001</code>.`,
    });
  }
  const [owner, viewer] = await Promise.all([services.people.find(Number(id)), signedInPerson(request, services)]);
  if (!owner) {
    // profile.php?id= was the address of every profile, pages' too (pages.getInfo's page_url): a place's id goes to its own page.
    const place = (await services.stream.placesAmong([Number(id)], viewer?.uid)).get(Number(id));
    if (place?.reads) return redirectTo(reply, 302, place.path);
    return sendProblem(reply, { status: 404, title: 'No such person', message: `Nobody on Hearth has the uid ${id}.` });
  }

  const stored = await services.profiles.boxesOf(owner.uid);
  const apps = new Map((await Promise.all(stored.map((row) => appById(services, row.appId)))).flatMap((app) => (app ? [[app.appId, app] as const] : [])));
  const render = (rows: readonly AppProfileFbml[], slot: 'profile' | 'profileMain', position: BoxPosition) =>
    Promise.all(
      rows.flatMap((row) => {
        const fbml = row[slot];
        const app = apps.get(row.appId);
        return fbml && app ? [renderBox(request, services, { app, fbml, owner, viewer, position })] : [];
      }),
    );
  const [mainBoxes, wideBoxes] = await Promise.all([render(stored, 'profileMain', 'main'), render(stored, 'profile', 'wide')]);
  const friends = viewer !== undefined && viewer.uid !== owner.uid && (await services.friends.areFriends(viewer.uid, owner.uid));
  // The status is for the person and their friends, as apps see it in users.getInfo.
  const status = viewer !== undefined && (friends || viewer.uid === owner.uid) ? await services.status.current(owner.uid) : undefined;
  const wall = await loadWall(services, owner, viewer, friends, params.get('before'));
  const stream = { wall, token: csrfToken(), request };
  // The apps' info sections (profile-info feature), open to everyone as the boxes are.
  const infoSections = infoSectionsView(await services.profileInfo.shownOn(owner.uid), request.hostname);
  // The person's latest notes and links the viewer may read (the notes and links features).
  const notesAndLinks = await Promise.all([notesBox(services, owner, viewer), linksBox(services, owner, viewer)]);
  return sendPage(reply, 200, profileView({ owner, picture: pictureToShow(owner, request), viewer, friends, status, mainBoxes, wideBoxes, infoSections, notesAndLinks, stream }), PROFILE_HEADERS);
}

interface BoxToRender {
  readonly app: App;
  readonly fbml: string;
  readonly owner: Person;
  readonly viewer: Person | undefined;
  readonly position: BoxPosition;
}

async function renderBox(request: FastifyRequest, services: Services, box: BoxToRender): Promise<ShownBox> {
  const rendered = await renderProfileBox(
    { fbml: box.fbml, ownerUid: box.owner.uid, viewerUid: box.viewer?.uid, appId: box.app.appId, position: box.position, platformHost: request.hostname },
    services,
  );
  // Problems are for the app's developer (`hearth fbml render` shows them), never for viewers.
  if (rendered.problems.length > 0) {
    request.log.debug({ uid: box.owner.uid, appId: box.app.appId, position: box.position, problems: rendered.problems }, 'profile box rendered with problems');
  }
  // The renderer's contract (fbml-api.ts): its `html` is already safe, allow-listed markup.
  return { app: box.app, html: trustedHtml(rendered.html) };
}

async function appById(services: Services, appId: number): Promise<App | undefined> {
  try {
    return await services.apps.find(String(appId));
  } catch (error) {
    if (error instanceof InvalidInputError) return undefined;
    throw error;
  }
}

interface ProfileView {
  readonly owner: Person;
  readonly picture: string | undefined;
  readonly viewer: Person | undefined;
  readonly friends: boolean;
  readonly status: StatusEntry | undefined;
  readonly mainBoxes: readonly ShownBox[];
  readonly wideBoxes: readonly ShownBox[];
  /** The apps' info sections, drawn by info-section-view.ts; false when there are none. */
  readonly infoSections: SafeHtml | false;
  /** The Notes and Links boxes (notes-box.ts, links-box.ts); false for one with nothing to show. */
  readonly notesAndLinks: ReadonlyArray<SafeHtml | false>;
  /** The wall, the friends and the friend button (wall-view.ts). */
  readonly stream: { readonly wall: WallData; readonly token: string; readonly request: FastifyRequest };
}

function profileView(view: ProfileView): SafeHtml {
  const { owner, viewer } = view;
  const own = viewer?.uid === owner.uid;
  const name = displayName(owner);
  const relation = own
    ? html`<p class="muted">This is your profile; each application decides what its box shows to whom. <a href="${EDIT_PROFILE_PATH}">Edit your profile</a></p>`
    : view.friends && html`<p class="muted">You and ${owner.firstName} are friends.</p>`;
  const none = view.mainBoxes.length === 0 && view.wideBoxes.length === 0;
  const body = html`${viewer && accountNav(own ? 'profile' : undefined, viewer)}
<div class="profile">
<aside class="profile-narrow">
<div class="profile-picture">${
    view.picture ? html`<img src="${view.picture}" alt="${name}">` : html`<span class="profile-placeholder" role="img" aria-label="${name} has no picture">${[...owner.firstName][0]?.toUpperCase() ?? '?'}</span>`
  }</div>
${view.mainBoxes.length > 0 && html`<div class="profile-boxes main-boxes">${view.mainBoxes.map((box) => boxView(box, 'main'))}</div>`}
${friendsBox(owner, view.stream.wall, viewer)}
</aside>
<div class="profile-wide">
<div class="profile-head"><h1>${name}</h1>
${view.status && statusLine(owner, view.status)}
${relation}
<p class="muted profile-photos"><a href="/photos.php?id=${owner.uid}">Photos</a></p>
${friendButton(owner, view.stream.wall.relation, view.stream.token)}</div>
${
  none
    ? html`<p class="muted profile-empty">${own ? 'Applications you use can add boxes here.' : `${owner.firstName} has no application boxes yet.`}</p>`
    : view.wideBoxes.length > 0 && html`<div class="profile-boxes wide-boxes">${view.wideBoxes.map((box) => boxView(box, 'wide'))}</div>`
}
${view.infoSections}
${view.notesAndLinks}
${wallSection(view.stream.request, owner, view.stream.wall, viewer, view.stream.token)}
</div>
</div>
${viewer && signedInLine(viewer)}`;
  return renderPage({ title: name, body, columns: true, topNote: viewer && displayName(viewer) });
}

/** "Ada is computing …", or "Ada computing …" when the text holds its own verb, and when. */
function statusLine(owner: Person, status: StatusEntry): SafeHtml {
  return html`<p class="profile-status"><span class="status-text">${owner.firstName}${status.needsVerb ? ' is' : ''} ${status.message}</span> <time class="muted" datetime="${status.createdAt.toISOString()}">${timeText(status.createdAt)}</time></p>`;
}

function boxView(box: ShownBox, position: BoxPosition): SafeHtml {
  const titleId = `box-${position}-${box.app.appId}`;
  return html`
<section class="fbml-box ${position}" aria-labelledby="${titleId}" data-app-id="${box.app.appId}">
<h2 class="fbml-box-title" id="${titleId}">${box.app.name}</h2>
<div class="fbml-box-body">${box.html}</div>
</section>`;
}
