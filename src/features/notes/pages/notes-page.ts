/**
 * `/notes.php?id=UID`: a person's notes that the viewer may read, newest first, each title linked to
 * note.php, with when it was written and its first line as plain text.
 */
import type { FastifyReply } from 'fastify';
import { definePage, type PageContext } from '../../../http/page-kit/define-page.js';
import { sendPage, sendProblem } from '../../../http/page-kit/page-replies.js';
import { html, type SafeHtml } from '../../../http/page-kit/templates.js';
import { timeText } from '../../../http/page-kit/time-text.js';
import { profilePath } from '../../sign-in/pages/account-nav.js';
import { displayName, signedInPerson } from '../../sign-in/pages/browser-sign-in.js';
import type { Note } from '../records.js';
import { firstLine, notePagePath, NOTES_PAGE_PATH, notesPage, readableNotesOf } from './note-page-parts.js';

export const notesListPage = definePage({
  path: NOTES_PAGE_PATH,
  forms: 'none',
  handler: (page) => showNotes(page),
});

async function showNotes({ request, reply, services, params }: PageContext): Promise<FastifyReply> {
  const id = params.get('id');
  if (id === undefined || !/^[1-9]\d{0,14}$/.test(id)) {
    return sendProblem(reply, {
      status: 400,
      title: 'Whose notes?',
      message: 'This link does not say whose notes to show.',
      note: html`Links to notes look like <code>${NOTES_PAGE_PATH}?id=500000001</code>.`,
    });
  }
  const [author, viewer] = await Promise.all([services.people.find(Number(id)), signedInPerson(request, services)]);
  if (!author) return sendProblem(reply, { status: 404, title: 'No such person', message: `Nobody on Hearth has the uid ${id}.` });

  const notes = await readableNotesOf(services, viewer, author.uid);
  const own = viewer?.uid === author.uid;
  const name = displayName(author);
  const title = own ? 'Your notes' : `${name}’s notes`;
  const body = html`<p class="note-trail muted"><a href="${profilePath(author.uid)}">${name}</a></p>
<h1>${title}</h1>
${
  notes.length === 0
    ? html`<p class="muted">${own ? 'You have no notes yet. Applications you use can write notes for you.' : `${author.firstName} has no notes you can see.`}</p>`
    : html`<ul class="note-list">${notes.map(noteItem)}</ul>`
}`;
  return sendPage(reply, 200, notesPage({ title, body, viewer }));
}

function noteItem(note: Note): SafeHtml {
  const line = firstLine(note.content);
  return html`<li class="note-item">
<a class="note-item-title" href="${notePagePath(note.noteId)}">${note.title}</a>
<p class="muted note-item-time"><time datetime="${note.createdAt.toISOString()}">${timeText(note.createdAt)}</time></p>
${line !== '' && html`<p class="note-item-line">${line}</p>`}
</li>`;
}
