/** @kiemdiem/cli: the `kiemdiem` command, also callable from code (`run(argv, io)`). */
export { run } from './run';
export { EXIT } from './io';
export type { Io } from './io';
export { tableLines } from './commands/rate';
export { COMMAND_NAMES } from './locales';
export type { CommandName } from './locales';
