/**
 * `hearth post PERSON TEXT [--to FRIEND]`: a post made as the operator types it, as if on Hearth's
 * own pages (no app). On the person's own wall it is a status update (and their current status); with
 * `--to` it goes on a friend's wall. People are named by uid or e-mail address. Prints the post_id.
 *
 *   hearth post ada@example.org "Reading about the Analytical Engine"
 *   hearth post 500000001 "Happy birthday!" --to bob@example.org --json
 */
import { Command } from 'commander';
import { dbOption, findPerson, jsonOption, printJson, withStore } from '../cli-support.js';

export function postCommand(): Command {
  return new Command('post')
    .description("post on a person's wall (a status update), or with --to on a friend's wall; prints the post_id")
    .argument('<person>', 'who posts: uid or e-mail')
    .argument('<text>', 'the message')
    .option('--to <friend>', "a friend of theirs whose wall it goes on (uid or e-mail)")
    .addOption(jsonOption())
    .addOption(dbOption())
    .action(async (who: string, text: string, options: { to?: string; json?: boolean; db: string }) =>
      withStore(options.db, async (_store, services) => {
        const actor = await findPerson(services, who);
        const wall = options.to === undefined ? actor : await findPerson(services, options.to);
        const type = wall.uid === actor.uid ? 46 : 56;
        const { postId, storyId } = await services.stream.publish({ actor: actor.uid, wall: wall.uid, appId: null, type, message: text, attachment: null, actionLinks: null });
        if (options.json) return printJson({ post_id: postId, story_id: storyId, actor: actor.uid, wall: wall.uid, type });
        process.stdout.write(`${postId}\n`);
      }),
    );
}
