#!/usr/bin/env node
// Thin launcher: the command lives in dist/cli.js (built by tsup).
import('../dist/cli.js').catch((error) => {
  process.stderr.write(`kiemdiem: không chạy được (${error && error.message ? error.message : error}). Hãy chạy "pnpm build" trước.\n`);
  process.exit(3);
});
