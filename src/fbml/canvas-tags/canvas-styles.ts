/**
 * The look of the canvas tags (docs/canvas-fbml.md), for the one stylesheet of the pages
 * (src/http/page-kit/stylesheet.ts includes it). Every rule is scoped to a class the canvas tags
 * write, so nothing here restyles the rest of Hearth, and a phone-width column still fits.
 */
export const CANVAS_FBML_CSS = `
/* Canvas FBML tags (src/fbml/canvas-tags/) */
.fbml-app-icon { width: 16px; height: 16px; vertical-align: -3px; margin-right: 6px; }
.fbml-dashboard { margin: 0 0 12px; border-bottom: 1px solid #d8dfea; padding: 0 0 8px; }
.fbml-dashboard-title { font-size: 18px; font-weight: 700; color: #1c1e21; overflow: hidden; }
.fbml-dashboard-help { float: right; font-size: 12px; font-weight: 400; }
.fbml-dashboard-actions { margin: 6px 0 0; font-size: 12px; color: #606770; }
.fbml-dashboard-create { margin: 8px 0 0; }
.fbml-create-button {
  display: inline-block; padding: 4px 10px; border: 1px solid #d8dfea; border-radius: 4px;
  background: #f7f8fa; font-weight: 700; font-size: 13px;
}
.fbml-create-plus { color: #42b72a; font-weight: 700; }
.fbml-header { display: flex; align-items: center; gap: 6px; padding: 8px 0; margin: 0 0 8px; }
.fbml-header-border { border-bottom: 1px solid #d8dfea; }
.fbml-header-no-padding { padding: 0; }
.fbml-header-short .fbml-header-title { font-size: 14px; }
.fbml-header-title { margin: 0; font-size: 18px; }
.fbml-media-header { display: flex; gap: 10px; align-items: flex-start; margin: 0 0 12px; }
.fbml-media-header-title { margin: 0; font-size: 18px; }
.fbml-media-header-owner, .fbml-media-header-text { font-size: 12px; color: #606770; }
.fbml-tabs { display: flex; justify-content: space-between; flex-wrap: wrap; border-bottom: 1px solid #898989; margin: 0 0 12px; }
.fbml-tabs ul { display: flex; flex-wrap: wrap; list-style: none; margin: 0; padding: 0; }
.fbml-tab { margin: 0 2px -1px 0; }
.fbml-tab a, .fbml-tab span {
  display: block; padding: 4px 10px; border: 1px solid #d8dfea; border-bottom-color: #898989;
  background: #f7f8fa; font-size: 13px; font-weight: 700;
}
.fbml-tab-selected a, .fbml-tab-selected span { background: #6d84b4; border-color: #3b5998; color: #fff; }
.fbml-message { margin: 0 0 12px; padding: 8px 12px; border: 1px solid; font-size: 13px; }
.fbml-message-title { margin: 0; font-size: 14px; }
.fbml-message-body { margin: 4px 0 0; }
.fbml-error { border-color: #dd3c10; background: #ffebe8; }
.fbml-explanation { border-color: #bdc7d8; background: #f7f7f7; }
.fbml-success { border-color: #a4d16b; background: #eaf5dc; }
.fbml-editor-table { max-width: 100%; border-collapse: collapse; }
.fbml-editor-table th, .fbml-editor-table td { padding: 4px; vertical-align: top; font-size: 13px; }
.fbml-editor-label { text-align: right; font-weight: 700; color: #606770; }
.fbml-editor-input, .fbml-editor-textarea { width: 100%; }
.fbml-editor-divider hr { border: 0; border-top: 1px solid #d8dfea; }
.fbml-editor-buttonset .fbml-editor-cancel { margin-left: 4px; }
.fbml-friend-selector { margin: 0 0 12px; }
.fbml-friend-selector-border { border: 1px solid #bdc7d8; padding: 8px; }
.fbml-friend-selector-title { font-weight: 700; margin: 0 0 6px; }
.fbml-friend-list { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 2px 12px; }
.fbml-friend-selector-condensed .fbml-friend-list { grid-template-columns: 1fr; max-height: 200px; overflow-y: auto; }
.fbml-friend-selector-note { font-size: 12px; color: #606770; margin: 4px 0; }
.fbml-friend-selector-buttons { margin: 6px 0 0; }
.fbml-iframe { max-width: 100%; }
`;
