/** kiemdiem serve: the SDK as an HTTP service (@kiemdiem/server), until SIGTERM or SIGINT. */
import { defineCommand } from '../command';
import { EXIT, UsageError, type Io } from '../io';
import type { Messages } from '../locales';

export const serve = defineCommand({
  name: 'serve',
  flags: {
    port: { type: 'integer', short: 'p', min: 0, max: 65535, default: 8080, arg: 'N' },
    host: { type: 'string', default: '127.0.0.1', arg: 'H' },
    'tokens-file': { type: 'string', arg: 'FILE' },
    'cors-origin': { type: 'string', multiple: true, arg: 'ORIGIN' },
    'pdf-workers': { type: 'integer', min: 1, max: 64, default: 2, arg: 'N' },
    'body-limit': { type: 'integer', min: 1, max: 1024, default: 16, arg: 'MB' },
  },
  run: (v, { io, msg }) =>
    serveCommand({ port: v.port, host: v.host, tokensFile: v['tokens-file'], corsOrigins: v['cors-origin'], pdfWorkers: v['pdf-workers'], bodyLimitMb: v['body-limit'] }, io, msg),
});

export interface ServeArgs {
  port: number;
  host: string;
  tokensFile?: string;
  corsOrigins: string[];
  pdfWorkers: number;
  bodyLimitMb: number;
}

export async function serveCommand(args: ServeArgs, io: Io, msg: Messages): Promise<number> {
  // Loaded here: the other commands do not pay for the HTTP stack.
  const { listen, readTokens } = await import('@kiemdiem/server');
  let tokens: string[];
  try {
    tokens = readTokens(args.tokensFile);
  } catch (error) {
    throw new UsageError(msg.unreadable(args.tokensFile ?? '', (error as Error).message));
  }
  const server = await listen({
    port: args.port,
    host: args.host,
    tokens,
    corsOrigins: args.corsOrigins,
    pdf: { workers: args.pdfWorkers },
    bodyLimit: args.bodyLimitMb * 1024 * 1024,
  });
  io.stderr(`${msg.serve.listening(server.url, tokens.length > 0)}\n`);
  await server.closed;
  return EXIT.ok;
}
