/** The `kiemdiem` binary: runs the command and sets the exit code. */
import { run } from './run';

void run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: process.stdout.isTTY === true,
}).then((code) => {
  process.exitCode = code;
});
