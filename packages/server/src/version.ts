/**
 * The version of @kiemdiem/server. The bundler copies it from package.json into dist (ESM and CJS alike), so it
 * needs no file at run time and is whatever package.json says when the package is built (changesets bumps it
 * before `pnpm release` builds).
 */
import { version } from '../package.json';

export const VERSION: string = version;
