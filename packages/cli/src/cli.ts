/** The `kiemdiem` binary: runs the command and sets the exit code. */
import { run } from './run';

void run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: process.stdout.isTTY === true,
  write: (data) => (process.stdout.write(data) ? undefined : new Promise<void>((resolve) => process.stdout.once('drain', resolve))),
}).then((code) => {
  process.exitCode = code;
});
