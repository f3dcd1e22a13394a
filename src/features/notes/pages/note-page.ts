/**
 * `/note.php?note_id=N`: one note, as its story in the stream links to it (note-story.ts) — the
 * title, the author linked to their profile, when it was written (and last edited), and the body.
 * Whoever may see the note's story may read the note (story-visibility.ts); anyone else, like a
 * note that does not exist, gets the same 404 page, so the page does not tell them apart.
 *
 * The body is the app's HTML (docs/notes-and-links.md). It is drawn through the FBML renderer as a
 * profile box of the author's, in the wide position: the same allow-list, URL and style rules as
 * profile boxes, so that no script, handler or unsafe URL from a note reaches the page.
 */
import type { FastifyReply } from 'fastify';
import { renderProfileBox } from '../../../fbml/index.js';
import { definePage, type PageContext } from '../../../http/page-kit/define-page.js';
import { PAGE_HEADERS, sendPage, sendProblem } from '../../../http/page-kit/page-replies.js';
import { html, trustedHtml, type SafeHtml } from '../../../http/page-kit/templates.js';
import { timeText } from '../../../http/page-kit/time-text.js';
import type { Person } from '../../people/records.js';
import { profilePath } from '../../sign-in/pages/account-nav.js';
import { displayName, signedInPerson } from '../../sign-in/pages/browser-sign-in.js';
import type { Note } from '../records.js';
import { NOTE_PAGE_PATH, notesPage, notesPagePath, readableNote } from './note-page-parts.js';

/**
 * The pages' policy plus `style` attributes, as on the profile page (docs/pages.md): the renderer's
 * `fb:visible-to-*` hide their content with `style="visibility: hidden;"`, which must apply here
 * too; `<style>` elements and scripts stay blocked.
 */
const NOTE_HEADERS = {
  'content-security-policy': PAGE_HEADERS['content-security-policy']!.replace("style-src 'self';", "style-src 'self'; style-src-attr 'unsafe-inline';"),
};

/** The app id the renderer is given for a note whose app is gone: no app, so nobody is its user. */
const NO_APP = 0;

export const notePage = definePage({
  path: NOTE_PAGE_PATH,
  forms: 'none',
  handler: (page) => showNote(page),
});

function noSuchNote(reply: FastifyReply): FastifyReply {
  return sendProblem(reply, { status: 404, title: 'No such note', message: 'This note does not exist, or you cannot see it.' });
}

async function showNote({ request, reply, services, params }: PageContext): Promise<FastifyReply> {
  const id = params.get('note_id');
  if (id === undefined || !/^[1-9]\d{0,14}$/.test(id)) {
    return sendProblem(reply, {
      status: 400,
      title: 'Which note?',
      message: id === undefined ? 'This link does not say which note to show.' : `“${id}” is not a note id, so Hearth cannot tell which note to show.`,
      note: html`Links to notes look like <code>${NOTE_PAGE_PATH}?note_id=1000000301</code>.`,
    });
  }
  const viewer = await signedInPerson(request, services);
  const note = await readableNote(services, viewer, Number(id));
  // A note goes with its author, so a missing author is a note being deleted.
  const author = note && (await services.people.find(note.uid));
  if (!note || !author) return noSuchNote(reply);

  const rendered = await renderProfileBox(
    { fbml: note.content, ownerUid: author.uid, viewerUid: viewer?.uid, appId: note.appId ?? NO_APP, position: 'wide', platformHost: request.hostname },
    services,
  );
  if (rendered.problems.length > 0) request.log.debug({ noteId: note.noteId, problems: rendered.problems }, 'note rendered with problems');
  // The renderer's contract (fbml-api.ts): its `html` is already safe, allow-listed markup.
  const body = noteView(note, author, viewer, trustedHtml(rendered.html));
  return sendPage(reply, 200, notesPage({ title: note.title, body, viewer }), NOTE_HEADERS);
}

function noteView(note: Note, author: Person, viewer: Person | undefined, content: SafeHtml): SafeHtml {
  const name = displayName(author);
  const whose = viewer?.uid === author.uid ? 'Your notes' : `${name}’s notes`;
  const edited = note.updatedAt.getTime() > note.createdAt.getTime();
  return html`<p class="note-trail muted"><a href="${profilePath(author.uid)}">${name}</a> · <a href="${notesPagePath(author.uid)}">${whose}</a></p>
<article class="note">
<h1 class="note-title">${note.title}</h1>
<p class="note-meta muted">By <a href="${profilePath(author.uid)}">${name}</a> · <time datetime="${note.createdAt.toISOString()}">${timeText(note.createdAt)}</time>${
    edited && html` · Edited <time datetime="${note.updatedAt.toISOString()}">${timeText(note.updatedAt)}</time>`
  }</p>
<div class="note-body">${content}</div>
</article>`;
}
