/**
 * chevrotain from the single-file build its package ships (`lib/chevrotain.mjs`) instead of its
 * package entry (`lib/src/api.js`), which loads lodash-es module by module: the same API of the same
 * version, for about 5 MB of a server's memory instead of 35 MB (RSS measured around the import).
 * The package's exports map names only the entry, so the bundle is found beside it.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

type Chevrotain = typeof import('chevrotain');

const entry = createRequire(import.meta.url).resolve('chevrotain');
const bundle = pathToFileURL(join(dirname(entry), '..', 'chevrotain.mjs')).href;

export const { createToken, EmbeddedActionsParser, EOF, Lexer } = (await import(bundle)) as Chevrotain;
