/**
 * The one stylesheet of the pages, served at `/hearth.css?v=<hash>`. The hash in the link changes
 * with the content, so browsers may keep it for a year without ever showing a stale style.
 */
import { createHash } from 'node:crypto';
import { CANVAS_FBML_CSS } from '../../fbml/canvas-tags/canvas-styles.js';

export const STYLESHEET_PATH = '/hearth.css';

const CSS = `
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0; min-height: 100vh; display: flex; flex-direction: column;
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: #1c1e21; background: #eef0f4;
}
a { color: #385898; text-decoration: none; }
a:hover, a:focus { text-decoration: underline; }
.topbar { background: #3b5998; border-bottom: 1px solid #29487d; }
.topbar-inner { max-width: 980px; margin: 0 auto; padding: 10px 16px; display: flex; align-items: center; gap: 12px; }
.brand { color: #fff; font-weight: 700; font-size: 22px; letter-spacing: -0.5px; }
.brand:hover, .brand:focus { text-decoration: none; }
.topbar-note { color: #dfe3ee; font-size: 13px; margin-left: auto; overflow-wrap: anywhere; }
main { flex: 1; width: 100%; padding: 32px 16px; }
.card {
  max-width: 440px; margin: 0 auto; background: #fff; border: 1px solid #dddfe2; border-radius: 8px;
  box-shadow: 0 2px 6px rgba(0, 0, 0, 0.08); padding: 24px; overflow-wrap: anywhere;
}
.card.wide { max-width: 600px; }
h1 { font-size: 20px; line-height: 1.3; margin: 0 0 16px; }
h1 .app, .app { color: #1c1e21; }
p { margin: 0 0 12px; }
.muted { color: #606770; font-size: 13px; }
.below { margin: 16px 0 0; }
code { font: 13px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: #f0f2f5; padding: 1px 4px; border-radius: 3px; }
.app-banner { display: flex; align-items: center; gap: 12px; margin: 0 0 16px; }
.app-mark {
  flex: none; width: 44px; height: 44px; border-radius: 8px; background: #e7f0fd; color: #3b5998;
  display: flex; align-items: center; justify-content: center; font-weight: 700; font-size: 20px;
}
.app-banner h1 { margin: 0; }
.field { margin: 0 0 14px; }
.field label { display: block; font-weight: 600; margin: 0 0 4px; }
input[type=email], input[type=password], input[type=text], input[type=url], input[type=date], input[type=time], select {
  width: 100%; padding: 10px 12px; font: inherit; font-size: 16px; color: inherit;
  border: 1px solid #ccd0d5; border-radius: 6px; background: #fff;
}
select {
  appearance: none; padding-right: 36px; cursor: pointer;
  background: #fff url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='12' height='8' viewBox='0 0 12 8'%3E%3Cpath d='M1 1.5l5 5 5-5' fill='none' stroke='%23606770' stroke-width='2'/%3E%3C/svg%3E") no-repeat right 12px center;
}
input:focus, select:focus { outline: 2px solid #8b9dc3; outline-offset: 0; border-color: #4267b2; }
input[aria-invalid=true], select[aria-invalid=true] { border-color: #d93025; background-color: #fffbfa; }
.field .optional { font-weight: 400; color: #606770; font-size: 13px; }
.hint, .field-error { margin: 4px 0 0; font-size: 13px; }
.hint { color: #606770; }
.field-error { color: #b3261e; font-weight: 600; }
.field-row { display: grid; grid-template-columns: 1fr 1fr; gap: 0 16px; }
.check { display: flex; align-items: center; gap: 8px; margin: 0 0 16px; }
.check input { width: 18px; height: 18px; margin: 0; }
.actions { display: flex; flex-wrap: wrap; gap: 8px; margin: 20px 0 0; }
.button {
  display: inline-block; padding: 10px 20px; font: inherit; font-weight: 600; border-radius: 6px;
  border: 1px solid #4267b2; background: #4267b2; color: #fff; cursor: pointer; text-align: center;
}
.button:hover, .button:focus { background: #365899; text-decoration: none; }
.button.secondary { background: #f5f6f7; border-color: #ccd0d5; color: #4b4f56; }
.button.secondary:hover, .button.secondary:focus { background: #e9ebee; }
.button.small { padding: 6px 12px; font-size: 13px; }
.actions .button { flex: 1 1 0; }
.notice { padding: 10px 12px; border-radius: 6px; margin: 0 0 16px; border: 1px solid; }
.notice.error { background: #fdeded; border-color: #f2b8b5; color: #8c1d18; }
.notice.info { background: #edf3fd; border-color: #bcd0f5; color: #1d3f7a; }
.sees { list-style: none; padding: 0; margin: 0 0 12px; border: 1px solid #e4e6eb; border-radius: 6px; }
.sees li { padding: 10px 12px 10px 36px; position: relative; border-top: 1px solid #e4e6eb; }
.sees li:first-child { border-top: none; }
.sees li::before { content: "\\2713"; position: absolute; left: 12px; color: #42b72a; font-weight: 700; }
.person { display: flex; align-items: center; gap: 10px; margin: 0 0 16px; padding: 10px 12px; background: #f5f6f7; border-radius: 6px; }
.person img { width: 36px; height: 36px; border-radius: 50%; object-fit: cover; flex: none; }
.person-text { min-width: 0; }
.apps { list-style: none; padding: 0; margin: 0; }
.apps li { display: flex; align-items: center; gap: 12px; padding: 12px 0; border-top: 1px solid #e4e6eb; }
.apps li:first-child { border-top: none; }
.apps .app-name { flex: 1; min-width: 0; font-weight: 600; }
.apps form { margin: 0; flex: none; }
.card h2.section { font-size: 16px; line-height: 1.3; margin: 20px 0 8px; }
.friends { list-style: none; padding: 0; margin: 0 0 12px; }
.friends li { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 12px; padding: 10px 0; border-top: 1px solid #e4e6eb; }
.friends li:first-child { border-top: none; }
.friends .friend-name { flex: 1; min-width: 0; font-weight: 600; }
.friends form { margin: 0; flex: none; display: flex; gap: 8px; }
.friend-lists { list-style: none; padding: 0; margin: 0 0 16px; }
.friend-list { border: 1px solid #e4e6eb; border-radius: 6px; padding: 12px; margin: 0 0 12px; }
.friend-list h3 { font-size: 15px; line-height: 1.3; margin: 0 0 4px; }
.friend-list .friends, .friend-list p { margin-bottom: 8px; }
.inline-form { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; margin: 8px 0 0; }
.inline-form input[type=text], .inline-form select { flex: 1 1 160px; width: auto; min-width: 0; padding: 6px 10px; }
.inline-form select { padding-right: 36px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.tabs { display: flex; flex-wrap: wrap; gap: 4px; margin: -8px 0 20px; border-bottom: 1px solid #e4e6eb; }
.tabs a { padding: 8px 12px; margin-bottom: -1px; color: #606770; font-weight: 600; font-size: 14px; border-bottom: 3px solid transparent; }
.tabs a:hover, .tabs a:focus { text-decoration: none; color: #1c1e21; }
.tabs a[aria-current=page] { color: #3b5998; border-bottom-color: #4267b2; }
.notice.success { background: #edf7ed; border-color: #b5dbb6; color: #1e4620; }
.profile-card { margin-bottom: 20px; }
.profile-card img, .profile-card .app-mark { width: 48px; height: 48px; border-radius: 50%; }
.card.columns { max-width: 760px; }
.profile { display: grid; grid-template-columns: 192px minmax(0, 1fr); gap: 24px; align-items: start; }
.profile-picture img, .profile-placeholder { display: block; width: 100%; aspect-ratio: 1; border-radius: 8px; object-fit: cover; }
.profile-placeholder {
  display: flex; align-items: center; justify-content: center; background: #e7f0fd; color: #3b5998; font-size: 72px; font-weight: 700;
}
.profile-head { margin: 0 0 16px; }
.profile-head h1 { font-size: 24px; margin: 0 0 4px; }
.profile-head p { margin: 0; }
.profile-head .profile-status { margin: 0 0 6px; font-size: 15px; }
.profile-status time { font-size: 12px; margin-left: 4px; }
.profile-boxes { display: flex; flex-direction: column; gap: 16px; }
.main-boxes { margin-top: 16px; }
.fbml-box { border: 1px solid #d8dfea; border-radius: 4px; overflow: hidden; }
.fbml-box-title {
  margin: 0; padding: 5px 8px; font-size: 13px; line-height: 1.3; font-weight: 700; color: #3b5998;
  background: #eceff5; border-bottom: 1px solid #d8dfea;
}
.fbml-box-body { padding: 8px; font-size: 13px; line-height: 1.4; overflow-x: auto; }
.fbml-box-body:empty { display: none; }
.fbml-box-body img { max-width: 100%; height: auto; }
.fbml-box-body p { margin: 0 0 8px; }
.fbml-subtitle {
  display: flex; flex-direction: row-reverse; justify-content: space-between; flex-wrap: wrap; gap: 2px 12px;
  margin: -8px -8px 8px; padding: 4px 8px; background: #f7f8fa; border-bottom: 1px solid #e9ebee; color: #606770; font-size: 12px;
}
.fbml-user-table td { padding: 4px; text-align: center; vertical-align: top; font-size: 12px; }
${CANVAS_FBML_CSS}
footer { text-align: center; color: #8d949e; font-size: 12px; padding: 16px; }
body.compact { background: #fff; }
body.compact main { padding: 0; }
body.compact .card { max-width: 560px; border: none; border-radius: 0; box-shadow: none; padding: 16px 24px; }
body.compact .topbar-inner { max-width: 560px; padding: 6px 24px; }
body.compact .brand { font-size: 18px; }
body.compact h1 { font-size: 18px; }
body.compact p { margin-bottom: 10px; }
body.compact .app-banner { margin-bottom: 12px; }
body.compact .app-mark { width: 36px; height: 36px; font-size: 17px; }
body.compact .field { margin-bottom: 10px; }
body.compact input[type=email], body.compact input[type=password] { padding: 8px 10px; }
body.compact .check { margin-bottom: 10px; }
body.compact .actions { margin-top: 12px; }
body.compact .person { margin-bottom: 10px; padding: 8px 12px; }
body.compact .sees li { padding: 6px 12px 6px 36px; }
body.compact .below { margin-top: 10px; }
/* The stream: the composer, posts, their comments and likes (home page, wall). */
textarea { width: 100%; padding: 8px 10px; font: inherit; border: 1px solid #ccd0d5; border-radius: 6px; resize: vertical; }
textarea:focus { outline: 2px solid #a8bce8; border-color: #385898; }
.home-links { margin: -4px 0 16px; font-size: 13px; }
.stream-filters ul { list-style: none; margin: 0 0 8px; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 14px; font-size: 13px; }
.stream-filters a[aria-current="page"] { font-weight: bold; color: inherit; text-decoration: none; }
.front-intro { font-size: 16px; }
.composer { margin: 0 0 20px; padding: 12px; background: #f5f6f7; border: 1px solid #dddfe2; border-radius: 8px; }
.composer .field { margin-bottom: 8px; }
.composer-row { display: grid; grid-template-columns: minmax(0, 1fr) auto; gap: 0 12px; }
.composer .actions { margin-top: 4px; }
.stream { display: flex; flex-direction: column; }
.story { padding: 12px 0; border-top: 1px solid #e9ebee; }
.story:first-child { border-top: none; }
.story p { margin: 0 0 6px; }
.story-head { font-weight: 600; }
.story-to { color: #90949c; font-weight: 400; }
.story-message { white-space: pre-line; }
.story-picture { margin: 6px 0; }
.story-picture img { display: block; max-width: 100%; height: auto; border: 1px solid #dddfe2; }
.story-responses { margin: 12px 0 20px; }
.story-meta { font-size: 12px; display: flex; flex-wrap: wrap; align-items: baseline; gap: 0 4px; }
.story-likes { font-size: 13px; background: #f5f6f7; padding: 4px 8px; border-radius: 4px; margin-top: 6px; }
.inline-action { display: inline; margin: 0; }
.link-button { background: none; border: none; padding: 0; font: inherit; color: #385898; cursor: pointer; }
.link-button:hover, .link-button:focus { text-decoration: underline; }
.attachment { display: flex; gap: 10px; margin: 6px 0 8px; padding-left: 10px; border-left: 3px solid #dddfe2; }
.attachment-media { flex: none; display: flex; flex-wrap: wrap; gap: 4px; max-width: 45%; }
.attachment-media img { display: block; max-width: 130px; max-height: 130px; border: 1px solid #dddfe2; }
.attachment-text { min-width: 0; font-size: 13px; }
.attachment-name { font-weight: 600; }
.attachment-properties { list-style: none; margin: 0; padding: 0; }
.property-name { color: #606770; }
.story-comments { margin-top: 6px; background: #f5f6f7; border-radius: 4px; padding: 4px 8px; font-size: 13px; }
.comments { list-style: none; margin: 0; padding: 0; }
.comment { padding: 4px 0; border-top: 1px solid #e9ebee; }
.comment:first-child { border-top: none; }
.comment .person-link { font-weight: 600; }
.comment-text { white-space: pre-line; }
.comment-meta { font-size: 11px; margin-left: 4px; }
.more-comments { margin: 2px 0 4px; }
.comment-form form { display: flex; gap: 6px; padding: 4px 0; }
.comment-form input[type=text] { flex: 1; min-width: 0; padding: 6px 8px; }
.load-more { text-align: center; margin: 12px 0 0; }
.profile-wall { margin-top: 24px; }
.profile-friends { margin-top: 16px; font-size: 13px; }
.friend-links { list-style: none; margin: 0 0 6px; padding: 0; }
.friend-links li { padding: 2px 0; }
.friend-button { margin-top: 8px; }
.demo-json { background: #f5f6f7; border: 1px solid #dddfe2; border-radius: 6px; padding: 8px; font-size: 12px; overflow-x: auto; white-space: pre-wrap; }
/* Events: the picture beside an event's name (event.php), the square one in a list (events.php). */
.event-picture { float: right; max-width: min(200px, 40%); height: auto; margin: 0 0 8px 12px; border: 1px solid #dddfe2; }
.event-square { float: left; width: 50px; height: 50px; margin: 0 10px 4px 0; border: 1px solid #dddfe2; }
.event-item { overflow: hidden; }
/* Photos: albums (photos.php), thumbnails (album.php), one photo with its tag markers (photo.php), uploads. */
.album-list { list-style: none; margin: 0 0 16px; padding: 0; }
.album-item { display: flex; align-items: center; gap: 12px; padding: 10px 0; border-top: 1px solid #e9ebee; }
.album-item:first-child { border-top: none; }
.album-cover { flex: none; width: 96px; height: 96px; display: flex; align-items: center; justify-content: center; background: #f5f6f7; border-radius: 4px; overflow: hidden; font-size: 12px; color: #90949c; }
.album-cover img { max-width: 100%; max-height: 100%; width: auto; height: auto; }
.album-text { min-width: 0; }
.album-name { font-weight: 600; }
.album-text p, .album-text form { margin: 2px 0 0; }
.photo-grid { list-style: none; margin: 0 0 16px; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(96px, 1fr)); gap: 8px; }
.photo-grid li { display: flex; flex-direction: column; align-items: center; font-size: 12px; text-align: center; }
.photo-grid img { display: block; max-width: 100%; height: auto; border: 1px solid #dddfe2; }
.photo-steps { display: flex; justify-content: space-between; gap: 8px; font-size: 13px; margin: 0 0 8px; }
.photo-figure { margin: 0 0 12px; }
.photo-frame { position: relative; display: inline-block; max-width: 100%; overflow: hidden; vertical-align: top; }
.photo-frame img { display: block; max-width: 100%; height: auto; }
.tag-layer { position: absolute; top: 0; left: 0; width: 100%; height: 100%; pointer-events: none; }
.tag-marker circle { fill: none; stroke: #fff; stroke-width: 3; filter: drop-shadow(0 0 1px #000); }
.tag-marker text { fill: #fff; stroke: #1c1e21; stroke-width: 3px; paint-order: stroke; font-size: 13px; font-weight: 600; }
.photo-caption { margin: 6px 0 0; }
input[type=number], input[type=file] { width: 100%; max-width: 100%; font: inherit; }
input[type=number] { padding: 10px 12px; font-size: 16px; border: 1px solid #ccd0d5; border-radius: 6px; }
.upload-progress { list-style: none; margin: 8px 0 0; padding: 0; font-size: 13px; }
.upload-progress li { display: grid; grid-template-columns: minmax(0, 1fr) 100px; gap: 2px 8px; padding: 4px 0; }
.upload-progress progress { width: 100%; }
.upload-status { grid-column: 1 / -1; color: #606770; }
.upload-refused .upload-status { color: #b3261e; font-weight: 600; }
/* Notes and links: note.php, notes.php, and the profile's Notes and Links boxes (one column wide on a phone). */
.note-trail { margin: 0 0 8px; font-size: 13px; }
.note-title { overflow-wrap: anywhere; }
.note-meta { margin: -4px 0 16px; font-size: 13px; }
.note-body { overflow-wrap: anywhere; overflow-x: auto; }
.note-body img { max-width: 100%; height: auto; }
.note-list, .box-list { list-style: none; margin: 0; padding: 0; }
.note-item { padding: 10px 0; border-top: 1px solid #e9ebee; overflow-wrap: anywhere; }
.note-item:first-child { border-top: none; }
.note-item-title { font-weight: 600; }
.note-item p { margin: 2px 0 0; }
.box-list li { padding: 3px 0; overflow-wrap: anywhere; }
.box-list time { font-size: 11px; }
.fbml-box-body .box-more, .fbml-box-body .link-item-comment { margin: 2px 0 0; }
.profile-notes, .profile-links { grid-column: 1 / -1; margin-top: 16px; }
/* The top bar of a signed-in person's pages: their places and the features' links with counts; on a phone the links take a line of their own. */
.topbar-inner { flex-wrap: wrap; row-gap: 4px; }
.topbar-links { display: flex; flex-wrap: wrap; gap: 2px 14px; font-size: 13px; }
.topbar-links a { color: #fff; font-weight: 600; white-space: nowrap; }
.topbar-count { display: inline-block; min-width: 18px; padding: 0 5px; border-radius: 9px; background: #f03d25; color: #fff; font-size: 11px; font-weight: 700; line-height: 18px; text-align: center; }
/* Notifications (notifications.php): the ones not read before stand out. */
.notification-unread { background: #edf2fa; margin: 0 -8px; padding-left: 8px; padding-right: 8px; }
@media (max-width: 640px) {
  .topbar-links { order: 3; width: 100%; justify-content: space-between; }
}
@media (max-width: 640px) {
  /* One column: picture beside the name, then the main boxes, then the wide ones. */
  .profile { grid-template-columns: 64px minmax(0, 1fr); gap: 16px; grid-template-areas: "picture head" "main main" "wide wide"; }
  .profile-narrow, .profile-wide { display: contents; }
  .profile-picture { grid-area: picture; }
  .profile-placeholder { font-size: 28px; }
  .profile-head { grid-area: head; align-self: center; margin: 0; }
  .profile-head h1 { font-size: 20px; }
  .main-boxes { grid-area: main; margin: 0; }
  .wide-boxes, .profile-empty { grid-area: wide; }
}
@media (max-width: 480px) {
  main { padding: 0; }
  .field-row { grid-template-columns: 1fr; }
  .tabs { flex-wrap: nowrap; justify-content: space-between; gap: 0; }
  .tabs a { min-width: 0; padding: 8px 2px; font-size: 13px; text-align: center; }
  .card { border-radius: 0; border-left: none; border-right: none; box-shadow: none; }
  body.compact main { padding: 0; }
}
@media (max-width: 640px) {
  .profile { grid-template-areas: "picture head" "main main" "wide wide" "wall wall" "friends friends"; }
  .profile-wall { grid-area: wall; margin-top: 8px; }
  .profile-friends { grid-area: friends; }
  .composer-row { grid-template-columns: minmax(0, 1fr); }
  .attachment { flex-direction: column; }
  .attachment-media { max-width: 100%; }
}
`.trimStart();

export const STYLESHEET = { css: CSS, version: createHash('sha256').update(CSS).digest('hex').slice(0, 12) } as const;

/** The link pages use; the version query makes the long cache lifetime safe. */
export const STYLESHEET_URL = `${STYLESHEET_PATH}?v=${STYLESHEET.version}`;
