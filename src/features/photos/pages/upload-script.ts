/**
 * The one script of the pages: on an album page, it sends the chosen photos one at a time with
 * XMLHttpRequest (a progress bar each, from the upload's progress events), as the same multipart
 * form with `via=script`, and goes back to the album when all are in. A photo that is refused keeps
 * its line with the server's reason, and the album is one link away. Without it the form posts as
 * is. Served at a versioned URL (like the stylesheet) so that it may be cached for a year; it lives
 * under /js/ because /photos/ is the images'.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

const SCRIPT = `'use strict';
(() => {
  const form = document.querySelector('form.upload-form');
  if (!form) return;
  const input = form.querySelector('input[type=file]');
  const list = form.querySelector('.upload-progress');
  const button = form.querySelector('button[type=submit]');

  form.addEventListener('submit', (event) => {
    const files = Array.from(input.files || []);
    if (files.length === 0) return;
    event.preventDefault();
    button.disabled = true;
    list.replaceChildren();
    const rows = files.map((file) => {
      const item = document.createElement('li');
      const name = document.createElement('span');
      name.className = 'upload-name';
      name.textContent = file.name;
      const bar = document.createElement('progress');
      bar.max = 1;
      bar.value = 0;
      const status = document.createElement('span');
      status.className = 'upload-status';
      status.textContent = 'Waiting';
      item.append(name, bar, status);
      list.append(item);
      return { file, item, bar, status };
    });
    sendAll(rows);
  });

  async function sendAll(rows) {
    let refused = 0;
    for (const row of rows) if (!(await send(row))) refused++;
    if (refused === 0) {
      location.assign(form.action);
      return;
    }
    const back = document.createElement('a');
    back.href = form.action;
    back.textContent = 'Show the album';
    const item = document.createElement('li');
    item.append(back);
    list.append(item);
    button.disabled = false;
  }

  // The server answers a script's upload with a line of text; other answers (an expired form) are pages.
  function reason(request) {
    const type = request.getResponseHeader('content-type') || '';
    if (type.startsWith('text/plain')) return request.responseText;
    const page = new DOMParser().parseFromString(request.responseText, 'text/html');
    const text = page.querySelector('main p');
    return text ? text.textContent : 'Not uploaded (' + request.status + ').';
  }

  function send(row) {
    return new Promise((resolve) => {
      const data = new FormData(form);
      data.delete('photo');
      data.append('via', 'script');
      data.append('photo', row.file, row.file.name);
      const request = new XMLHttpRequest();
      request.open('POST', form.action);
      request.upload.addEventListener('progress', (event) => {
        if (event.lengthComputable) row.bar.value = event.loaded / event.total;
      });
      request.addEventListener('load', () => {
        const stored = request.status === 201;
        if (stored) row.bar.value = 1;
        row.status.textContent = stored ? 'Uploaded' : reason(request);
        row.item.className = stored ? 'upload-done' : 'upload-refused';
        resolve(stored);
      });
      request.addEventListener('error', () => {
        row.status.textContent = 'Not uploaded: the connection failed.';
        row.item.className = 'upload-refused';
        resolve(false);
      });
      row.status.textContent = 'Uploading';
      request.send(data);
    });
  }
})();
`;

const VERSION = createHash('sha256').update(SCRIPT).digest('hex').slice(0, 12);
const SCRIPT_ROUTE = '/js/photo-upload.js';

/** The script's URL as pages link it; the version makes the long cache lifetime safe. */
export const UPLOAD_SCRIPT_PATH = `${SCRIPT_ROUTE}?v=${VERSION}`;

export function uploadScriptRoute(server: FastifyInstance): void {
  // A sub-resource of our own pages: the pages' guard lets script requests through to it.
  server.get(SCRIPT_ROUTE, { config: { subresource: true } }, async (request, reply) => {
    const current = (request.query as Record<string, unknown> | undefined)?.v === VERSION;
    return reply
      .header('content-type', 'text/javascript; charset=utf-8')
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', current ? 'public, max-age=31536000, immutable' : 'public, max-age=300')
      .send(SCRIPT);
  });
}
