/**
 * What profile.setFBML refuses (error 330): markup that does not parse as FBML. The renderer would
 * repair it silently, so the app's developer would never learn that half their box vanished into
 * an unclosed `fb:` tag. Refused: an `fb:` tag left open or closed out of order, a closing `fb:`
 * tag with nothing to close, and `html`/`head`/`body` elements (docs/fbml.md, "checkFbml").
 * Unknown `fb:` tags are accepted; the renderer drops and reports them.
 */
import { Parser, type Handler } from 'htmlparser2';
import type { FbmlProblems } from './fbml-api.js';
import { FBML_PARSER_OPTIONS, isFbmlTagName } from './fbml-parser.js';

/** Enough for the developer to fix the first few; a broken box can produce one per tag. */
const MAX_PROBLEMS = 20;
const DOCUMENT_ELEMENTS = new Set(['html', 'head', 'body']);

/** What made the parser close the element it is closing now. */
type CloseCause = { readonly kind: 'end-tag'; readonly name: string } | { readonly kind: 'self-closing' } | { readonly kind: 'end-of-input' };

interface OpenFbmlTag {
  readonly name: string;
  readonly line: number;
  /** `uid=1/>` reads as the value `1/`, not as a self-closing tag (as in browsers); worth a hint. */
  readonly slashInUnquotedValue: boolean;
}

export function checkFbml(fbml: string): FbmlProblems {
  const problems: string[] = [];
  const openTags: OpenFbmlTag[] = [];
  const lineAt = lineCounter(fbml);
  let cause: CloseCause | undefined;
  let parser: CheckingParser | undefined;
  let slashInUnquotedValue = false;
  const report = (problem: string) => {
    if (problems.length < MAX_PROBLEMS && !problems.includes(problem)) problems.push(problem);
  };

  const handler: Partial<Handler> = {
    onattribute(_, value, quote) {
      if (quote === null && value.endsWith('/')) slashInUnquotedValue = true;
    },
    onopentag(name) {
      const line = lineAt(parser!.startIndex);
      if (DOCUMENT_ELEMENTS.has(name)) report(`line ${line}: <${name}> is not allowed in FBML`);
      if (isFbmlTagName(name)) openTags.push({ name, line, slashInUnquotedValue });
      slashInUnquotedValue = false;
    },
    onclosetag(name) {
      if (!isFbmlTagName(name)) return;
      // The parser closes elements innermost first, so this is always the last one opened.
      const tag = openTags.pop();
      if (!tag) return;
      if (cause?.kind === 'self-closing' || (cause?.kind === 'end-tag' && cause.name === name)) return;
      const hint = tag.slashInUnquotedValue ? ' (quote its attribute values: in uid=1/> the slash belongs to the value)' : '';
      if (cause?.kind === 'end-tag') report(`line ${tag.line}: <${name}> is closed by </${cause.name}> before its own closing tag${hint}`);
      else report(`line ${tag.line}: <${name}> is never closed${hint}`);
    },
  };

  /**
   * htmlparser2 tells its handler about implied closes but silently drops a closing tag that
   * matches nothing open; these two hooks see the raw tokens so both can be reported.
   */
  class CheckingParser extends Parser {
    override onclosetag(start: number, endIndex: number): void {
      const name = fbml.slice(start, endIndex).toLowerCase();
      if (isFbmlTagName(name) && !openTags.some((tag) => tag.name === name)) {
        report(`line ${lineAt(start)}: </${name}> closes nothing`);
      }
      cause = { kind: 'end-tag', name };
      super.onclosetag(start, endIndex);
      cause = undefined;
    }

    override onselfclosingtag(endIndex: number): void {
      cause = { kind: 'self-closing' };
      super.onselfclosingtag(endIndex);
      cause = undefined;
    }

    override onend(): void {
      cause = { kind: 'end-of-input' };
      super.onend();
      cause = undefined;
    }
  }

  parser = new CheckingParser(handler, FBML_PARSER_OPTIONS);
  parser.parseComplete(fbml);
  return problems;
}

/** 1-based line of a character offset; offsets arrive in increasing order, so it scans once. */
function lineCounter(text: string): (offset: number) => number {
  let scanned = 0;
  let line = 1;
  return (offset) => {
    if (offset < scanned) {
      scanned = 0;
      line = 1;
    }
    for (; scanned < offset && scanned < text.length; scanned++) if (text.charCodeAt(scanned) === 10) line++;
    return line;
  };
}
