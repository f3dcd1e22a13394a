/** fb:dashboard, fb:header, fb:media-header, fb:tabs and the message boxes on a canvas page. */
import { describe, expect, it } from 'vitest';
import { ADA, BOB, canvasHtml, canvasPage } from './fbml-canvas-kit.js';

const ICON = '<img class="fbml-app-icon" src="https://quiz.example/icon.png" alt>';

describe('fbml canvas: fb:dashboard', () => {
  it("the app's icon and name, help on the right, the actions, then the create button", async () => {
    const fbml = `<fb:dashboard>
      <fb:action href="http://quiz.example/fb/new.php">New quiz</fb:action>
      <fb:action href="mine.php" title="Yours">My quizzes</fb:action>
      <fb:help href="help.php">Help</fb:help>
      <fb:create-button href="create.php">Create a quiz</fb:create-button>
    </fb:dashboard>`;
    expect(await canvasPage(fbml, ADA)).toEqual({
      kind: 'page',
      html:
        `<div class="fbml-dashboard"><div class="fbml-dashboard-title"><span class="fbml-dashboard-help"><a class="fbml-help" href="help.php">Help</a></span>${ICON}<span class="fbml-dashboard-name">Quiz</span></div>` +
        '<div class="fbml-dashboard-actions"><a class="fbml-action" href="/apps/quiz/new.php">New quiz</a> | <a class="fbml-action" title="Yours" href="mine.php">My quizzes</a></div>' +
        '<div class="fbml-dashboard-create"><a class="fbml-create-button" href="create.php"><span class="fbml-create-plus">+</span> Create a quiz</a></div></div>',
      problems: [],
    });
  });

  it('other children, and a second create button, are left out and reported', async () => {
    const page = await canvasPage('<fb:dashboard><p>hi</p><fb:create-button href="a">A</fb:create-button><fb:create-button href="b">B</fb:create-button></fb:dashboard>', ADA);
    expect(page.html).not.toContain('hi');
    expect(page.html).not.toContain('B</a>');
    expect(page.problems).toEqual([
      'fb:dashboard: only fb:action, fb:help and fb:create-button belong in it; <p> removed',
      'fb:dashboard: only one fb:create-button is shown; the others are removed',
    ]);
  });

  it('an app without an icon shows its name alone; a help link without text says Help', async () => {
    expect(await canvasHtml('<fb:dashboard><fb:help href="h.php"/></fb:dashboard>', ADA, { app: { id: 1, name: 'Plain', apiKey: 'k' } })).toBe(
      '<div class="fbml-dashboard"><div class="fbml-dashboard-title"><span class="fbml-dashboard-help"><a class="fbml-help" href="h.php">Help</a></span><span class="fbml-dashboard-name">Plain</span></div></div>',
    );
  });

  it('a refused href leaves the text without a link', async () => {
    expect(await canvasHtml('<fb:help href="javascript:x()">Help</fb:help><fb:create-button>New</fb:create-button>', ADA)).toBe(
      '<span class="fbml-help">Help</span><span class="fbml-create-button"><span class="fbml-create-plus">+</span> New</span>',
    );
  });
});

describe('fbml canvas: fb:header and fb:media-header', () => {
  it('fb:header: the icon (unless icon="false") and the text as the heading; decorations as classes', async () => {
    expect(await canvasHtml('<fb:header>Top <b>scores</b></fb:header>', ADA)).toBe(`<div class="fbml-header">${ICON}<h2 class="fbml-header-title">Top <b>scores</b></h2></div>`);
    expect(await canvasHtml('<fb:header icon="false" decoration="add_border">T</fb:header>', ADA)).toBe('<div class="fbml-header fbml-header-border"><h2 class="fbml-header-title">T</h2></div>');
    expect((await canvasPage('<fb:header decoration="sparkly">T</fb:header>', ADA)).problems).toEqual(['fb:header: decoration "sparkly" is not add_border, no_padding or shorten; ignored']);
  });

  it("fb:media-header: the owner's picture, the title, by whom, and the text", async () => {
    expect(await canvasHtml(`<fb:media-header uid="${ADA.uid}" media_title="Ada's quiz">Taken 3 times</fb:media-header>`, BOB)).toBe(
      `<div class="fbml-media-header"><a href="/profile.php?id=${ADA.uid}"><img src="https://pics.example/ada.jpg" alt="Ada Lovelace" width="50"></a>` +
        `<div class="fbml-media-header-body"><h2 class="fbml-media-header-title">Ada&apos;s quiz</h2><div class="fbml-media-header-owner">by <a href="/profile.php?id=${ADA.uid}">Ada Lovelace</a></div><div class="fbml-media-header-text">Taken 3 times</div></div></div>`,
    );
  });
});

describe('fbml canvas: fb:tabs', () => {
  it('left tabs, then right ones; the selected tab is marked; fb:tab_item is the same tag', async () => {
    const fbml = '<fb:tabs><fb:tab-item href="a.php" title="All" selected="true"/> <fb:tab_item href="http://quiz.example/fb/mine.php" title="Mine"/><fb:tab-item href="help.php" title="Help" align="right"/></fb:tabs>';
    expect(await canvasHtml(fbml, ADA)).toBe(
      '<div class="fbml-tabs"><ul class="fbml-tabs-left"><li class="fbml-tab fbml-tab-selected"><a href="a.php">All</a></li><li class="fbml-tab"><a href="/apps/quiz/mine.php">Mine</a></li></ul>' +
        '<ul class="fbml-tabs-right"><li class="fbml-tab"><a href="help.php">Help</a></li></ul></div>',
    );
  });

  it('a tab without href is a label; other children and stray tab items are reported', async () => {
    const page = await canvasPage('<fb:tabs><fb:tab-item title="A"/><b>x</b></fb:tabs><fb:tab-item href="b" title="B"/>', ADA);
    expect(page.html).toBe('<div class="fbml-tabs"><ul class="fbml-tabs-left"><li class="fbml-tab"><span>A</span></li></ul></div>');
    expect(page.problems).toEqual([
      'fb:tabs: only fb:tab-item belongs in it; the rest is removed',
      'fb:tab-item: required attribute "href" is missing; shown without a link',
      'fb:tab-item: only allowed directly inside fb:tabs; removed',
    ]);
  });
});

describe('fbml canvas: fb:error, fb:explanation, fb:success', () => {
  it('the heading from fb:message or the message attribute, the rest as detail', async () => {
    expect(await canvasHtml('<fb:error><fb:message>Could not save</fb:message>Try again <b>later</b>.</fb:error>', ADA)).toBe(
      '<div class="fbml-message fbml-error"><h2 class="fbml-message-title">Could not save</h2><div class="fbml-message-body">Try again <b>later</b>.</div></div>',
    );
    expect(await canvasHtml('<fb:success message="Saved"/><fb:explanation message="Note">Quizzes last a week.</fb:explanation>', ADA)).toBe(
      '<div class="fbml-message fbml-success"><h2 class="fbml-message-title">Saved</h2></div>' +
        '<div class="fbml-message fbml-explanation"><h2 class="fbml-message-title">Note</h2><div class="fbml-message-body">Quizzes last a week.</div></div>',
    );
  });

  it('an empty box is removed and reported', async () => {
    expect(await canvasPage('<fb:error> </fb:error>', ADA)).toMatchObject({ html: '', problems: ['fb:error: no message and no detail; removed'] });
  });
});
