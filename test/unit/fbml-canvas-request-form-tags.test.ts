/**
 * fb:request-form and the friend pickers, as a browser without script gets them: the hidden
 * fields Hearth's confirmation page reads, the viewer's friends as check boxes or a list, and
 * the buttons.
 */
import { describe, expect, it } from 'vitest';
import { REQUEST_FORM_SUBMIT_PATH } from '../../src/fbml/index.js';
import { ADA, APP_ID, BOB, CY, DEE, canvasHtml, canvasPage, testServices } from './fbml-canvas-kit.js';

const FIELDS = (type: string, content: string, invite: string, action: string, method = 'post') =>
  `<input type="hidden" name="app_id" value="${APP_ID}"><input type="hidden" name="type" value="${type}"><input type="hidden" name="content" value="${content}">` +
  `<input type="hidden" name="invite" value="${invite}"><input type="hidden" name="action" value="${action}"><input type="hidden" name="method" value="${method}">`;
const checkbox = (uid: number, name: string) => `<li><label><input type="checkbox" name="ids[]" value="${uid}"> ${name}</label></li>`;

describe('fbml canvas: fb:request-form', () => {
  it("posts to Hearth's confirmation page with the type, content, invite flag and where to go after", async () => {
    expect(REQUEST_FORM_SUBMIT_PATH).toBe('/fbml/request_form_submit.php');
    const fbml = '<fb:request-form type="Quiz" content="Take my quiz! &lt;fb:req-choice url=&quot;http://quiz.example/fb/take&quot; label=&quot;Take it&quot;/&gt;" invite="true" action="sent.php" method="GET"><fb:request-form-submit/></fb:request-form>';
    expect(await canvasHtml(fbml, ADA)).toBe(
      `<form class="fbml-request-form" method="post" action="${REQUEST_FORM_SUBMIT_PATH}">` +
        FIELDS('Quiz', 'Take my quiz! &lt;fb:req-choice url=&quot;http://quiz.example/fb/take&quot; label=&quot;Take it&quot;/&gt;', '1', '/apps/quiz/play/sent.php', 'get') +
        '<input type="submit" class="fbml-request-form-submit" value="Send Quiz Invitation"></form>',
    );
  });

  it('without an action the sender comes back to this page; a callback URL action becomes the canvas URL', async () => {
    expect(await canvasHtml('<fb:request-form type="Quiz" content="c"></fb:request-form>', ADA)).toContain('name="action" value="/apps/quiz/play/step.php?to=1"');
    expect(await canvasHtml('<fb:request-form type="Quiz" content="c" action="http://quiz.example/fb/done"></fb:request-form>', ADA)).toContain('name="action" value="/apps/quiz/done"');
  });

  it('missing type and content are reported', async () => {
    expect((await canvasPage('<fb:request-form></fb:request-form>', ADA)).problems).toEqual([
      'fb:request-form: required attribute "type" is missing; the request is called "Request"',
      'fb:request-form: required attribute "content" is missing; the request says nothing',
    ]);
  });
});

describe('fbml canvas: fb:multi-friend-selector', () => {
  it("the viewer's friends as ids[] check boxes by name, the send button and a skip link to the action", async () => {
    const asked: string[] = [];
    const html = await canvasHtml('<fb:request-form type="Quiz" content="c" action="sent.php"><fb:multi-friend-selector actiontext="Invite your friends" max="10" showborder="true"/></fb:request-form>', ADA, { services: testServices(asked) });
    expect(html).toBe(
      `<form class="fbml-request-form" method="post" action="${REQUEST_FORM_SUBMIT_PATH}">${FIELDS('Quiz', 'c', '0', '/apps/quiz/play/sent.php')}` +
        '<div class="fbml-friend-selector fbml-friend-selector-border"><div class="fbml-friend-selector-title">Invite your friends</div>' +
        `<ul class="fbml-friend-list">${checkbox(BOB.uid, 'Bob Bobson')}${checkbox(CY.uid, 'Cy Young')}</ul><p class="fbml-friend-selector-note">Choose up to 10 friends.</p>` +
        '<div class="fbml-friend-selector-buttons"><input type="submit" class="fbml-request-form-submit" value="Send Quiz Request"> <a class="fbml-friend-selector-bypass" href="/apps/quiz/play/sent.php">Skip</a></div></div></form>',
    );
    // The friend list first, then everyone's names in one call.
    expect(asked).toEqual([`friends ${ADA.uid}`, `people ${[ADA.uid, BOB.uid, CY.uid].sort().join(',')}`]);
  });

  it('exclude_ids leaves friends out; condensed has no buttons; bypass="cancel" says Cancel', async () => {
    const condensed = await canvasHtml(`<fb:multi-friend-selector condensed="true" exclude_ids="${BOB.uid}"/>`, ADA);
    expect(condensed).toBe(`<div class="fbml-friend-selector fbml-friend-selector-condensed"><ul class="fbml-friend-list">${checkbox(CY.uid, 'Cy Young')}</ul><p class="fbml-friend-selector-note">Choose up to 35 friends.</p></div>`);
    expect(await canvasHtml('<fb:multi-friend-selector actiontext="a" bypass="cancel"/>', ADA)).toContain('>Cancel</a>');
  });

  it('a viewer without friends, or nobody signed in, is told so', async () => {
    expect(await canvasHtml('<fb:multi-friend-selector actiontext="Pick" condensed="true"/>', DEE)).toContain('<p class="fbml-friend-selector-note">You have no friends to choose here yet.</p>');
    expect(await canvasHtml('<fb:multi-friend-selector actiontext="Pick" condensed="true"/>', undefined)).toContain('<p class="fbml-friend-selector-note">Sign in to choose friends.</p>');
  });

  it('max out of range is reported and the default used', async () => {
    expect((await canvasPage('<fb:multi-friend-selector actiontext="a" max="99"/>', ADA)).problems).toEqual(['fb:multi-friend-selector: max "99" is not a number from 1 to 35; 35 used']);
  });
});

