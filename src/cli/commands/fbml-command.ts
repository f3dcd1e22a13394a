/**
 * `hearth fbml render`: a profile box as a viewer would see it, for an app's developer or the
 * operator. The HTML goes to stdout; what the renderer dropped or could not show goes to stderr
 * as `hearth: fbml: …` lines (the profile page only logs them), and the exit status stays 0.
 * Markup given with --file or --fbml is also checked as profile.setFBML would check it.
 *
 *   hearth fbml render --uid 500000001 --app 100001
 *   hearth fbml render --uid ada@example.org --viewer 500000002 --app 100001 --position narrow
 *   hearth fbml render --uid 500000001 --app 100001 --file box.fbml
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { readFile } from 'node:fs/promises';
import { checkFbml, renderProfileBox, type BoxPosition } from '../../fbml/index.js';
import { CliError, dbOption, findPerson, withStore } from '../cli-support.js';

const POSITIONS: readonly BoxPosition[] = ['wide', 'narrow', 'main'];

function parsePosition(text: string): BoxPosition {
  if (!(POSITIONS as readonly string[]).includes(text)) throw new InvalidArgumentError(`must be one of ${POSITIONS.join(', ')}`);
  return text as BoxPosition;
}

/** Each problem is one line of stderr, whatever it quotes. */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}

interface RenderOptions {
  readonly uid: string;
  readonly viewer?: string;
  readonly app: string;
  readonly position: BoxPosition;
  readonly file?: string;
  readonly fbml?: string;
  readonly db: string;
}

async function readFbmlFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : ((error as NodeJS.ErrnoException).code ?? (error as Error).message);
    throw new CliError(`cannot read ${JSON.stringify(path)}: ${reason}`);
  }
}

export function fbmlCommand(): Command {
  const command = new Command('fbml').description('preview profile boxes (FBML)');

  command
    .command('render')
    .description("render a person's profile box of an app as a viewer sees it: HTML on stdout, problems on stderr")
    .requiredOption('--uid <person>', 'whose profile (uid or e-mail)')
    .option('--viewer <person>', 'who is looking (uid or e-mail); nobody signed in when left out')
    .requiredOption('--app <app>', 'the app whose box it is (app_id or api_key)')
    .addOption(new Option('--position <position>', 'wide, narrow or main; the main box is read from profile_main, the others from profile').argParser(parsePosition).default('wide'))
    .addOption(new Option('--file <path>', 'render this FBML file instead of the stored box').conflicts('fbml'))
    .addOption(new Option('--fbml <text>', 'render this FBML text instead of the stored box').conflicts('file'))
    .addOption(dbOption())
    .action(async (options: RenderOptions) => {
      // A file that cannot be read is reported before the database is opened.
      const given = options.file !== undefined ? await readFbmlFile(options.file) : options.fbml;
      await withStore(options.db, async (_store, services) => {
        const owner = await findPerson(services, options.uid);
        const viewer = options.viewer === undefined ? undefined : await findPerson(services, options.viewer);
        const app = await services.apps.find(options.app);
        const box = options.position === 'main' ? 'profileMain' : 'profile';
        const fbml = given ?? (await services.profiles.getFbml(owner.uid, app.appId, box));
        if (given === undefined && fbml === '') {
          const slot = box === 'profileMain' ? 'profile_main' : 'profile';
          throw new CliError(`${app.name} (${app.appId}) has stored no ${slot} FBML for uid ${owner.uid}; give --file or --fbml to render other markup`);
        }
        const rendered = await renderProfileBox({ fbml, ownerUid: owner.uid, viewerUid: viewer?.uid, appId: app.appId, position: options.position }, services);
        process.stdout.write(rendered.html.endsWith('\n') ? rendered.html : `${rendered.html}\n`);
        // Markup from a file or the command line may not have been through profile.setFBML yet.
        const refusals = given === undefined ? [] : checkFbml(given).map((problem) => `profile.setFBML would refuse this markup (error 330): ${problem}`);
        for (const problem of [...refusals, ...rendered.problems]) process.stderr.write(`hearth: fbml: ${oneLine(problem)}\n`);
      });
    });

  return command;
}
