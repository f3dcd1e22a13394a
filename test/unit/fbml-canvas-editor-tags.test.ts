/** fb:editor and its rows: the form a browser gets, and the field names it posts. */
import { describe, expect, it } from 'vitest';
import { ADA, APP_ID, canvasHtml, canvasPage } from './fbml-canvas-kit.js';

const row = (label: string, field: string, cellClass = 'fbml-editor-field', width = '75') =>
  `<tr class="fbml-editor-row"><th class="fbml-editor-label" width="${width}">${label === '' ? '' : `<label>${label}</label>`}</th><td class="${cellClass}">${field}</td></tr>`;
const form = (rows: string, action = ' action="save.php"', width = '424') => `<form class="fbml-editor" method="post"${action}><table class="fbml-editor-table" width="${width}"><tbody>${rows}</tbody></table></form>`;

/** The `<option>`s of a select, the selected value marked `*`. */
function options(html: string, name: string): string[] {
  const select = new RegExp(`<select name="${name.replace(/[[\]]/g, '\\$&')}">(.*?)</select>`).exec(html)?.[1] ?? '';
  return [...select.matchAll(/<option value="([^"]*)"( selected="selected")?>/g)].map((match) => (match[2] ? `*${match[1]}` : match[1]!));
}

describe('fbml canvas: fb:editor', () => {
  it('a POST form of labelled rows: text, textarea, custom, divider, buttons', async () => {
    const fbml = `<fb:editor action="save.php" labelwidth="100">
      <fb:editor-text label="Title" name="title" value="My quiz" maxlength="40"/>
      <fb:editor-textarea label="About" name="about" rows="3">It is <b>hard</b></fb:editor-textarea>
      <fb:editor-custom label="Level" id="level"><select name="level"><option value="1">Easy</option></select></fb:editor-custom>
      <fb:editor-divider/>
      <fb:editor-buttonset><fb:editor-button value="Save" name="save"/><fb:editor-button value="Preview"/><fb:editor-cancel href="list.php"/></fb:editor-buttonset>
    </fb:editor>`;
    expect(await canvasHtml(fbml, ADA)).toBe(
      form(
        row('Title', '<input type="text" class="fbml-editor-input" name="title" value="My quiz" maxlength="40">', undefined, '100') +
          row('About', '<textarea class="fbml-editor-textarea" name="about" rows="3">It is hard</textarea>', undefined, '100') +
          `<tr class="fbml-editor-row"><th class="fbml-editor-label" width="100"><label>Level</label></th><td class="fbml-editor-field" id="app${APP_ID}_level"><select name="level"><option value="1">Easy</option></select></td></tr>` +
          '<tr class="fbml-editor-divider"><td colspan="2"><hr></td></tr>' +
          row('', '<input type="submit" class="fbml-editor-button" value="Save" name="save"> <input type="submit" class="fbml-editor-button" value="Preview"> <a class="fbml-editor-cancel" href="list.php">Cancel</a>', 'fbml-editor-field fbml-editor-buttonset', '100'),
      ),
    );
  });

  it('other content (hidden fields) keeps its place in a row across both columns', async () => {
    expect(await canvasHtml('<fb:editor action="save.php"><input type="hidden" name="id" value="7"><fb:editor-text label="A" name="a"/></fb:editor>', ADA)).toBe(
      form('<tr class="fbml-editor-extra"><td colspan="2"><input type="hidden" name="id" value="7"></td></tr>' + row('A', '<input type="text" class="fbml-editor-input" name="a">')),
    );
  });

  it('the action is rewritten like any form action; a missing one posts to this page, reported', async () => {
    expect(await canvasHtml('<fb:editor action="http://quiz.example/fb/save.php" width="300"></fb:editor>', ADA)).toBe(form('', ' action="/apps/quiz/save.php"', '300'));
    expect(await canvasPage('<fb:editor></fb:editor>', ADA)).toMatchObject({ html: form('', ''), problems: ['fb:editor: required attribute "action" is missing; the form posts to this page'] });
    expect((await canvasPage('<fb:editor action="javascript:x()"></fb:editor>', ADA)).html).toBe(form('', ''));
  });

  it('a cancel button without href leads back to this page', async () => {
    expect(await canvasHtml('<fb:editor action="s"><fb:editor-buttonset><fb:editor-cancel value="Back"/></fb:editor-buttonset></fb:editor>', ADA)).toContain(
      '<a class="fbml-editor-cancel" href="/apps/quiz/play/step.php?to=1">Back</a>',
    );
  });

  it('rows outside fb:editor are removed and reported', async () => {
    expect(await canvasPage('<fb:editor-text label="A" name="a"/>', ADA)).toMatchObject({ html: '', problems: ['fb:editor-text: only allowed inside fb:editor; removed'] });
  });
});

describe('fbml canvas: the date and time pickers', () => {
  // 2009-03-04 17:23 UTC
  const VALUE = '1236187380';

  it('fb:editor-date: month, day and year selects at the value; years around it and today', async () => {
    const html = await canvasHtml(`<fb:editor action="s"><fb:editor-date label="Day" name="when" value="${VALUE}"/></fb:editor>`, ADA);
    expect(options(html, 'when_month')).toEqual(['1', '2', '*3', '4', '5', '6', '7', '8', '9', '10', '11', '12']);
    expect(options(html, 'when_day')).toHaveLength(31);
    expect(options(html, 'when_day')[3]).toBe('*4');
    expect(options(html, 'when_year')).toEqual(['2004', '2005', '2006', '2007', '2008', '*2009', '2010', '2011', '2012', '2013', '2014']);
    expect(html).toContain('<option value="3" selected="selected">March</option>');
  });

  it('fb:editor-time: hour, five-minute and am/pm selects', async () => {
    const html = await canvasHtml(`<fb:editor action="s"><fb:editor-time label="At" name="at" value="${VALUE}"/></fb:editor>`, ADA);
    expect(options(html, 'at_hour').filter((value) => value.startsWith('*'))).toEqual(['*5']);
    expect(options(html, 'at_min')).toEqual(['00', '05', '10', '15', '*20', '25', '30', '35', '40', '45', '50', '55']);
    expect(options(html, 'at_ampm')).toEqual(['am', '*pm']);
  });

  it('fb:editor-month: one select under the name; today (the request clock) without a value', async () => {
    const html = await canvasHtml('<fb:editor action="s"><fb:editor-month label="Month" name="m"/></fb:editor>', ADA);
    expect(options(html, 'm').filter((value) => value.startsWith('*'))).toEqual(['*6']);
  });

  it('an unreadable value is reported and today used', async () => {
    const page = await canvasPage('<fb:editor action="s"><fb:editor-date name="d" value="next tuesday"/></fb:editor>', ADA);
    expect(options(page.html, 'd_day').filter((value) => value.startsWith('*'))).toEqual(['*15']);
    expect(page.problems).toEqual(['fb:editor-date: value "next tuesday" is not a time in seconds since 1970; today used']);
  });
});
