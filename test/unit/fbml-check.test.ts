import { describe, expect, it } from 'vitest';
import { checkFbml } from '../../src/fbml/index.js';

/** FBML as apps wrote it; profile.setFBML must store every one. */
const ACCEPTED: Record<string, string> = {
  'the profile.getFBML seed example': '<fb:if-is-own-profile>MyAAA profile! <fb:else> NotAAA my profile!</fb:else> </fb:if-is-own-profile>',
  'the worked example of fbml.md §7': `<fb:fbml version="1.1">
<fb:subtitle seeallurl="http://apps.example.org/quiz/all">Latest scores</fb:subtitle>
<fb:wide><fb:name uid="profileowner" useyou="false"/> scored 42.</fb:wide>
<fb:narrow>Score: 42</fb:narrow>
<fb:visible-to-owner>Only you see this hint.</fb:visible-to-owner>
<fb:if-is-own-profile>Your profile<fb:else>Not your profile</fb:else></fb:if-is-own-profile>
</fb:fbml>`,
  'plain text': 'Hello, world',
  'an empty box': '',
  'self-closing user tags': '<fb:name uid="12345" possessive="true" /> <fb:pronoun uid="12345"/> <fb:profile-pic uid="loggedinuser" size="square"/>',
  'upper-case tag names': '<FB:NAME UID="1"/><Fb:Wide>w</fB:wIDE>',
  'an empty fb:else': '<fb:if-is-app-user>Thanks!<fb:else/></fb:if-is-app-user>',
  'nested conditionals and visibility tags': '<fb:if-is-friends-with-viewer><fb:visible-to-app-users bgcolor="white"><fb:if value="true">a<fb:else>b</fb:else></fb:if></fb:visible-to-app-users><fb:else><fb:visible-to-connection>c<fb:else>Become a fan</fb:else></fb:visible-to-connection></fb:else></fb:if-is-friends-with-viewer>',
  'a user table': '<fb:user-table cols="3"><fb:user-item uid="1"/><fb:user-item uid="2"></fb:user-item></fb:user-table>',
  'a subtitle with an action': '<fb:subtitle seeallurl="http://x.example/">Recent<fb:action href="http://x.example/new" title="New">New</fb:action></fb:subtitle>',
  'sloppy HTML around FBML': '<p>one<p>two<br>three<ul><li>a<li><fb:name uid="1"/></ul><table><tr><td><fb:wide>w</fb:wide><td>x</table></b></i></div>',
  'HTML misnested inside an fb: tag': '<fb:wide><b><i>bold italic</b></i></fb:wide>',
  'unknown fb: tags (dropped at render time)': '<fb:made-up foo="bar">x</fb:made-up><fb:iframe src="http://x.example/"></fb:iframe><fb:ref handle="h"/>',
  'entities and comments': '&lt;fb:name&gt; &amp; &copy; <!-- <fb:wide> in a comment is not a tag -->',
  'fb: tags in script, style and textarea text': '<script>if (a</fb:wide>) {}</script><style>/* </fb:narrow> */</style><textarea></fb:else></textarea>',
  'markup the renderer will clean': '<img src="javascript:alert(1)" onerror="alert(1)"><iframe src="http://x.example/"></iframe><svg onload="alert(1)"/>',
  'a profile action and mobile content': '<fb:profile-action url="http://x.example/">Quiz me</fb:profile-action><fb:mobile>short</fb:mobile>',
};

describe('fbml: checkFbml accepts real FBML', () => {
  for (const [what, fbml] of Object.entries(ACCEPTED)) {
    it(what, () => {
      expect(checkFbml(fbml)).toEqual([]);
    });
  }
});

describe('fbml: checkFbml refuses what does not parse', () => {
  it('an fb: tag never closed', () => {
    expect(checkFbml('a\n<fb:wide>b')).toEqual(['line 2: <fb:wide> is never closed']);
  });

  it('fb: tags closed out of order', () => {
    expect(checkFbml('<fb:wide><fb:visible-to-owner>x</fb:wide></fb:visible-to-owner>')).toEqual([
      'line 1: <fb:visible-to-owner> is closed by </fb:wide> before its own closing tag',
      'line 1: </fb:visible-to-owner> closes nothing',
    ]);
  });

  it('an fb: tag closed by the end of an HTML element around it', () => {
    expect(checkFbml('<b><fb:narrow>x</b></fb:narrow>')).toEqual([
      'line 1: <fb:narrow> is closed by </b> before its own closing tag',
      'line 1: </fb:narrow> closes nothing',
    ]);
  });

  it('a closing fb: tag with nothing to close', () => {
    expect(checkFbml('x</fb:else>\n</fb:if>')).toEqual(['line 1: </fb:else> closes nothing', 'line 2: </fb:if> closes nothing']);
  });

  it('html, head and body elements', () => {
    expect(checkFbml('<html><head></head>\n<body>x</body></html>')).toEqual([
      'line 1: <html> is not allowed in FBML',
      'line 1: <head> is not allowed in FBML',
      'line 2: <body> is not allowed in FBML',
    ]);
  });

  it('hints at the slash an unquoted value swallowed', () => {
    expect(checkFbml('<fb:if-is-app-user><fb:name uid=1/></fb:if-is-app-user>')).toEqual([
      'line 1: <fb:name> is closed by </fb:if-is-app-user> before its own closing tag (quote its attribute values: in uid=1/> the slash belongs to the value)',
    ]);
  });

  it('reports at most 20 problems', () => {
    expect(checkFbml(Array.from({ length: 50 }, (_, line) => `\n</fb:x${line}>`).join(''))).toHaveLength(20);
  });
});
