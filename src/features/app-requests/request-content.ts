/**
 * What a request shows its recipient: its FBML rendered by the profile renderer (the rules of a
 * profile box: no script, allow-listed HTML, fb:name and the like for the recipient), and its
 * fb:req-choice buttons, which the renderer leaves out and Hearth's page draws as its own forms.
 */
import { Parser } from 'htmlparser2';
import { renderProfileBox, type FbmlServices } from '../../fbml/index.js';

/** An fb:req-choice of the request: a button labelled `label` that leads to `url`. */
export interface RequestChoice {
  readonly label: string;
  readonly url: string;
}

/** The label of a choice that names none. */
const DEFAULT_CHOICE_LABEL = 'Accept';

/** The request's fb:req-choice buttons in the order written; a choice without `url` is left out. */
export function requestChoices(content: string): RequestChoice[] {
  const choices: RequestChoice[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name !== 'fb:req-choice') return;
        const url = attributes.url?.trim() ?? '';
        if (url !== '') choices.push({ url, label: attributes.label?.trim() || DEFAULT_CHOICE_LABEL });
      },
    },
    // As the FBML renderer reads markup, so that a choice is found where it would be rendered.
    { recognizeSelfClosing: true, decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(content);
  parser.end();
  return choices;
}

export interface ContentReader {
  readonly appId: number;
  readonly sender: number;
  /** Who reads it: the recipient, or the sender previewing it. */
  readonly viewerUid: number;
  /** The host the page was reached by (the renderer keeps forms and images off it). */
  readonly platformHost: string;
}

/** The request's FBML as safe HTML (fb:req-choice removed), and the renderer's problems for the log. */
export async function renderRequestContent(content: string, reader: ContentReader, services: FbmlServices): Promise<{ html: string; problems: readonly string[] }> {
  if (content.trim() === '') return { html: '', problems: [] };
  const box = await renderProfileBox(
    { fbml: content, ownerUid: reader.sender, viewerUid: reader.viewerUid, appId: reader.appId, position: 'wide', platformHost: reader.platformHost },
    services,
  );
  return { html: box.html, problems: box.problems.filter((problem) => !problem.includes('fb:req-choice')) };
}