describe('fbml canvas: fb:multi-friend-input and fb:friend-selector', () => {
  it('fb:multi-friend-input: check boxes with prefill_ids ticked; prefill_locked ones post through a hidden field', async () => {
    expect(await canvasHtml(`<fb:multi-friend-input prefill_ids="${CY.uid},${DEE.uid}" max="5"/>`, ADA)).toBe(
      `<div class="fbml-multi-friend-input"><ul class="fbml-friend-list">${checkbox(BOB.uid, 'Bob Bobson')}<li><label><input type="checkbox" name="ids[]" value="${CY.uid}" checked="checked"> Cy Young</label></li></ul>` +
        '<p class="fbml-friend-selector-note">Choose up to 5 friends.</p></div>',
    );
    expect(await canvasHtml(`<fb:multi-friend-input prefill_ids="${CY.uid}" prefill_locked="true"/>`, ADA)).toContain(
      `<li><input type="hidden" name="ids[]" value="${CY.uid}"><label><input type="checkbox" name="ids[]" value="${CY.uid}" checked="checked" disabled="disabled"> Cy Young</label></li>`,
    );
  });

  it('fb:friend-selector: a list of friends posting the uid under idname; include_me and prefill_id', async () => {
    expect(await canvasHtml(`<fb:friend-selector idname="to" include_me="true" prefill_id="${CY.uid}"/>`, ADA)).toBe(
      `<select class="fbml-friend-select" name="to"><option value>Choose a friend</option><option value="${ADA.uid}">Ada Lovelace</option><option value="${BOB.uid}">Bob Bobson</option><option value="${CY.uid}" selected="selected">Cy Young</option></select>`,
    );
    expect(await canvasHtml('<fb:friend-selector/>', BOB)).toBe(`<select class="fbml-friend-select" name="friend_selector_id"><option value>Choose a friend</option><option value="${ADA.uid}">Ada Lovelace</option></select>`);
  });

  it("another person's friends are not offered", async () => {
    expect((await canvasPage(`<fb:friend-selector uid="${BOB.uid}"/>`, ADA)).problems).toEqual(["fb:friend-selector: only the viewer's own friends can be offered; the viewer's are shown"]);
  });
});

describe('fbml canvas: fb:request-form-submit and fb:req-choice', () => {
  it('with uid: a button that sends to that friend, %n their name', async () => {
    expect(await canvasHtml(`<fb:request-form type="Quiz" content="c"><fb:request-form-submit uid="${BOB.uid}"/><fb:request-form-submit uid="${CY.uid}" label="Challenge %n"/></fb:request-form>`, ADA)).toContain(
      `<button type="submit" class="fbml-request-form-submit" name="ids[]" value="${BOB.uid}">Send Quiz Request to Bob Bobson</button><button type="submit" class="fbml-request-form-submit" name="ids[]" value="${CY.uid}">Challenge Cy Young</button>`,
    );
  });

  it('fb:req-choice on the page itself is removed and reported', async () => {
    expect(await canvasPage('<fb:req-choice url="x" label="y"/>', ADA)).toMatchObject({ html: '', problems: ['fb:req-choice: only allowed inside the content of fb:request-form; removed'] });
  });
});
