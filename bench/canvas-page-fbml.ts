/** A 2 KB FBML canvas page: headings, paragraphs, a list, links, a form and a few fb: tags. */
export function canvasPageFbml(): string {
  const head = '<fb:title>Word of the day</fb:title><fb:header>Word of the day</fb:header><h2>Today: serendipity</h2>';
  const item = (n: number) => `<li><a href="entry.php?id=${n}">Entry ${n}</a>: the finding of things not sought, <b>by chance</b> and sagacity.</li>`;
  const form = '<form action="guess.php" method="post"><input type="text" name="guess" value=""/><input type="submit" value="Guess"/></form>';
  let page = `${head}<p>Hello <fb:name uid="loggedinuser" useyou="false"/>, here are today's words.</p><ul>`;
  for (let n = 1; page.length < 1850; n++) page += item(n);
  page += `</ul>${form}`;
  return page.padEnd(2048, ' ');
}
