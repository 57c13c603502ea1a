/** The `kiemdiem` binary: runs the command and sets the exit code. */
import { run } from './run';

// The reader went away (`kiemdiem rate … | head`): stop quietly, as Unix tools do, instead of crashing
// on the write error. Anything else on stdout is a real failure and keeps Node's default.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

void run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: process.stdout.isTTY === true,
  // Resolves once stdout is done with the bytes (its write callback; a failed write goes to the 'error'
  // handler above): `rate --format jsonl` then reuses their buffer for the next chunk of output.
  write: (data) =>
    new Promise<void>((resolve) => {
      process.stdout.write(data, (error) => {
        if (!error) resolve();
      });
    }),
  writeReleases: true,
}).then((code) => {
  process.exitCode = code;
});
