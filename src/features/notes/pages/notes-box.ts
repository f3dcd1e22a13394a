/**
 * The profile's "Notes" box: the person's latest notes that the viewer may read, titles linked to
 * note.php, with "See all" to notes.php. Nothing when there is none to show.
 */
import { html, type SafeHtml } from '../../../http/page-kit/templates.js';
import { timeText } from '../../../http/page-kit/time-text.js';
import type { Services } from '../../feature.js';
import type { Person } from '../../people/records.js';
import { notePagePath, notesPagePath, readableNotesOf } from './note-page-parts.js';

/** How many notes the box lists. */
export const NOTES_IN_BOX = 5;

export async function notesBox(services: Services, owner: Person, viewer: Person | undefined): Promise<SafeHtml | false> {
  const notes = await readableNotesOf(services, viewer, owner.uid, NOTES_IN_BOX);
  if (notes.length === 0) return false;
  return html`<section class="fbml-box profile-notes" aria-labelledby="box-notes">
<h2 class="fbml-box-title" id="box-notes">Notes</h2>
<div class="fbml-box-body">
<ul class="box-list">${notes.map(
    (note) => html`<li><a href="${notePagePath(note.noteId)}">${note.title}</a> <time class="muted" datetime="${note.createdAt.toISOString()}">${timeText(note.createdAt)}</time></li>`,
  )}</ul>
<p class="box-more"><a href="${notesPagePath(owner.uid)}">See all</a></p>
</div>
</section>`;
}
